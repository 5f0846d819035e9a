"""A person signs up, follows the link from the mail, and signs in: all in the browser."""

import re

import pytest
from django.core import mail

from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_up_verify_and_sign_in(page, demo_site):
    page.goto(page.base_url + "/konto/signup/")
    page.get_by_label("E-Mail").fill("neu.im.browser@example.org")
    page.get_by_label("Anzeigename").fill("Neu im Browser")
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").last.click()
    page.wait_for_url("**/konto/confirm-email/")
    assert page.get_by_role("heading", name="Bestätigen Sie Ihre E-Mail-Adresse").is_visible()

    (message,) = [m for m in mail.outbox if m.to == ["neu.im.browser@example.org"]]
    link = re.search(r"https?://\S+/konto/confirm-email/\S+", message.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    page.goto(page.base_url + path)
    page.get_by_role("button", name="Bestätigen").click()

    page.goto(page.base_url + "/konto/login/")
    page.get_by_label("E-Mail").fill("neu.im.browser@example.org")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    page.wait_for_url("**/konto/")
    assert page.get_by_role("heading", name="Mein Konto").is_visible()
    assert page.get_by_text("neu.im.browser@example.org").is_visible()
