"""The public monitoring: from the dashboard to a key figure's chart and table, and to the
open data, with the keyboard alone and with no axe violations on the way."""

import re

from playwright.sync_api import expect

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .keyboard import press_on

pytestmark = SHARED_DEMO_SITE


def test_from_the_dashboard_to_a_key_figure_with_the_keyboard(demo_page):
    page, found = demo_page, {}
    page.goto(page.base_url + "/monitoring/")
    found["dashboard"] = axe_violations(page)
    # The newest reports come first; the demo's made-up values are among them.
    press_on(page, "link", "Anzahl Ladeinfrastruktur", navigates=True)
    expect(page).to_have_url(re.compile(r"/monitoring/kennzahlen/\d+/$"))
    assert page.get_by_role("heading", name="Anzahl Ladeinfrastruktur", level=1).is_visible()
    assert page.locator("svg[role=img] polyline").count() == 1
    assert page.get_by_role("table").first.is_visible()
    assert page.get_by_text("auf Kurs").first.is_visible()
    found["key figure"] = axe_violations(page)

    press_on(page, "link", "Monitoring", navigates=True)  # the breadcrumbs lead back
    press_on(
        page, "link", re.compile("^Alle Kennzahlen und Werte als offene Daten"), navigates=True
    )
    expect(page).to_have_url(re.compile("/monitoring/offene-daten/$"))
    found["open data"] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}, describe(found)
