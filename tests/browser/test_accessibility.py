"""Keyboard focus, and pages without JavaScript.

The skip link is the first stop and leads into the content; Tab visits every control of a
page in the order of the page (header, content, footer), skips none, and each stop shows
where the focus is. The pages work without JavaScript. (Phone width: test_every_page_kind.py.)
"""

import re

from playwright.sync_api import expect

from participation.models import Statement

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .keyboard import assert_focus_visible, press_on

pytestmark = SHARED_DEMO_SITE

# Where the focus is: its place in the document, the part of the page, and what it is.
FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const part = el.closest("header") ? "header" : el.closest("main") ? "main"
        : el.closest("footer") ? "footer" : "before the header";
    return {
        position: Array.prototype.indexOf.call(document.getElementsByTagName("*"), el),
        part: part,
        name: `${el.tagName.toLowerCase()} ${(el.innerText || el.name || "").trim().slice(0, 30)}`,
    };
}"""
# How many stops Tab should make: every control a person can reach, a group of radio buttons
# once, nothing disabled, hidden or inside a closed disclosure.
TABBABLE = """() => {
    const candidates = document.querySelectorAll(
        "a[href], button, input, select, textarea, summary, [tabindex]");
    const radios = new Set();
    let count = 0;
    for (const el of candidates) {
        if (el.disabled || el.type === "hidden" || el.tabIndex < 0) continue;
        if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
        const details = el.closest("details");
        if (details && !details.open && el.tagName !== "SUMMARY") continue;
        if (el.type === "radio") {
            if (radios.has(el.name)) continue;
            radios.add(el.name);
        }
        count++;
    }
    return count;
}"""
PARTS = ["before the header", "header", "main", "footer"]


def statement_path() -> str:
    return Statement.objects.public().filter(theme__slug="mobilitaet").first().get_absolute_url()


def walk_the_focus(page) -> list[dict]:
    """Tab from the top of the page until the focus leaves it; every stop must show itself."""
    stops = []
    for _ in range(300):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop is None or (stops and stop["position"] == stops[0]["position"]):
            return stops
        assert_focus_visible(page)
        stops.append(stop)
    raise AssertionError(f"the focus never left {page.url}")


def test_the_skip_link_is_the_first_stop_and_moves_the_focus_to_the_content(demo_page):
    page = demo_page
    page.goto(page.base_url + "/stadtgespraech/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Zum Inhalt springen")).to_be_focused()
    assert_focus_visible(page)  # it shows itself only now, and in the window
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_tab_visits_every_control_in_the_order_of_the_page_and_shows_each(demo_page):
    page, out_of_order = demo_page, {}
    for path in ("/", statement_path(), "/konto/signup/"):
        page.goto(page.base_url + path)
        assert page.locator("[tabindex]:not([tabindex='-1']):not([tabindex='0'])").count() == 0
        expected = page.evaluate(TABBABLE)
        stops = walk_the_focus(page)
        assert len(stops) == expected, f"{path}: {len(stops)} stops of {expected} controls"
        assert stops[0]["name"] == "a Zum Inhalt springen"
        positions = [stop["position"] for stop in stops]
        parts = [PARTS.index(stop["part"]) for stop in stops]
        if positions != sorted(positions) or parts != sorted(parts):
            out_of_order[path] = [f"{stop['part']}: {stop['name']}" for stop in stops]
    assert out_of_order == {}, describe(out_of_order)


def test_the_main_navigation_works_with_the_keyboard(demo_page):
    page = demo_page
    page.goto(page.base_url + "/")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    press_on(page, navigation.get_by_role("link", name="Schwerpunktthemen"), navigates=True)
    expect(page).to_have_url(re.compile("/themen/$"))
    current = navigation.get_by_role("link", name="Schwerpunktthemen")
    expect(current).to_have_attribute("aria-current", "page")


def test_pages_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(demo_server.url + "/stadtgespraech/")
        assert tab.locator("ol.timeline > li").count() == 6
        tab.goto(demo_server.url + "/suche/?q=Mobilit%C3%A4t&kind=seiten")
        assert tab.get_by_role("heading", name="Seiten: 1 Treffer").count() == 1
        assert tab.locator(".search-hit__title a").first.inner_text() == "Mobilität"
    finally:
        context.close()


def test_the_checker_itself_catches_a_violation(demo_page):
    """Guards the guard: a page with a known barrier must be reported."""
    demo_page.set_content('<html lang="de"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in [v["id"] for v in axe_violations(demo_page)]
