"""Editors import a workshop's statements from CSV or XLSX: a preview with per-row errors,
nothing saved until they confirm, and then all rows or none."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from participation.models import Statement
from tests import factories

URL = "/admin/aussagen-import/"


def upload(client, name, content, **fields):
    data = {"stage": "1", "file": SimpleUploadedFile(name, content), **fields}
    return client.post(URL, data)


@pytest.fixture
def signed_in_editor(client, editor, theme_page):
    factories.sector("politik")
    client.force_login(editor)
    return client


CSV = (
    "thema;art;bereich;text\n"
    "Mobilität;Ausgangsbild;Politik;Der Radverkehr wächst, aber die Wege sind lückenhaft.\n"
    "Mobilität;ausgangsbild;zivilgesellschaft;Busse fahren abends zu selten.\n"
).encode()


def test_a_valid_file_is_previewed_and_saved_only_on_confirm(signed_in_editor):
    response = upload(signed_in_editor, "workshop.csv", CSV)
    html = response.content.decode()
    assert "Alle 2 Zeilen sind fehlerfrei." in html
    assert "Busse fahren abends zu selten." in html
    assert not Statement.objects.exists()
    response = signed_in_editor.post(URL + "bestaetigen/")
    assert response.status_code == 302
    assert Statement.objects.count() == 2
    assert set(Statement.objects.values_list("state", "stage", "kind")) == {
        ("draft", 1, "ausgangsbild")
    }


def test_rows_with_errors_are_named_and_nothing_can_be_saved(signed_in_editor):
    content = (
        "thema,art,bereich,text\n"
        "Mobilität,Zielbild,Politik,Gut.\n"
        "Atlantis,Zielbild,Politik,Ein Thema, das es nicht gibt.\n"
        "Mobilität,Wunschbild,Politik,Eine Art, die es nicht gibt.\n"
        "Mobilität,Zielbild,Presse,Ein Bereich, den es nicht gibt.\n"
        "Mobilität,Zielbild,Politik,\n"
        "Mobilität,Zielbild,Politik,Gut.\n"
    ).encode()
    html = upload(signed_in_editor, "fehler.csv", content, stage="3").content.decode()
    assert "5 Zeilen haben Fehler. Nichts wurde gespeichert" in html
    for message in [
        "Thema „Atlantis“ gibt es nicht.",
        "Art „wunschbild“ ist weder Ausgangsbild noch Zielbild.",
        "Bereich „Presse“ gibt es nicht.",
        "Text fehlt.",
        "Diese Aussage steht doppelt in der Datei.",
    ]:
        assert message in html
    assert "Importieren bestätigen" not in html
    assert signed_in_editor.post(URL + "bestaetigen/").status_code == 302
    assert not Statement.objects.exists()


def test_columns_left_out_come_from_the_form(signed_in_editor, theme_page):
    content = b"text\nNur Text in dieser Datei, der Rest kommt aus dem Formular.\n"
    sector = factories.sector("institutionen")
    html = upload(
        signed_in_editor,
        "nur-text.csv",
        content,
        theme=theme_page.theme.pk,
        kind="zielbild",
        stage="3",
        sector=sector.pk,
        publish="on",
    ).content.decode()
    assert "fehlerfrei" in html
    signed_in_editor.post(URL + "bestaetigen/")
    statement = Statement.objects.get()
    assert (statement.sector, statement.kind, statement.state) == (sector, "zielbild", "published")


def test_xlsx_files_are_read_too(signed_in_editor):
    book = Workbook()
    sheet = book.active
    sheet.append(["Thema", "Art", "Bereich", "Text"])
    sheet.append(["mobilität", "Zielbild", "Politik", "Dortmund hat 2030 ein dichtes Radnetz."])
    buffer = io.BytesIO()
    book.save(buffer)
    html = upload(signed_in_editor, "workshop.xlsx", buffer.getvalue(), stage="3").content.decode()
    assert "1 Zeile ist fehlerfrei." in html


def test_a_row_of_a_kind_that_another_stage_collects_is_named(signed_in_editor):
    """The process says which stage collects which kind: Zielbilder belong to stage 3."""
    content = b"thema;art;bereich;text\nMobilit\xc3\xa4t;Zielbild;Politik;Ein Radnetz 2030.\n"
    html = upload(signed_in_editor, "workshop.csv", content, stage="1").content.decode()
    assert "Zielbilder entstehen in Stufe 3, nicht in Stufe 1." in html
    assert "Ausgangsbilder" in html and "Stufe 3: Zielbilder" in html  # the form's choices
    signed_in_editor.post(URL + "bestaetigen/")
    assert not Statement.objects.exists()


def test_wrong_files_are_refused_with_a_reason(signed_in_editor):
    assert "Endung .csv oder .xlsx" in upload(signed_in_editor, "a.pdf", b"%PDF").content.decode()
    assert (
        "nicht als Excel-Tabelle"
        in upload(signed_in_editor, "kaputt.xlsx", b"kein zip").content.decode()
    )
    assert "Spalte „text“" in upload(signed_in_editor, "a.csv", b"foo,bar\n1,2\n").content.decode()
    big = b"text\n" + b"x" * (2 * 1024 * 1024)
    assert (
        "erlaubt sind höchstens 2 MB" in upload(signed_in_editor, "gross.csv", big).content.decode()
    )
    many = ("text\n" + "".join(f"Zeile {n}\n" for n in range(2001))).encode()
    assert "mehr als 2.000 Zeilen" in upload(signed_in_editor, "viel.csv", many).content.decode()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_csv_saved_as_unicode_text_by_excel_is_read_too(signed_in_editor, encoding):
    # Excel's "Unicode-Text" is UTF-16 with tabs; it used to end in a server error.
    content = CSV.decode().replace(";", "\t").encode(encoding)
    if encoding != "utf-16":  # with a byte order mark, as Excel writes it
        content = "\ufeff".encode(encoding) + content
    html = upload(signed_in_editor, "workshop.csv", content).content.decode()
    assert "Alle 2 Zeilen sind fehlerfrei." in html


def test_a_file_with_nul_bytes_is_refused_with_a_reason(signed_in_editor):
    response = upload(signed_in_editor, "binär.csv", b"text\nEin\x00Text\n")
    assert response.status_code == 200
    assert "Nullzeichen" in response.content.decode()


@pytest.mark.parametrize("roles", [[], ["Moderation"], ["Konferenzteam"]], ids=str)
def test_only_editors_import(client, theme_page, roles):
    client.force_login(factories.UserFactory(roles=roles))
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, {"stage": "1", "file": SimpleUploadedFile("a.csv", CSV)})
    assert response.status_code in (302, 403)
    assert not Statement.objects.exists()


def test_imported_statements_are_found_by_the_admin_search(signed_in_editor):
    upload(signed_in_editor, "workshop.csv", CSV)
    signed_in_editor.post(URL + "bestaetigen/")
    html = signed_in_editor.get(
        "/admin/snippets/participation/statement/?q=abends"
    ).content.decode()
    assert "Busse fahren abends zu selten." in html
    assert "Der Radverkehr wächst" not in html
