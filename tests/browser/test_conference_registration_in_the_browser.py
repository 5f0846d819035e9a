"""Registering for a Stadtkonferenz, end to end in the browser.

Erika finds the conference of stage 4, registers without an account, gets her mistakes
explained next to the fields, confirms through the link in her mail, changes what she needs
and finally cancels, which gives her seat to the person waiting. She uses the keyboard
alone (tests/browser/keyboard.py), and every page she sees has zero axe-core violations
(WCAG 2.1 A/AA).
"""

import re

import pytest
from playwright.sync_api import expect

from cms.models import StagePage
from konferenzen import registrations
from konferenzen.models import ConferencePage, Registration, RegistrationStatus
from outbox.models import Mail
from tests import factories
from tests.konferenzen.conftest import make_conference

from .conftest import axe_violations, describe
from .keyboard import choose, press_on, type_into

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONFERENCE_PAGE = "/stadtgespraech/stufe-4/konferenz/"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/konferenzen/anmeldung/bestaetigen/[^\s]+/)")
ERIKA = "erika@example.org"
WALTER = "walter@example.org"


# --- Building blocks ------------------------------------------------------------------------


@pytest.fixture
def conference(process):
    """The conference of stage 4, published under the stage's page, with one seat only."""
    conference = make_conference(capacity=1)
    factories.publish(
        StagePage.objects.get(locale__language_code="de", number=4),
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    return conference


def link_in_last_mail(to: str, pattern=CONFIRM_LINK) -> str:
    """The path of the link from the newest stored mail to this address that has one."""
    for mail in Mail.objects.filter(to=to).order_by("-pk"):
        if found := pattern.search(mail.text):
            return found.group(1)
    raise AssertionError(f"no such link in the mails to {to}")


def register_and_confirm_in_the_background(conference, email: str, name: str) -> Registration:
    """Someone else registers and clicks their link, without a browser."""
    registration = registrations.register(
        conference=conference,
        email=email,
        details={"name": name, "sector": "buergerinnen"},
        preferences={},
    )
    registrations.confirm(registration_id=registration.pk, secret=registration.secret)
    registration.refresh_from_db()
    return registration


def assert_no_axe_violations(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"{tab.url}\n{describe(violations)}"


def expect_error_next_to(tab, field, text: str) -> None:
    """The message stands beside the field and is tied to it for screen readers."""
    field_id = field.get_attribute("id")
    error = tab.locator(f"#{field_id}-error")
    expect(error).to_have_text(text)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", re.compile(rf"\b{field_id}-error\b"))


# --- The person who registers ---------------------------------------------------------------


def test_a_person_registers_confirms_changes_a_need_and_cancels_for_the_one_waiting(
    page, conference
):
    """Erika takes the last of the conference's seats: she registers (first with a wrong
    address and without consent, which is explained next to the fields while her name stays),
    confirms through the link in her mail, sees her QR code and check-in code, asks for an
    induction loop and finally cancels. Walter, who confirmed after her and waited, gets her
    seat and a mail saying so."""

    # Step 1: the conference page under stage 4 shows the free seat and the way to register.
    page.goto(page.base_url + CONFERENCE_PAGE)
    assert_no_axe_violations(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(conference.title)
    expect(page.locator(".kern-description-list")).to_contain_text("noch 1 Platz")
    press_on(page, "link", "Jetzt anmelden", navigates=True)
    expect(page).to_have_url(re.compile(f"/konferenzen/{conference.slug}/anmelden/$"))
    assert_no_axe_violations(page)

    # Step 2: a wrong address and no consent; the errors stand next to the fields.
    name = page.get_by_role("textbox", name="Name", exact=True)
    email = page.get_by_label("E-Mail-Adresse")
    consent = page.get_by_label("Ich habe den Datenschutzhinweis gelesen und bin einverstanden.")
    type_into(page, name, "Erika Beispiel")
    page.keyboard.press("Tab")
    expect(email).to_be_focused()
    page.keyboard.type("erika-at-example.org")
    choose(page, page.get_by_label("Bürger*innen"))
    press_on(page, "button", "Anmeldung absenden", navigates=True)
    expect_error_next_to(
        page,
        email,
        "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
    )
    expect_error_next_to(
        page,
        consent,
        "Ohne Ihr Einverständnis mit dem Datenschutzhinweis können wir Sie nicht anmelden.",
    )
    expect(name).to_have_value("Erika Beispiel")
    expect(email).to_have_value("erika-at-example.org")
    assert not Registration.objects.exists()
    assert_no_axe_violations(page)

    # Step 3: corrected and sent: „Fast geschafft“.
    type_into(page, email, ERIKA, replace=True)
    press_on(page, consent, key="Space")
    expect(consent).to_be_checked()
    press_on(page, "button", "Anmeldung absenden", navigates=True)
    expect(page).to_have_url(re.compile(f"/konferenzen/{conference.slug}/anmelden/gesendet/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Fast geschafft: Bitte prüfen Sie Ihr Postfach"
    )
    expect(page.get_by_text(f"Wir haben eine E-Mail an {ERIKA} geschickt.")).to_be_visible()
    assert_no_axe_violations(page)
    erika = Registration.objects.get(email=ERIKA)
    assert erika.status == RegistrationStatus.PENDING

    # Step 4: the link from the mail shows a button; her click takes the last seat.
    page.goto(page.base_url + link_in_last_mail(ERIKA))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    assert_no_axe_violations(page)
    erika.refresh_from_db()
    assert erika.status == RegistrationStatus.PENDING, "opening the link confirms nothing"
    press_on(page, "button", "Ja, ich nehme teil", navigates=True)
    expect(page).to_have_url(re.compile("/konferenzen/anmeldung/[^/]+/$"))
    manage_url = page.url
    expect(page.get_by_role("status")).to_contain_text(
        "Danke! Ihre Anmeldung ist bestätigt, Ihr Platz ist sicher."
    )
    expect(page.get_by_text("Ihr Platz ist bestätigt.", exact=True)).to_be_visible()
    erika.refresh_from_db()
    assert erika.status == RegistrationStatus.CONFIRMED
    expect(page.locator(".checkin-code")).to_have_text(erika.checkin_code)
    qr = page.get_by_role("img", name=f"QR-Code für den Check-in: {erika.checkin_code}")
    expect(qr).to_be_visible()
    assert qr.evaluate("node => node.tagName") == "svg"
    expect(qr.locator("title")).to_have_text(f"QR-Code für den Check-in: {erika.checkin_code}")
    assert_no_axe_violations(page)

    # Walter confirms after her: no seat left, he waits.
    walter = register_and_confirm_in_the_background(conference, WALTER, "Walter Warte")
    assert walter.status == RegistrationStatus.WAITING

    # Step 5: she asks for an induction loop.
    loop = page.get_by_label("Induktionsschleife")
    expect(loop).not_to_be_checked()
    press_on(page, loop, key="Space")
    expect(loop).to_be_checked()
    press_on(page, "button", "Änderungen speichern", navigates=True)
    expect(page.get_by_role("status")).to_contain_text("Ihre Änderungen sind gespeichert.")
    expect(page.get_by_label("Induktionsschleife")).to_be_checked()
    assert page.url == manage_url
    erika.refresh_from_db()
    assert erika.needs_induction_loop
    assert_no_axe_violations(page)

    # Step 6: she cancels; her seat goes to Walter.
    press_on(page, "link", "Anmeldung absagen", navigates=True)
    expect(page).to_have_url(re.compile("/absagen/$"))
    expect(page.get_by_text("Erika Beispiel, möchten Sie wirklich absagen?")).to_be_visible()
    assert_no_axe_violations(page)
    press_on(page, "button", "Ja, absagen", navigates=True)
    expect(page).to_have_url(manage_url)
    expect(page.get_by_text("Sie haben abgesagt.", exact=True)).to_be_visible()
    expect(page.locator(".checkin-qr")).to_have_count(0)
    assert_no_axe_violations(page)

    erika.refresh_from_db()
    walter.refresh_from_db()
    assert erika.status == RegistrationStatus.CANCELLED
    assert walter.status == RegistrationStatus.CONFIRMED
    assert Mail.objects.filter(to=WALTER, subject__contains="Ein Platz ist frei geworden").exists()


def test_a_tampered_confirmation_link_gets_a_friendly_page(page, conference):
    """A confirmation link cut short or changed by hand leads to a page that explains what
    to do, not to an error page."""
    registrations.register(
        conference=conference,
        email=ERIKA,
        details={"name": "Erika Beispiel", "sector": "buergerinnen"},
        preferences={},
    )
    link = link_in_last_mail(ERIKA)

    response = page.goto(page.base_url + link[:-4] + "xyz/")

    assert response.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text("Dieser Link funktioniert nicht")
    expect(page.get_by_role("link", name="Zur Startseite")).to_be_visible()
    assert_no_axe_violations(page)
    assert Registration.objects.get().status == RegistrationStatus.PENDING
