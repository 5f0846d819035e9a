import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop in the test thread, which makes Django refuse
# database access as "async"; the tests themselves are synchronous, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every document of every browser context reports what the Content-Security-Policy refused.
# An init script and a binding are Playwright's, not the page's: the policy blocks neither.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolation({
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
}, true);
"""

_violations: list[dict] = []


def _console_violation(message) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        _violations.append({"console": message.text, "page": message.location.get("url")})


class CspWatchingBrowser:
    """The session's Chromium, whose every new context reports Content-Security-Policy
    violations, so that each browser test catches a page that the policy breaks."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        if options.get("java_script_enabled", True):
            context.expose_binding(
                "__cspViolation", lambda _source, found: _violations.append(found)
            )
            context.add_init_script(CSP_LISTENER)
        # What no page hears of, such as a frame its parent may not show (frame-ancestors),
        # Chromium still writes to the console.
        context.on("console", _console_violation)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser(browser):
    return CspWatchingBrowser(browser)


@pytest.fixture
def csp_violations():
    """What the Content-Security-Policy refused during this test (a list of dicts)."""
    return _violations


@pytest.fixture(autouse=True)
def _no_csp_violations():
    _violations.clear()
    yield
    found, _violations[:] = list(_violations), []
    assert found == [], "Content-Security-Policy violations:\n" + describe(found)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture
def demo_site(transactional_db):
    call_command("demo_data", force=True, stdout=io.StringIO())


def axe_violations(tab) -> list[dict]:
    """Run axe-core with the WCAG 2.1 A/AA rules on the loaded page.

    axe is evaluated as Playwright's own script, which the page's Content-Security-Policy
    does not block (a <script> element added to the page would be)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def describe(violations) -> str:
    return json.dumps(violations, indent=2, ensure_ascii=False)
