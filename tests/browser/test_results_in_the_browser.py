"""The results page of the demo's Mobilität, as a citizen sees it on a phone and a desktop:
the ranked lists say how they are ranked and show the agreement share with its votes, the
opinion-group bars carry the statements' words, nothing runs off the page, no axe violation."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import SHARED_DEMO_SITE, axe_violations, describe

pytestmark = SHARED_DEMO_SITE

RESULTS = "/beteiligung/themen/mobilitaet/ergebnisse/"
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", [390, 1366])
def test_the_results_page_reads_as_a_finished_page_at_both_widths(demo_page, width):
    demo_page.set_viewport_size({"width": width, "height": 900})
    demo_page.goto(demo_page.base_url + RESULTS)

    agreed = demo_page.locator("section[aria-labelledby='zustimmung']")
    expect(agreed).to_contain_text("Gereiht nach dem Anteil der Ja-Stimmen")
    figures = agreed.locator(".ranked-figure")
    expect(figures.first).to_contain_text(re.compile(r"\d+ % Zustimmung bei \d+ Ja/Nein-Stimmen"))
    for text in figures.all_inner_texts():
        assert int(re.match(r"(\d+) %", text).group(1)) > 50, text
    contested = demo_page.locator("section[aria-labelledby='umstritten']")
    expect(contested).to_contain_text("Umstritten ist eine Aussage, wenn zwischen 35 und 65 %")

    # Each bar group of the opinion groups starts with the statement's words, not only its
    # number, and every label fits the width.
    labels = demo_page.locator(".og-bars__label")
    expect(labels.first).to_contain_text(re.compile(r"Nr\. \d+ \w+ \w+"))
    expect(demo_page.locator(".og-bars__consensus").first).to_contain_text(
        re.compile(r"Gruppenübergreifende Zustimmung: \d+ %")
    )
    chart = demo_page.locator(".og-bars__chart").bounding_box()
    main = demo_page.locator("main").bounding_box()
    assert chart["width"] >= main["width"] * 0.9  # the chart takes the page's width
    for box in (label.bounding_box() for label in labels.all()):
        assert box["x"] + box["width"] <= width
    assert demo_page.evaluate(OVERFLOW) <= 0
    assert axe_violations(demo_page) == [], describe(axe_violations(demo_page))
