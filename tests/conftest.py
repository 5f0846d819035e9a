import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from . import factories


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
def citizen(db):
    return factories.UserFactory(display_name="Bürgerin Beispiel")


@pytest.fixture
def editor(db):
    return factories.UserFactory(display_name="Redakteurin Eins", roles=["Redaktion"])


@pytest.fixture
def second_editor(db):
    return factories.UserFactory(display_name="Redakteur Zwei", roles=["Redaktion"])
