"""The counter behind the limits that must cost no query (`config.ratelimit`): in Redis, as
production runs it, every web process sees the same count, and a window's key expires."""

import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from config import ratelimit
from tests import services


@pytest.fixture
def redis_cache(settings):
    if not services.reachable(services.TEST_BROKER_URL):
        services.skip_or_fail(f"needs Redis at {services.TEST_BROKER_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": services.TEST_BROKER_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    yield caches["default"]
    caches["default"].clear()


def test_the_limit_allows_exactly_limit_hits_per_window():
    assert [ratelimit.hit("t", "a", limit=3, seconds=60) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert ratelimit.hit("t", "b", limit=3, seconds=60)  # someone else
    assert ratelimit.hit("t", "a", limit=0, seconds=60)  # 0 switches the limit off


def test_in_redis_all_processes_share_the_count_and_the_key_expires(redis_cache, settings):
    identity = "person@example.org"
    assert ratelimit.hit("t", identity, limit=2, seconds=60)
    # Another web process: a connection of its own to the same Redis reads the count.
    options = settings.CACHES["default"]
    other = RedisCache(options["LOCATION"], {"KEY_PREFIX": options["KEY_PREFIX"]})
    client = other._cache.get_client(write=False)
    (key,) = client.keys(f"{options['KEY_PREFIX']}*")
    assert int(client.get(key)) == 1
    assert 60 < client.ttl(key) <= 120
    assert identity.encode() not in key  # no address lies in the cache in the clear
    client.incr(key)  # the other process counts a hit
    assert not ratelimit.hit("t", identity, limit=2, seconds=60)
