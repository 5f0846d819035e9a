"""One person's things are not another's: object-level checks across roles.

Each test asks as someone who is allowed the kind of thing (a citizen may edit comments,
an office may report values) whether they reach somebody else's instance of it.
"""

import pytest
from django.test import Client

from konferenzen import links
from participation.models import Comment
from umsetzung.models import KeyFigureValue

from .answers import outcome, request

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_citizen_can_neither_edit_nor_delete_someone_elses_comment(security):
    client = signed_in(security.users["citizen"])
    comment = security.others_comment
    for action in ("bearbeiten", "loeschen"):
        response = client.post(
            f"/beteiligung/kommentare/{comment.pk}/{action}/", {"text": "Gehackt!"}
        )
        assert outcome(response) in ("denied", "404"), action
    assert Comment.objects.get(pk=comment.pk).text == "Nein."


def test_the_registration_links_are_signed_and_a_number_alone_opens_nothing(security):
    """Decidim's "guessable export links": the self-service link of a registration is the
    registration signed with the site's key, never its number."""
    registration = security.others_registration
    token = links.manage_url(registration, absolute=False).split("/")[-2]
    assert str(registration.pk) != token and len(token) > 40
    client = signed_in(security.users["citizen"])
    for guess in (str(registration.pk), token[:-1] + ("A" if token[-1] != "A" else "B")):
        for suffix in ("", "absagen/", "kalender.ics"):
            response = client.get(f"/konferenzen/anmeldung/{guess}/{suffix}")
            assert response.status_code in (400, 404, 410), (guess, suffix)
            assert b"Nils" not in response.content


def test_a_confirmation_link_does_not_open_the_self_service_page(security):
    token = links.confirm_url(security.others_registration, absolute=False).split("/")[-2]
    response = Client().get(f"/konferenzen/anmeldung/{token}/")
    assert response.status_code in (400, 404, 410)


def test_the_personal_data_download_is_always_ones_own(security):
    client = signed_in(security.users["citizen"])
    data = b"".join(client.get("/konto/daten/meine-daten.json").streaming_content).decode()
    assert security.users["citizen"].email in data
    assert security.neighbour.email not in data
    # There is no parameter to ask for someone else's: the address names no account.
    other = client.get(f"/konto/daten/meine-daten.json?user={security.neighbour.pk}")
    assert security.neighbour.email not in b"".join(other.streaming_content).decode()


def test_notification_settings_are_ones_own(security):
    client = signed_in(security.users["citizen"])
    response = request(
        client, "post", f"/konto/benachrichtigungen/?user={security.neighbour.pk}", {}
    )
    assert response.status_code in (200, 302)
    assert security.neighbour.notification_settings.replies is True


def test_an_office_cannot_report_for_another_offices_key_figure(security):
    client = signed_in(security.users["office"])
    figure = security.other_key_figure
    response = request(
        client,
        "post",
        f"/admin/berichte/kennzahl/{figure.pk}/",
        {"date": "2026-01-01", "value": "1", "unit": "Anzahl"},
    )
    assert outcome(response) in ("denied", "404")
    assert not KeyFigureValue.objects.filter(key_figure=figure).exists()


@pytest.mark.parametrize("role", ["visitor", "citizen", "editor", "moderator", "office"])
def test_a_draft_council_paper_and_its_files_do_not_exist_for_others(security, role):
    client = Client()
    if security.users[role]:
        client.force_login(security.users[role])
    number = security.draft_version.number
    for url in (
        f"/ratsvorlage/{number}/",
        f"/ratsvorlage/{number}/datei/pdf/",
        f"/ratsvorlage/{number}/datei/docx/herunterladen/",
        f"/oparl/v1.1/paper/{number}/",
        f"/oparl/v1.1/file/{number}-pdf/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ["strategy_team", "council"])
def test_the_strategy_team_and_the_council_read_the_draft(security, role):
    client = signed_in(security.users[role])
    assert client.get(f"/ratsvorlage/{security.draft_version.number}/datei/pdf/").status_code == 200


def test_council_paper_files_have_names_nobody_can_guess(security):
    names = [security.draft_version.pdf.name, security.published_version.pdf.name]
    assert names[0] != names[1]
    for name in names:
        folder = name.split("/")[1]
        assert len(folder) >= 24, name


@pytest.mark.parametrize("role", ["visitor", "citizen", "moderator", "office", "council"])
def test_an_unpublished_page_has_no_preview_for_others(security, role):
    client = Client()
    if security.users[role]:
        client.force_login(security.users[role])
    page = security.draft_page
    for url in (f"/admin/pages/{page.pk}/view_draft/", f"/admin/pages/{page.pk}/edit/preview/"):
        assert outcome(client.get(url)) in ("login", "denied"), url
