"""Stage 5: the strategy team compiles the Ratsvorlage from the data, council members read
the draft, the team publishes it, and the council's decision is recorded and opens stage 6."""

import datetime
import io

import pytest
from django.utils import timezone

from cms.process import stage_status
from outbox.models import Mail
from participation.models import Follow, Vote
from ratsvorlage import compilation
from ratsvorlage.content import content_hash
from ratsvorlage.models import CouncilDecision, PaperVersion
from tests import factories
from zielbilder.models import ConsolidatedZielbild

pytestmark = pytest.mark.django_db
ADMIN = "/admin/ratsvorlage/"
FORM = {
    "title": "Strategie „Unser Dortmund“",
    "paper_number": "12345-26",
    "proposed_resolution": "Der Rat beschließt die Stadtstrategie.",
}


def compile_from_admin(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADMIN, {**FORM, **changes})
    return response


def is_tagged(pdf: bytes) -> bool:
    """The catalogue of a tagged PDF has a structure tree; it may sit in a compressed stream."""
    import re
    import zlib

    if b"/StructTreeRoot" in pdf:
        return True
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            if b"/StructTreeRoot" in zlib.decompress(stream):
                return True
        except zlib.error:
            continue
    return False


def test_the_team_compiles_a_version_from_the_data_in_three_formats(
    client, strategist, theme, django_capture_on_commit_callbacks
):
    from docx import Document

    statement = factories.statement(
        theme, kind="ausgangsbild", stage=1, text="Busse sind zu selten."
    )
    voter = factories.UserFactory()
    Vote.objects.create(statement=statement, user=voter, choice="agree")
    zielbild = ConsolidatedZielbild.objects.create(theme=theme, text="Busse fahren oft.", live=True)
    response = compile_from_admin(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    version = PaperVersion.objects.get()
    assert version.state == "draft" and version.progress == 100
    assert version.sha256 == content_hash(version.content)
    assert version.created_at is not None
    # Every figure comes from the data.
    assert version.content["figures"]["votes"] == 1
    assert version.content["figures"]["participants"] == 1
    mobility = next(t for t in version.content["themes"] if t["slug"] == theme.slug)
    assert mobility["ausgangsbilder"][0]["text"] == "Busse sind zu selten."
    assert mobility["zielbilder"][0]["text"] == zielbild.text
    assert "Busse sind zu selten." in version.html and version.sha256 in version.html
    pdf = version.pdf.read()
    assert pdf.startswith(b"%PDF") and is_tagged(pdf)
    document = Document(io.BytesIO(version.docx.read()))
    assert any(
        "Busse sind zu selten." in cell.text
        for t in document.tables
        for row in t.rows
        for cell in row.cells
    ) or any("Busse sind zu selten." in p.text for p in document.paragraphs)
    listing = client.get(ADMIN).content.decode()
    assert "Entwurf" in listing and "Veröffentlichen" in listing


def test_a_second_compilation_while_one_runs_is_refused_with_a_clear_message(
    client, strategist, theme
):
    running = PaperVersion.objects.create(
        number=1,
        title="T",
        paper_number="1",
        proposed_resolution="R",
        state="compiling",
        progress=45,
        progress_note="PDF setzen",
    )
    response = client.post(ADMIN, FORM)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Version 1 wird gerade erstellt" in page and "45 %" in page
    assert PaperVersion.objects.count() == 1 and running.state == "compiling"


def test_the_form_keeps_what_was_typed_and_says_what_is_missing(client, strategist, theme):
    response = client.post(ADMIN, {**FORM, "paper_number": "", "proposed_resolution": "x" * 4001})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Strategie „Unser Dortmund“" in page  # kept
    assert "Dieses Feld muss ausgefüllt werden." in page
    assert "höchstens 4000 Zeichen" in page or "maximal 4000 Zeichen" in page
    assert not PaperVersion.objects.exists()


def test_the_paper_number_is_one_line_of_plain_characters(client, strategist, theme):
    response = client.post(ADMIN, {**FORM, "paper_number": "123\r\nX-Header: 1"})
    assert response.status_code == 400
    assert "Bitte nur Buchstaben, Ziffern" in response.content.decode()
    assert not PaperVersion.objects.exists()


def test_the_download_is_named_after_the_number_in_safe_characters(client, process):
    version = factories.paper_version(1, state="published")
    PaperVersion.objects.filter(pk=version.pk).update(paper_number='Drs. 12/3 "neu"\n')
    download = client.get("/ratsvorlage/1/datei/pdf/herunterladen/")
    assert download.status_code == 200
    assert 'filename="ratsvorlage-Drs.-12-3-neu-fassung-1.pdf"' in download["Content-Disposition"]


def test_a_failed_compilation_says_why_and_the_next_one_may_start(
    client, strategist, theme, monkeypatch, django_capture_on_commit_callbacks
):
    from ratsvorlage import compilation

    def broken(*args, **kwargs):
        raise OSError("Schriftart fehlt")

    monkeypatch.setattr(compilation, "render_pdf", broken)
    compile_from_admin(client, django_capture_on_commit_callbacks)
    failed = PaperVersion.objects.get()
    assert failed.state == "failed" and "Schriftart fehlt" in failed.error
    assert "Schriftart fehlt" in client.get(ADMIN).content.decode()
    monkeypatch.undo()
    compile_from_admin(client, django_capture_on_commit_callbacks)
    assert PaperVersion.objects.get(number=2).state == "draft"


def test_a_compilation_whose_worker_was_lost_is_started_over_by_the_sweep(theme):
    from ratsvorlage import tasks

    version = PaperVersion.objects.create(
        number=1, title="T", paper_number="1", proposed_resolution="R", state="compiling"
    )
    assert tasks.compile_stuck_papers() == 0
    PaperVersion.objects.filter(pk=version.pk).update(
        modified_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    assert tasks.compile_stuck_papers() == 1
    version.refresh_from_db()
    assert version.state == "draft" and version.pdf


# --- who reads what ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Strategieteam", "Ratsmitglieder"])
def test_the_team_and_council_members_read_a_draft(client, process, role):
    version = factories.paper_version()
    client.force_login(factories.UserFactory(roles=[role]))
    page = client.get(f"/ratsvorlage/{version.number}/")
    assert page.status_code == 200 and "Entwurf: nur für das Strategieteam" in page.content.decode()
    assert client.get(f"/ratsvorlage/{version.number}/datei/pdf/").status_code == 200
    assert f"Fassung {version.number}" in client.get("/ratsvorlage/").content.decode()


@pytest.mark.parametrize("role", [None, "citizen", "Redaktion", "Moderation", "Konferenzteam"])
def test_nobody_else_learns_that_a_draft_exists(client, process, role):
    version = factories.paper_version()
    if role == "citizen":
        client.force_login(factories.UserFactory())
    elif role:
        client.force_login(factories.UserFactory(roles=[role]))
    for url in (
        f"/ratsvorlage/{version.number}/",
        f"/ratsvorlage/{version.number}/datei/pdf/",
        f"/ratsvorlage/{version.number}/datei/docx/herunterladen/",
    ):
        assert client.get(url).status_code == 404
    assert f"Fassung {version.number}" not in client.get("/ratsvorlage/").content.decode()


def test_council_members_read_but_cannot_compile_publish_or_decide(client, process):
    version = factories.paper_version()
    client.force_login(factories.UserFactory(roles=["Ratsmitglieder"]))
    assert client.post(ADMIN, FORM).status_code in (302, 403)
    assert client.post(f"{ADMIN}1/veroeffentlichen/").status_code in (302, 403)
    assert client.post(f"{ADMIN}1/beschluss/", {}).status_code in (302, 403)
    version.refresh_from_db()
    assert version.state == "draft" and PaperVersion.objects.count() == 1


@pytest.mark.parametrize("role", ["Redaktion", "Moderation", "Konferenzteam"])
def test_other_roles_cannot_compile(client, process, role):
    client.force_login(factories.UserFactory(roles=[role]))
    assert client.get(ADMIN).status_code in (302, 403)
    assert client.post(ADMIN, FORM).status_code in (302, 403)
    assert not PaperVersion.objects.exists()


def test_publishing_makes_a_version_public_once(client, strategist, process):
    version = factories.paper_version()
    publishing = f"{ADMIN}{version.number}/veroeffentlichen/"
    assert client.get(publishing).status_code == 405  # a button's address: POST only
    client.post(publishing)
    version.refresh_from_db()
    assert version.state == "published" and version.published_by == strategist
    again = client.post(publishing, follow=True)
    assert "Version 1 ist bereits veröffentlicht." in again.content.decode()
    client.logout()
    assert client.get("/ratsvorlage/1/").status_code == 200
    inline = client.get("/ratsvorlage/1/datei/pdf/")
    assert inline["Content-Type"] == "application/pdf"
    assert "attachment" not in inline.get("Content-Disposition", "")
    download = client.get("/ratsvorlage/1/datei/pdf/herunterladen/")
    assert download["Content-Disposition"].startswith("attachment")


def test_the_public_list_keeps_its_query_count(client, process, django_assert_max_num_queries):
    factories.paper_version(1, state="published")
    client.get("/ratsvorlage/")
    with django_assert_max_num_queries(12) as few:
        client.get("/ratsvorlage/")
    for number in range(2, 30):
        factories.paper_version(number, state="published")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/ratsvorlage/?page=2")
    assert page.status_code == 200


def test_two_versions_are_compared_line_by_line(client, strategist, process):
    first = factories.paper_version(1, state="published")
    second = factories.paper_version(2, state="published")
    for version, text in ((first, "Alle kommen gut an."), (second, "Alle kommen schnell an.")):
        version.content = {
            "paper": {"title": "T", "number": "1", "proposed_resolution": "R"},
            "themes": [
                {
                    "name": "Mobilität",
                    "ausgangsbilder": [],
                    "zielbilder": [{"text": text, "sources": []}],
                    "inputs": {
                        "total": 0,
                        "taken_up": 0,
                        "merged": 0,
                        "not_taken_up": 0,
                        "open": 0,
                    },
                    "not_taken_up": [],
                }
            ],
            "figures": {
                "participants": 0,
                "comments": 0,
                "votes": 0,
                "proposals": 0,
                "conferences": [],
            },
            "strategy": [],
            "matrix": {"offices": []},
        }
        PaperVersion.objects.filter(pk=version.pk).update(content=version.content)
    page = client.get("/ratsvorlage/vergleich/?von=1&zu=2").content.decode()
    assert "entfallen:</span> Zielbild: Alle kommen gut an." in page
    assert "neu:</span> Zielbild: Alle kommen schnell an." in page
    same = client.get("/ratsvorlage/vergleich/?von=1&zu=1")
    assert same.status_code == 400 and "zwei verschiedene Fassungen" in same.content.decode()
    # Hand-edited links: "²" passes str.isdigit(), a 30-digit number no database column.
    odd = client.get("/ratsvorlage/vergleich/?von=²&zu=" + "9" * 30)
    assert odd.status_code == 400 and "zwei Fassungen aus der Liste" in odd.content.decode()


# --- the decision ------------------------------------------------------------------------------


def decide(client, number, **data):
    return client.post(
        f"{ADMIN}{number}/beschluss/",
        {"meeting_date": timezone.localdate().isoformat(), "outcome": "adopted", **data},
        follow=True,
    )


def test_an_adopting_decision_makes_the_version_binding_opens_stage_6_and_tells_followers(
    client, strategist, theme, django_capture_on_commit_callbacks
):
    follower = factories.UserFactory()
    Follow.objects.create(user=follower, theme=theme)
    version = factories.paper_version(state="published")
    assert not stage_status(6).is_running
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, 1, votes_yes=60, votes_no=20, votes_abstain=4)
    assert "Der Beschluss ist eingetragen." in response.content.decode()
    version.refresh_from_db()
    assert version.binding
    assert stage_status(6).is_running and not stage_status(5).is_running
    mail = Mail.objects.get(to=follower.email)
    assert "Ratsbeschluss" in mail.subject and "/ratsvorlage/1/" in mail.text
    public = client.get("/ratsvorlage/1/").content.decode()
    assert "verbindlich und unveränderlich" in public and "60 Ja, 20 Nein, 4 Enthaltungen" in public


def test_a_decision_on_an_unpublished_version_is_refused(client, strategist, process):
    factories.paper_version()
    response = decide(client, 1)
    assert response.status_code == 400
    assert "Version 1 ist nicht veröffentlicht" in response.content.decode()
    assert not CouncilDecision.objects.exists()


def test_changes_must_be_named_and_the_meeting_cannot_lie_ahead(client, strategist, process):
    factories.paper_version(state="published")
    missing = decide(client, 1, outcome="adopted_with_changes")
    assert "Bitte nennen Sie die beschlossenen Änderungen." in missing.content.decode()
    ahead = decide(
        client, 1, meeting_date=(timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    )
    assert "Die Sitzung liegt in der Zukunft." in ahead.content.decode()
    assert not CouncilDecision.objects.exists()


def test_a_postponed_paper_stays_open_for_a_later_decision(client, strategist, process):
    version = factories.paper_version(state="published")
    decide(client, 1, outcome="postponed")
    version.refresh_from_db()
    assert not version.binding and not stage_status(6).is_running
    decide(client, 1, outcome="adopted_with_changes", changes="Ziel 3 wird ergänzt.")
    version.refresh_from_db()
    assert version.binding and version.decisions.count() == 2


def test_a_binding_version_is_frozen(client, strategist, process):
    version = factories.paper_version(state="published")
    decide(client, 1)
    version.refresh_from_db()
    again = decide(client, 1)
    assert "bereits verbindlich beschlossen und unveränderlich" in again.content.decode()
    from django.core.exceptions import ValidationError

    version.title = "Anders"
    with pytest.raises(ValidationError):
        version.save()
    other = factories.paper_version(2)
    compilation.publish(other)
    refused = decide(client, 2)
    assert "Eine andere Version ist bereits verbindlich beschlossen." in refused.content.decode()
