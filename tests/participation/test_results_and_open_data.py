"""Results per theme and the open-data export: figures from the data, no personal data,
a documented stable format."""

import csv
import io
import json

import pytest

from participation.models import Proposal, Vote
from participation.votes import recount_votes
from tests import factories


def votes(statement, *choices):
    for choice in choices:
        Vote.objects.create(statement=statement, user=factories.UserFactory(), choice=choice)
    recount_votes(statement)


def test_the_summary_counts_participants_once_and_names_the_top_statements(client, theme_page):
    theme = theme_page.theme
    agreed = factories.statement(theme, text="Alle sind dafür.")
    disputed = factories.statement(theme, text="Die Meinungen gehen auseinander.")
    votes(agreed, *["agree"] * 12)
    votes(disputed, *["agree", "disagree"] * 6)
    commenter = Vote.objects.filter(statement=agreed).first().user
    factories.comment(agreed, author=commenter)  # votes and comments: still one person
    Proposal.objects.create(theme=theme, kind="zielbild", stage=3, text="x" * 40, author=commenter)
    html = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    figures = {
        "Teilnehmende": "24",
        "Bewertungen": "24",
        "Kommentare": "1",
    }
    for label, value in figures.items():
        assert f'{label}</dt><dd class="kern-description-list-item__value">{value}' in html
    agreed_section = html.split('id="zustimmung"')[1].split('id="umstritten"')[0]
    disputed_section = html.split('id="umstritten"')[1]
    assert "Alle sind dafür." in agreed_section and "Die Meinungen" not in agreed_section
    assert "Die Meinungen gehen auseinander." in disputed_section
    assert "Alle sind dafür." not in disputed_section


def test_statements_csv_has_the_documented_columns_and_no_personal_data(client, theme_page):
    statement = factories.statement(theme_page.theme, text="Mehr Bäume, bitte.")
    votes(statement, "agree", "neutral")
    factories.comment(statement, author=factories.UserFactory(display_name="Geheimer Name"))
    factories.statement(theme_page.theme, text="Entwurf.", state="draft")
    response = client.get(f"/offene-daten/aussagen.csv?thema={theme_page.theme.slug}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Geheimer Name" not in content and "Entwurf." not in content
    (row,) = list(csv.DictReader(io.StringIO(content)))
    assert list(row) == [
        "id", "url", "thema", "art", "stufe", "herkunft", "status", "text",
        "zustimmung", "ablehnung", "neutral", "kommentare", "veroeffentlicht",
    ]  # fmt: skip
    assert (row["text"], row["zustimmung"], row["neutral"], row["kommentare"]) == (
        "Mehr Bäume, bitte.",
        "1",
        "1",
        "1",
    )


def test_comments_csv_leaves_out_hidden_and_deleted_text(client, theme_page):
    statement = factories.statement(theme_page.theme)
    factories.comment(statement, text="Sichtbar.")
    factories.comment(statement, text="Ausgeblendet.", visibility="hidden")
    from django.utils import timezone

    factories.comment(statement, text="", deleted_at=timezone.now())
    factories.comment(statement, text="Wartet.", visibility="pending")
    content = b"".join(client.get("/offene-daten/kommentare.csv").streaming_content).decode(
        "utf-8-sig"
    )
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [(r["status"], r["text"]) for r in rows] == [
        ("sichtbar", "Sichtbar."),
        ("ausgeblendet", ""),
        ("geloescht", ""),
    ]
    assert "Wartet." not in content


def test_the_json_nests_comments_and_names_format_version_and_licence(client, theme_page):
    statement = factories.statement(theme_page.theme, text="Eine Aussage.")
    factories.comment(statement, text="Ein Kommentar.")
    response = client.get("/offene-daten/aussagen.json")
    document = json.loads(b"".join(response.streaming_content))
    assert document["format"] == "stadtgespraech-aussagen" and document["version"] == 1
    assert "dl-de/by-2-0" in document["lizenz"]
    (item,) = document["aussagen"]
    assert item["text"] == "Eine Aussage." and item["kommentare"] == 1
    assert [c["text"] for c in item["kommentare_liste"]] == ["Ein Kommentar."]
    assert "author" not in json.dumps(document)


def test_an_unknown_theme_in_the_export_is_a_404(client, db):
    assert client.get("/offene-daten/aussagen.csv?thema=gibt-es-nicht").status_code == 404


@pytest.mark.parametrize("document", ["aussagen.csv", "aussagen.json", "kommentare.csv"])
def test_a_theme_that_cannot_be_a_slug_is_a_404(client, db, document):
    # Found by tests/security: PostgreSQL refused to look for a NUL byte (a server error).
    assert client.get(f"/offene-daten/{document}?thema=%00").status_code == 404


def test_the_open_data_page_documents_the_fields(client, theme_page):
    html = client.get("/offene-daten/").content.decode()
    assert "zustimmung" in html and "antwort_der_stadt" in html and "Formatversion 1" in html
