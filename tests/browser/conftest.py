import io
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from tests.demo_snapshot import load_demo

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


# The marks of a module whose tests share one demo site (`demo_server`). pytest-django reads
# the django_db mark to set up the test database, keep what the migrations left for
# restoring, and run these tests among the transactional ones; `_django_db_marker` below keeps
# it from wrapping each test in a transaction or flushing the database after it.
SHARED_DEMO_SITE = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.demo_site,
]


@pytest.fixture(autouse=True)
def _django_db_marker(request):
    """pytest-django's own fixture of this name, except for tests on the shared demo site.

    Every test of a module marked SHARED_DEMO_SITE gets that site: a test of its own with a
    test transaction or a flush at its end would empty the database under the others.
    """
    if request.node.get_closest_marker("demo_site"):
        assert "live_server" not in request.fixturenames, (
            "on the shared demo site, use demo_page or demo_server, not page or live_server"
        )
        request.getfixturevalue("demo_server")
        return
    if "demo_server" in request.fixturenames:
        return
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")


@pytest.fixture(scope="module")
def demo_server(browser, django_db_setup, django_db_blocker):
    """The demo site behind a live server of its own, shared by the tests of a module.

    Loading the demo takes seconds; tests that only add their own people and contributions
    share one load per module instead of one each. Its data are committed (the tests run
    without a test transaction, so the server sees what they write), and afterwards the
    database goes back to what the migrations left, as a serialized-rollback test leaves it.
    """
    with django_db_blocker.unblock():
        load_demo(prepare=restore_migrated_data)
        server = LiveServer("localhost")
        try:
            yield server
        finally:
            server.stop()
            restore_migrated_data()


CONTENT_TYPE = "contenttypes.contenttype"


def restore_migrated_data() -> None:
    for connection in connections.all():
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=connection.alias,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        # Content types first: Wagtail's tasks look theirs up while they are being built, and
        # would otherwise create it anew under a different id than the one stored for it.
        contents = connection._test_serialized_contents
        content_types = [row for row in json.loads(contents) if row["model"] == CONTENT_TYPE]
        connection.creation.deserialize_db_from_string(json.dumps(content_types))
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def demo_page(browser, demo_server):
    """A tab of its own (cookies and all) on the module's demo site."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = demo_server.url
    yield tab
    context.close()


def sign_in_quietly(tab, email: str) -> None:
    """Give the tab the session of the account, without going through the form.

    For pages whose test is not about signing in; the keyboard flows sign in through the form.
    """
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    name = settings.SESSION_COOKIE_NAME
    cookie = {"name": name, "value": client.cookies[name].value, "url": tab.base_url}
    tab.context.add_cookies([cookie])


def axe_violations(tab) -> list[dict]:
    """Run axe-core with the WCAG 2.1 A/AA rules on the loaded page.

    axe is evaluated as Playwright's own script, which the page's Content-Security-Policy
    does not block (a <script> element added to the page would be)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = tab.evaluate(
        # Only the violations are read; axe then spares itself describing every pass.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
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
