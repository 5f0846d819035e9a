"""The search field in every page's header, on a phone and a desktop, and the results page:
a visitor finds a statement by an inflected word, with the keyboard alone, and the pages have
no barrier axe can find."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import SHARED_DEMO_SITE, axe_violations, describe

pytestmark = SHARED_DEMO_SITE

WIDTHS = {"phone": 390, "desktop": 1366}


@pytest.fixture(params=list(WIDTHS))
def tab(request, browser, demo_server):
    width = WIDTHS[request.param]
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = demo_server.url
    page.width = width
    yield page
    context.close()


def test_the_header_search_finds_a_statement_by_an_inflected_word(tab):
    tab.goto(tab.base_url + "/themen/")
    search = tab.get_by_role("search", name="Website durchsuchen")
    field = search.get_by_role("searchbox", name="Suchbegriff")
    button = search.get_by_role("button", name="Suchen")
    expect(field).to_be_visible()
    expect(button).to_be_visible()
    # It fits: nothing sticks out of the page, and the button is a target a finger can hit.
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width
    box = button.bounding_box()
    assert box["x"] + box["width"] <= tab.width
    assert box["width"] >= 44 and box["height"] >= 44
    field_box = field.bounding_box()
    assert field_box["width"] >= 150 and field_box["height"] >= 44

    # With the keyboard alone: Tab to the field, type, Enter.
    for _ in range(6):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert tab.evaluate("document.activeElement.id") == "site-search-q"
    tab.keyboard.type("Radweg")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile(r"/suche/\?q=Radweg$"))
    expect(tab.get_by_role("heading", level=2, name=re.compile(r"\d+ Treffer"))).to_be_visible()

    # The demo's statements say "Radwege" and "Radwegen"; the word is marked.
    marked = tab.locator(".search-hit__snippet mark").first
    expect(marked).to_have_text(re.compile(r"^Radweg"))
    first = tab.locator(".search-hit__title a").first
    title = first.inner_text()
    with tab.expect_navigation():
        first.click()
    expect(tab).to_have_url(re.compile(r"/beteiligung/aussagen/\d+/$"))
    expect(tab.get_by_role("heading", name=title).first).to_be_visible()
    expect(tab.locator("main")).to_contain_text(re.compile(r"Radweg"))


@pytest.mark.parametrize(
    "path",
    [
        "/suche/",
        "/suche/?q=Radweg",
        "/suche/?q=Mobilit%C3%A4t&kind=aussagen",
        "/suche/?q=Klima&theme=klima",
        "/suche/?q=und",
        "/suche/?q=Seilbahnwartungshalle",
        "/en/suche/?q=Radweg",
    ],
)
def test_the_results_page_has_no_barrier_axe_can_find(tab, path):
    tab.goto(tab.base_url + path)
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width
    found = axe_violations(tab)
    assert found == [], describe(found)
