"""Download my data and delete my account in the browser, with the keyboard alone.

Erika signs in, downloads the file with everything about her, looks at her signed-in
devices, mistypes her password when deleting her account (the message stands next to the
field), and deletes it. Tab, Enter and typing only; every page has zero axe-core
violations (WCAG 2.1 A/AA).
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import User
from participation.models import Comment
from tests import factories
from tests.factories import PASSWORD

from .conftest import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def assert_no_axe_violations(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"{tab.url}\n{describe(violations)}"


def tab_to(tab, locator, limit: int = 60) -> None:
    """Press Tab until the element has the focus, as someone without a mouse does."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def follow(tab, locator) -> None:
    tab_to(tab, locator)
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()


def test_a_person_downloads_her_data_and_deletes_her_account_with_the_keyboard(page, process):
    erika = factories.UserFactory(display_name="Erika Beispiel", email="erika@example.org")
    statement = factories.statement(text="Dortmund hat 2030 Busse im Zehn-Minuten-Takt.")
    comment = factories.comment(statement, author=erika, text="Auch in den Außenbezirken!")

    # Sign in.
    page.goto(page.base_url + "/konto/login/")
    tab_to(page, page.get_by_label("E-Mail"))
    page.keyboard.type(erika.email)
    tab_to(page, page.get_by_label("Passwort"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/")
    assert_no_axe_violations(page)

    # The devices she is signed in on.
    follow(page, page.get_by_role("link", name="Angemeldete Geräte"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Angemeldete Geräte")
    assert_no_axe_violations(page)
    follow(page, page.get_by_role("link", name="Zurück zu Mein Konto"))

    # Her data, as one file.
    follow(page, page.get_by_role("link", name="Meine Daten herunterladen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Daten herunterladen")
    assert_no_axe_violations(page)
    tab_to(page, page.get_by_role("link", name="Als JSON-Datei herunterladen (für Programme)"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["konto"]["konto"]["email"] == "erika@example.org"
    assert [c["text"] for c in data["beteiligung"]["kommentare"]] == [comment.text]

    # Deleting: a mistyped password first.
    follow(page, page.get_by_role("link", name="Zurück zu Mein Konto"))
    follow(page, page.get_by_role("link", name="Konto löschen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Konto löschen")
    assert_no_axe_violations(page)
    password = page.get_by_label("Ihr Passwort")
    tab_to(page, password)
    page.keyboard.type("vertippt-vertippt")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("#id_password-error")).to_have_text("Das Passwort ist nicht korrekt.")
    expect(password).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    tab_to(page, password)
    page.keyboard.type(PASSWORD)
    tab_to(page, page.get_by_role("button", name="Konto endgültig löschen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/geloescht/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Konto ist gelöscht")
    assert_no_axe_violations(page)

    # Signed out; her comment stays, without her name.
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
    page.goto(page.base_url + statement.get_absolute_url())
    expect(page.locator(f"#kommentar-{comment.pk}")).to_contain_text("gelöschtes Konto")
    assert User.objects.get(pk=erika.pk).is_deleted
    assert Comment.objects.get(pk=comment.pk).author_id == erika.pk
