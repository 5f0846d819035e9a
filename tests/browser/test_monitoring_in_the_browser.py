"""The public monitoring: from the dashboard to a key figure's chart and table, and to the
open data, with the keyboard alone and with no axe violations on the way."""

import re

from playwright.sync_api import expect

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .keyboard import press_on, tab_to

pytestmark = SHARED_DEMO_SITE


def test_from_the_dashboard_to_a_key_figure_with_the_keyboard(demo_page):
    page, found = demo_page, {}
    page.goto(page.base_url + "/monitoring/")
    found["dashboard"] = axe_violations(page)
    # The goal's tile leads to the goal's key figures; the demo's made-up values are there.
    press_on(page, "link", "Ziel 3 Dortmund zieht an")
    expect(page).to_have_url(re.compile("/monitoring/#ziel-3$"))
    press_on(page, "link", "Anzahl Ladeinfrastruktur", navigates=True)
    expect(page).to_have_url(re.compile(r"/monitoring/kennzahlen/\d+/$"))
    assert page.get_by_role("heading", name="Anzahl Ladeinfrastruktur", level=1).is_visible()
    # One drawing per range of screen widths; the one for this width shows.
    assert page.locator("svg.series-chart:visible polyline").count() == 1
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


PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
# A phone's page must not scroll sideways: its width fits the window (WCAG 1.4.10).
PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def implementation_runs() -> None:
    """Stage 6 runs, as after the council's adopting decision; asked of cms by its kind."""
    from cms.process import begin_stage
    from cms.stages import StageKind

    begin_stage(StageKind.IMPLEMENTATION)


def lagebild_pages() -> list[tuple[str, str]]:
    from strategie.models import KeyFigure

    figure = KeyFigure.objects.get(name="Modal Split")
    return [
        ("dashboard", "/monitoring/"),
        ("key figure", f"/monitoring/kennzahlen/{figure.pk}/"),
        ("matrix", "/strategie/matrix/"),
        ("council paper", "/ratsvorlage/?binding=true"),
        ("dashboard, English", "/en/monitoring/"),
    ]


def test_the_lagebild_fits_a_phone_and_a_laptop_without_axe_violations(browser, demo_server):
    from tests import factories

    implementation_runs()
    # The council adopted the second of two published versions: the paper's filter has a
    # choice to show.
    factories.paper_version(1, state="published")
    factories.paper_version(2, state="published", binding=True)
    found = {}
    for viewport in (PHONE, LAPTOP):
        context = browser.new_context(locale="de-DE", viewport=viewport)
        tab = context.new_page()
        for name, path in lagebild_pages():
            tab.goto(demo_server.url + path)
            where = f"{name} at {viewport['width']} px"
            found[where] = axe_violations(tab)
            if (overflow := tab.evaluate(PAGE_OVERFLOW)) > 0:
                found[where].append({"id": "sideways scrolling", "by": overflow})
        context.close()
    assert {where: v for where, v in found.items() if v} == {}, describe(found)


def test_the_goal_tiles_are_one_column_on_a_phone_and_three_on_a_laptop(browser, demo_server):
    columns = "getComputedStyle(document.querySelector('.goal-tiles')).gridTemplateColumns"
    for viewport, expected in ((PHONE, 1), (LAPTOP, 3)):
        context = browser.new_context(locale="de-DE", viewport=viewport)
        tab = context.new_page()
        tab.goto(demo_server.url + "/monitoring/")
        assert len(tab.evaluate(columns).split()) == expected, viewport
        assert tab.locator(".goal-tile").count() == 9
        # Every tile says its state in words, and how many of its figures are assessed.
        for tile in tab.locator(".goal-tile").all():
            assert tile.locator(".goal-tile__state").inner_text().strip()
            assert re.search(r"\d+ von \d+ Kennzahl(en)? bewertet", tile.inner_text())
        context.close()


def test_on_a_phone_the_tables_scroll_in_their_own_box_reached_with_the_keyboard(
    browser, demo_server
):
    context = browser.new_context(locale="de-DE", viewport=PHONE)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(demo_server.url + "/monitoring/")
    # The goals' overview, a region named by its table's caption.
    overview = tab.get_by_role("region", name=re.compile("^Stand der Kennzahlen je Stadtziel:"))
    # The table is wider than the phone; its box scrolls, the page does not.
    assert overview.evaluate("box => box.scrollWidth > box.clientWidth")
    assert tab.evaluate(PAGE_OVERFLOW) <= 0
    tab_to(tab, overview, limit=120)  # focusable, so that the keyboard can scroll it
    before = overview.evaluate("box => box.scrollLeft")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function(
        "([box, before]) => box.scrollLeft > before", arg=[overview.element_handle(), before]
    )
    context.close()
