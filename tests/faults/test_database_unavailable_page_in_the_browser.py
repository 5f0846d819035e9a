"""The "please try again" page in Chromium: with the site's styles, zero axe violations
(WCAG 2.1 A/AA), the skip link first, in German and in English.

The browser gets the page exactly as an outage produces it and the styles from the static
files; nothing else is needed, not even a database."""

import mimetypes
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import RequestFactory

from cms.unavailable import unavailable_response
from tests.browser.conftest import axe_violations, describe

pytestmark = pytest.mark.browser
SITE = "http://stadtgespraech.test"


def serve(route):
    path = route.request.url.removeprefix(SITE)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if found:
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            route.fulfill(status=200, body=Path(found).read_bytes(), content_type=content_type)
            return
        route.fulfill(status=404)
        return
    response = unavailable_response(RequestFactory().get(path))
    route.fulfill(status=503, body=response.content, content_type=response["Content-Type"])


def test_the_503_page_has_no_accessibility_violations(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.route(f"{SITE}/**", serve)
    try:
        for path in ("/themen/", "/en/themen/"):
            assert tab.goto(SITE + path).status == 503
            assert "Fira Sans" in tab.evaluate("getComputedStyle(document.body).fontFamily")
            violations = axe_violations(tab)
            assert violations == [], describe(violations)
            tab.keyboard.press("Tab")
            assert tab.evaluate("document.activeElement.getAttribute('href')") == "#main"
    finally:
        context.close()
