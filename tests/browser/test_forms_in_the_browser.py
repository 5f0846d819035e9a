"""Forms that look right (issue 15), in Chromium at a desktop's and a phone's width.

On the demo's conference registration – the form civil society fills most – no legend
shares a line with a control, label, hint or error; after a failed submit the focus is on
the error summary (by the autofocus attribute alone, without JavaScript, too) and the
summary stands at the top of the screen; the form, the sign-up, the sign-in and the account
page with "Meine Beteiligung" have zero axe violations.
"""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import SHARED_DEMO_SITE, axe_violations, describe, sign_in_quietly

pytestmark = SHARED_DEMO_SITE

REGISTRATION = "/konferenzen/wie-wir-es-wollen/anmelden/"
CITIZEN = "buergerin@example.org"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}

# Every fieldset of the page's forms: the legend's box against the boxes of everything
# else in the fieldset (hint, error, body and the controls and labels inside it).
LEGEND_OVERLAPS = """
() => {
    const found = [];
    for (const fieldset of document.querySelectorAll("main form fieldset")) {
        const legend = fieldset.querySelector(":scope > legend");
        if (!legend) {
            found.push({fieldset: fieldset.outerHTML.slice(0, 80), problem: "no legend"});
            continue;
        }
        const bottom = legend.getBoundingClientRect().bottom;
        const others = fieldset.querySelectorAll(
            ":scope > :not(legend), label, input, select, textarea, .kern-hint, .kern-error");
        for (const other of others) {
            if (legend.contains(other)) continue;
            const box = other.getBoundingClientRect();
            if (box.height && box.top < bottom - 0.5) {
                found.push({legend: legend.textContent.trim(), other: other.outerHTML.slice(0, 80),
                            legendBottom: bottom, otherTop: box.top});
            }
        }
    }
    return found;
}
"""


def at(demo_page, width: str):
    demo_page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    return demo_page


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def submit_empty(page) -> None:
    page.get_by_role("button", name="Anmeldung absenden").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_legend_shares_a_line_fresh_or_after_errors(demo_page, width):
    page = at(demo_page, width)
    page.goto(page.base_url + REGISTRATION)
    assert page.locator("main form fieldset").count() >= 4
    assert page.evaluate(LEGEND_OVERLAPS) == []
    submit_empty(page)
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.evaluate(LEGEND_OVERLAPS) == []
    # Nothing runs off the edge of a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]


@pytest.mark.parametrize("width", WIDTHS)
def test_after_a_failed_submit_the_summary_has_the_focus_at_the_top(demo_page, width):
    page = at(demo_page, width)
    page.goto(page.base_url + REGISTRATION)
    assert_no_axe_violations(page)
    submit_empty(page)
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Fehler: Anmeldung: "))
    # Where it comes to rest, once the web fonts have arrived and the page has been laid out
    # with them (the script puts it back at the top then).
    at_top = "() => { const y = document.querySelector('[data-error-summary]')"
    at_top += ".getBoundingClientRect().y; return y >= 0 && y <= 24; }"
    try:
        page.wait_for_function(at_top, timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"the summary is not at the top: {summary.bounding_box()}")
    assert_no_axe_violations(page)


def test_without_javascript_autofocus_alone_moves_the_focus(browser, demo_server):
    context = browser.new_context(
        java_script_enabled=False, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(demo_server.url + REGISTRATION)
    submit_empty(page)
    assert page.evaluate("document.activeElement.id") == "fehlerliste"
    box = page.locator("#fehlerliste").bounding_box()
    assert 0 <= box["y"] < 844, box
    context.close()


def test_a_summary_link_leads_to_its_field_with_the_question_in_view(demo_page):
    page = at(demo_page, "phone")
    page.goto(page.base_url + REGISTRATION)
    submit_empty(page)
    page.locator("[data-error-summary]").get_by_role("link", name="Ihr Bereich").click()
    expect(page.get_by_label("Politik")).to_be_focused()
    legend = page.locator("legend", has_text="Ihr Bereich").bounding_box()
    assert 0 <= legend["y"] < 844


@pytest.mark.parametrize("path", ["/konto/signup/", "/konto/login/"])
def test_the_entrance_forms_have_no_axe_violations_fresh_or_with_errors(demo_page, path):
    page = demo_page
    page.goto(page.base_url + path)
    assert page.evaluate(LEGEND_OVERLAPS) == []
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_account_page_with_meine_beteiligung(demo_page, width):
    page = at(demo_page, width)
    sign_in_quietly(page, CITIZEN)
    page.goto(page.base_url + "/konto/")
    overview = page.locator(".participation-overview")
    expect(overview.get_by_role("heading", name="Ihre Bewertungen")).to_be_visible()
    expect(overview.get_by_role("link", name="Unser Dortmund – Wie wir es wollen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
    assert_no_axe_violations(page)
    page.goto(page.base_url + REGISTRATION)
    expect(page.get_by_text("Sie sind angemeldet")).to_be_visible()
    assert page.locator("main form").count() == 0
    assert_no_axe_violations(page)
