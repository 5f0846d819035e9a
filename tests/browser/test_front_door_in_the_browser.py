"""The front door, in the browser on the demo: a first-time visitor goes from the home page to
a vote on the running stage – "Jetzt mitmachen", sign in, and one click.

Every page on the way has zero axe-core violations (WCAG 2.1 A/AA) at 1366 and 390 px.
"""

import re

import pytest
from playwright.sync_api import expect

from participation.models import Statement, Vote
from tests.factories import PASSWORD, UserFactory

from .conftest import SHARED_DEMO_SITE, axe_violations, describe

pytestmark = SHARED_DEMO_SITE

ACTION = "Jetzt mitmachen: Zielbilder bewerten und kommentieren"


def assert_no_axe_violations(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"{tab.url}\n{describe(violations)}"


def test_a_first_time_visitor_votes_one_click_after_signing_in(demo_page):
    page = demo_page
    newcomer = UserFactory(email="neu@example.org", display_name="Neu Hier")

    page.goto(page.base_url + "/")
    assert_no_axe_violations(page)
    hero = page.locator(".home-now")
    expect(hero).to_contain_text("Stufe 3 von 6 läuft")
    expect(hero).to_contain_text("Mitmachen bis einschließlich")
    hero.get_by_role("link", name=ACTION).click()
    expect(page).to_have_url(re.compile(r"/beteiligung/mitmachen/$"))
    assert_no_axe_violations(page)

    # Not signed in: the cards are there, their buttons wait for a sign-in.
    first_card = page.locator("article.statement-card").first
    expect(first_card.get_by_role("button", name="Stimme zu")).to_be_disabled()
    page.locator(".take-part__sign-in").get_by_role("link", name="Anmelden").click()
    page.get_by_label("E-Mail").fill(newcomer.email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page).to_have_url(re.compile(r"/beteiligung/mitmachen/$"))
    assert_no_axe_violations(page)

    # Back on the list, signed in: one click casts the vote.
    card = page.locator("article.statement-card").first
    statement = Statement.objects.get(pk=int(card.get_attribute("id").removeprefix("aussage-")))
    card.get_by_role("button", name="Stimme zu").click()
    expect(card.get_by_role("status")).to_have_text("Ihre Bewertung wurde gespeichert.")
    expect(card.get_by_role("button", name="Stimme zu")).to_have_attribute("aria-pressed", "true")
    assert Vote.objects.get(user=newcomer, statement=statement).choice == "agree"


@pytest.mark.parametrize("path", ["/", "/beteiligung/mitmachen/", "/stadtgespraech/stufe-3/"])
def test_the_front_door_on_a_phone(browser, demo_server, path):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(demo_server.url + path)
        assert_no_axe_violations(tab)
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone"
        button = tab.locator(".stage-action__button")
        if button.count():
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    finally:
        context.close()


def test_the_home_page_has_its_favicon(demo_page):
    page = demo_page
    page.goto(page.base_url + "/")
    icon = page.locator('link[rel="icon"][type="image/svg+xml"]').get_attribute("href")
    response = page.request.get(page.base_url + icon)
    assert response.ok and "<svg" in response.text()
