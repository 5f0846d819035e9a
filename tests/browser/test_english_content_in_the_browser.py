"""The demo's English pages in Chromium: the English start page (with the place of the video
in German Sign Language) and an English theme page, on a phone and a desktop – English text
marked English, citizens' German marked German, and nothing axe objects to."""

import pytest

from .conftest import SHARED_DEMO_SITE, axe_violations, describe

pytestmark = SHARED_DEMO_SITE

WIDTHS = [(390, 844), (1366, 900)]


def english_tab(browser, demo_server, width, height):
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return tab


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_the_english_start_page_is_english_and_has_no_axe_violations(
    browser, demo_server, width, height
):
    tab = english_tab(browser, demo_server, width, height)
    tab.goto(demo_server.url + "/en/")
    heading = tab.locator("h1")
    assert heading.get_attribute("lang") == "en"
    assert heading.inner_text() == "Stadtgespräch Dortmund – the city in conversation"
    video = tab.locator(".sign-video")
    assert video.locator("h2").inner_text() == "The Stadtgespräch in German Sign Language"
    assert tab.locator(".sign-video__pending").inner_text() == (
        "The video in German Sign Language will follow."
    )
    # Nothing wider than the screen.
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe_violations(tab)
    tab.context.close()
    assert violations == [], describe(violations)


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_an_english_theme_page_keeps_statements_german_and_has_no_axe_violations(
    browser, demo_server, width, height
):
    tab = english_tab(browser, demo_server, width, height)
    tab.goto(demo_server.url + "/en/themen/mobilitaet/")
    assert tab.locator("h1").inner_text() == "Mobility"
    assert tab.locator("h1").get_attribute("lang") == "en"
    statements = tab.locator(".statement-card__text")
    assert statements.count() > 0
    assert set(statements.evaluate_all("els => els.map(el => el.lang)")) == {"de"}
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe_violations(tab)
    tab.context.close()
    assert violations == [], describe(violations)


def test_the_english_theme_index_names_every_theme_in_english(browser, demo_server):
    tab = english_tab(browser, demo_server, 1366, 900)
    tab.goto(demo_server.url + "/en/themen/")
    names = tab.locator("h2.kern-title").all_inner_texts()
    tab.context.close()
    assert len(names) == 19
    assert "Mobility" in names and "Housing" in names and "Mobilität" not in names
