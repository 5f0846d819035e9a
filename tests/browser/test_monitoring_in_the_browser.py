"""The public monitoring: from the dashboard to a key figure's chart and table, with the
keyboard, and no axe violations on the way."""

import pytest

from tests.browser.conftest import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_from_the_dashboard_to_a_key_figure_with_the_keyboard(page, demo_site):
    found = {}
    page.goto(page.base_url + "/monitoring/")
    found["dashboard"] = axe_violations(page)
    link = page.get_by_role("link", name="Anzahl Ladeinfrastruktur").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/monitoring/kennzahlen/*/")
    assert page.get_by_role("heading", name="Anzahl Ladeinfrastruktur", level=1).is_visible()
    assert page.locator("svg[role=img] polyline").count() == 1
    assert page.get_by_role("table").first.is_visible()
    assert page.get_by_text("auf Kurs").first.is_visible()
    found["key figure"] = axe_violations(page)
    page.goto(page.base_url + "/monitoring/offene-daten/")
    found["open data"] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}, describe(found)
