import contextlib
import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from . import factories, services

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _default_language():
    # A request under /en/ leaves English active in the thread; code a later test runs
    # outside a request (page.url, mails) must start from the site's language.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_cache():
    # allauth's rate limits live in the cache; every test starts with none used.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def process(db, today):
    return factories.process_with_stages(today=today, running=3)


@pytest.fixture
def theme(process):
    """The theme the consolidation and the analysis work on, with its page in the running
    process."""
    return factories.theme_page("Mobilität").theme


@pytest.fixture
def strategist(client):
    """A member of the strategy team, signed in."""
    user = factories.UserFactory(roles=["Strategieteam"])
    client.force_login(user)
    return user


@pytest.fixture
def citizen(db):
    return factories.UserFactory(display_name="Bürgerin Beispiel")


@pytest.fixture
def editor(db):
    return factories.UserFactory(display_name="Redakteurin Eins", roles=["Redaktion"])


@pytest.fixture
def second_editor(db):
    return factories.UserFactory(display_name="Redakteur Zwei", roles=["Redaktion"])


@pytest.fixture(scope="session")
def browser():
    if not services.chromium_available():
        services.skip_or_fail(f"needs Chromium at {services.CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=services.CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def _browser_if_needed(request):
    if any(item.get_closest_marker("browser") for item in request.session.items):
        with contextlib.suppress(pytest.skip.Exception):
            request.getfixturevalue("browser")


@pytest.fixture(scope="session")
def django_db_setup(_browser_if_needed, django_db_setup):
    """Set up the test database only after Playwright has started.

    Playwright's sync API moves the test code into a greenlet with its own context, and
    Django keeps its connections per context: a database set up before that switch lives on a
    connection the browser tests never see, and their serialized rollback finds nothing to
    restore. (The arguments' order is the order in which pytest sets them up.)
    """
    return django_db_setup
