"""A person signs up, follows the link from the mail and signs in – with the keyboard alone,
and with no axe violations on any page on the way, the ones with errors included."""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .keyboard import press_on, sign_in, tab_to, type_into

pytestmark = SHARED_DEMO_SITE

EMAIL = "neu.im.browser@example.org"


def test_sign_up_verify_and_sign_in_with_the_keyboard(demo_page):
    page, found = demo_page, {}
    page.goto(page.base_url + "/")
    press_on(page, "link", "Registrieren", navigates=True)
    expect(page.get_by_role("heading", name="Registrieren", level=1)).to_be_visible()

    # Sent empty: the errors are listed at the top, each linked to its field.
    press_on(page, "button", "Registrieren", navigates=True)
    expect(page.get_by_role("alert")).to_contain_text("Bitte prüfen Sie Ihre Eingaben.")
    found["sign-up with errors"] = axe_violations(page)
    summary_link = page.get_by_role("alert").get_by_role("link").first
    press_on(page, summary_link)
    expect(page.get_by_label("E-Mail")).to_be_focused()

    page.keyboard.type(EMAIL)
    type_into(page, page.get_by_label("Anzeigename"), "Neu im Browser")
    type_into(page, page.get_by_label("Passwort", exact=True), PASSWORD)
    type_into(page, page.get_by_label("Passwort (Wiederholung)"), PASSWORD)
    press_on(page, "button", "Registrieren", navigates=True)
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(page.get_by_role("heading", name="Bestätigen Sie Ihre E-Mail-Adresse")).to_be_visible()
    found["confirmation mail sent"] = axe_violations(page)

    # The link from the mail opens a page with one button: mail scanners confirm nothing.
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"https?://\S+(/konto/confirm-email/\S+)", message.body).group(1)
    page.goto(page.base_url + link)
    found["confirm e-mail address"] = axe_violations(page)
    press_on(page, "button", "Bestätigen", navigates=True)
    found["after confirming"] = axe_violations(page)

    # A wrong password first, then the right one.
    sign_in(page, EMAIL, "nicht das Passwort")
    expect(page.get_by_role("alert")).to_be_visible()
    found["sign-in with errors"] = axe_violations(page)
    type_into(page, page.get_by_label("Passwort", exact=True), PASSWORD)
    press_on(page, "button", "Anmelden", navigates=True)
    # Signed in from the home page's header, they are back where they were.
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))
    press_on(page, "link", re.compile("^Mein Konto"), navigates=True)
    expect(page).to_have_url(re.compile(r"/konto/$"))
    expect(page.get_by_role("heading", name="Mein Konto")).to_be_visible()
    expect(page.get_by_text(EMAIL)).to_be_visible()
    found["my account"] = axe_violations(page)
    tab_to(page, "button", "Abmelden")

    assert {name: v for name, v in found.items() if v} == {}, describe(found)
