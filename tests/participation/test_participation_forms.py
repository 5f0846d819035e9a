"""The participation's forms – comment, proposal, flag, notification settings – as people
see them (issue 15): KERN markup, and after a mistake the error summary first, focused and
linked to the field, "Fehler:" before the title, and the text still there."""

from tests import factories
from tests.form_checks import assert_error_summary, assert_kern_markup, soup, value_of


def test_the_comment_form_and_its_summary(client, citizen, zielbild):
    client.force_login(citizen)
    assert_kern_markup(soup(client.get(zielbild.get_absolute_url())))
    response = client.post(f"/beteiligung/aussagen/{zielbild.pk}/kommentieren/", {"text": "x"})
    anchors = assert_error_summary(response, fields={"text"})
    page = soup(response)
    assert page.find(id=anchors[0]).find_parent("form")["action"].endswith("/kommentieren/")
    assert value_of(page, "text") == "x"


def test_a_comment_on_a_statement_that_does_not_exist_is_not_an_error_page(client, citizen):
    client.force_login(citizen)
    response = client.post("/beteiligung/aussagen/999999999999/kommentieren/", {"text": "Hallo"})
    assert response.status_code == 404


def test_the_proposal_form_marks_nothing_when_all_is_required(client, citizen, theme_page):
    client.force_login(citizen)
    url = f"/beteiligung/themen/{theme_page.theme.slug}/vorschlagen/"
    page = soup(client.get(url))
    assert_kern_markup(page)
    assert not page.select(".kern-label__optional, .site-required-mark")
    kind = page.select_one("input[name=kind]")["value"]
    response = client.post(url, {"action": "pruefen", "kind": kind, "text": "Zu kurz."})
    assert_error_summary(response, fields={"text"})
    assert value_of(soup(response), "text") == "Zu kurz."
    assert value_of(soup(response), "kind") == kind


def test_the_flag_form_marks_its_one_optional_field(client, citizen, zielbild):
    comment = factories.comment(zielbild, text="Unsinn")
    client.force_login(citizen)
    url = f"/beteiligung/kommentare/{comment.pk}/melden/"
    page = soup(client.get(url))
    assert_kern_markup(page)
    optional = [label.get_text(" ", strip=True) for label in page.select("main form label")]
    assert "Erläuterung für die Moderation (optional)" in optional
    response = client.post(url, {"note": "Bitte prüfen"})
    anchors = assert_error_summary(response, fields={"reason"})
    # A group of radios: the link leads to its first option.
    assert anchors == ["id_reason_0"]
    assert value_of(soup(response), "note") == "Bitte prüfen"


def test_the_notification_settings_are_kern_checkboxes(client, citizen):
    client.force_login(citizen)
    page = soup(client.get("/konto/benachrichtigungen/"))
    assert_kern_markup(page)
    assert len(page.select("main form input.kern-form-check__checkbox")) == 3
    assert not page.select(".kern-label__optional, .site-required-mark")
