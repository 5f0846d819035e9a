"""The "please try again" page in Chromium: with the site's styles, zero axe violations
(WCAG 2.1 A/AA), the skip link first, in German and in English."""

import pytest
from django.test import RequestFactory

from cms.unavailable import unavailable_response
from tests.browser.conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def answer_with(response):
    def fulfil(route):
        route.fulfill(status=503, body=response.content, content_type=response["Content-Type"])

    return fulfil


def test_the_503_page_has_no_accessibility_violations(browser, live_server):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        for path in ("/themen/", "/en/themen/"):
            # The live server serves the styles; the page is the one an outage produces.
            response = unavailable_response(RequestFactory().get(path))
            tab.route(live_server.url + path, answer_with(response))
            assert tab.goto(live_server.url + path).status == 503
            assert "Fira Sans" in tab.evaluate("getComputedStyle(document.body).fontFamily")
            violations = axe_violations(tab)
            assert violations == [], describe(violations)
            tab.keyboard.press("Tab")
            assert tab.evaluate("document.activeElement.getAttribute('href')") == "#main"
    finally:
        context.close()
