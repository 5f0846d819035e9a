"""The themes overview and a theme page, as a phone (390 px) and a desktop (1366 px) show
them: cards with their pictograms in one column or three to four, the statements early on a
phone, the filters folded and opened with the keyboard or without JavaScript, closed stages
without buttons nobody can press. Zero axe-core violations (WCAG 2.1 A/AA) at both widths."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

from .conftest import SHARED_DEMO_SITE, axe_violations, describe, sign_in_quietly
from .keyboard import press_on, tab_to

pytestmark = SHARED_DEMO_SITE

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
THEME = "/themen/mobilitaet/"


@pytest.fixture
def open_tab(browser, demo_server):
    contexts = []

    def open_at(viewport, **options):
        context = browser.new_context(locale="de-DE", viewport=viewport, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.base_url = demo_server.url
        return tab

    yield open_at
    for context in contexts:
        context.close()


def assert_fits_and_passes_axe(tab) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= tab.viewport_size["width"], f"{tab.url} is {width} px wide"
    violations = axe_violations(tab)
    assert violations == [], f"{tab.url}\n{describe(violations)}"


def card_columns(tab) -> int:
    lefts = tab.locator(".theme-card").evaluate_all(
        "cards => cards.map(card => Math.round(card.getBoundingClientRect().left))"
    )
    return len(set(lefts))


@pytest.mark.parametrize("viewport, columns", [(PHONE, {1}), (DESKTOP, {3, 4})])
def test_the_overview_shows_19_cards_with_pictograms(open_tab, viewport, columns):
    tab = open_tab(viewport)
    tab.goto(tab.base_url + "/themen/")
    expect(tab.locator(".theme-card")).to_have_count(19)
    assert card_columns(tab) in columns
    pictograms = tab.locator(".theme-card__media img")
    expect(pictograms).to_have_count(19)
    for image in pictograms.all():
        assert image.get_attribute("alt") == ""
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), image
    assert_fits_and_passes_axe(tab)


def test_the_whole_card_leads_to_the_theme(open_tab):
    """The title's link stretches over the card: a tap on its foot, the figures, follows it."""
    tab = open_tab(PHONE)
    tab.goto(tab.base_url + "/themen/")
    card = tab.locator(".theme-card", has_text="Mobilität")
    card.scroll_into_view_if_needed()
    box = card.locator(".theme-card__figures").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    hit = tab.evaluate(f"document.elementFromPoint({x}, {y}).getAttribute('href')")
    assert hit == THEME
    with tab.expect_navigation():
        tab.mouse.click(x, y)
    expect(tab).to_have_url(re.compile(f"{THEME}$"))


def test_on_a_phone_the_first_statement_comes_early_and_the_filters_open_with_the_keyboard(
    open_tab,
):
    tab = open_tab(PHONE)
    tab.goto(tab.base_url + THEME)
    top = tab.locator(".statement-card").first.evaluate(
        "card => card.getBoundingClientRect().top + window.scrollY"
    )
    assert top < 1200, f"the first statement starts at {top} px"
    filters = tab.locator("details.statement-filter-disclosure")
    expect(filters).not_to_have_attribute("open", "")
    expect(tab.get_by_label("Suche im Text")).to_be_hidden()
    assert_fits_and_passes_axe(tab)

    press_on(tab, filters.locator("summary"))
    expect(filters).to_have_attribute("open", "")
    kind = tab_to(tab, tab.get_by_label(re.compile(r"^Art\b")))
    tab.keyboard.press("ArrowDown")
    expect(kind).not_to_have_value("")
    assert_fits_and_passes_axe(tab)
    press_on(tab, "button", "Anwenden", navigates=True)
    expect(tab.locator("details.statement-filter-disclosure summary")).to_have_text(
        re.compile(r"Filtern und sortieren \(1 aktiv\)")
    )
    expect(tab.get_by_role("link", name="Filter zurücksetzen")).to_be_visible()


def test_on_a_desktop_the_ways_to_take_part_stand_beside_the_statements(open_tab):
    tab = open_tab(DESKTOP)
    UserFactory(email="breit@example.org")
    sign_in_quietly(tab, "breit@example.org")
    tab.goto(tab.base_url + THEME)
    main = tab.locator(".theme-layout__main").bounding_box()
    aside = tab.locator(".theme-layout__aside").bounding_box()
    assert aside["x"] >= main["x"] + main["width"]
    assert aside["y"] < main["y"] + 200
    expect(
        tab.locator(".statement-card").first.get_by_role("button", name="Stimme zu")
    ).to_be_enabled()
    assert_fits_and_passes_axe(tab)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_a_closed_stages_list_shows_results_without_vote_buttons(open_tab, viewport):
    tab = open_tab(viewport)
    tab.goto(tab.base_url + THEME + "?stage=1")
    cards = tab.locator(".statement-card")
    expect(cards.first).to_be_visible()
    expect(tab.locator(".statement-card button")).to_have_count(0)
    expect(tab.locator(".statement-card__closed")).to_have_count(cards.count())
    expect(tab.locator(".theme-consultation")).to_contain_text("Die Beteiligung ist beendet.")
    assert_fits_and_passes_axe(tab)


def test_without_javascript_the_filters_fold_open_and_filter(open_tab):
    tab = open_tab(PHONE, java_script_enabled=False)
    tab.goto(tab.base_url + THEME)
    tab.locator("details.statement-filter-disclosure summary").click()
    tab.get_by_label(re.compile(r"^Art\b")).select_option("ausgangsbild")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Anwenden").click()
    expect(tab).to_have_url(re.compile("kind=ausgangsbild"))
    expect(tab.locator(".statement-meta").first).to_contain_text("Ausgangsbild")
    expect(tab.locator("details.statement-filter-disclosure summary")).to_contain_text("1 aktiv")
