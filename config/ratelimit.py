"""Counting requests in the shared cache, for limits that must cost no database query.

The cache is Redis in production (`REDIS_URL`), shared by every web process, so a limit
holds across processes and machines; without Redis each process counts for itself, which
is good enough for a single-process first run. Each limit counts in fixed windows of its
length (a key per window that expires with it): at most `limit` hits per person or address
in each window.
"""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def client_ip(request) -> str:
    """The client's address as allauth's own rate limits see it: behind a reverse proxy from
    X-Forwarded-For as far as TRUSTED_PROXY_COUNT allows, or from TRUSTED_CLIENT_IP_HEADER,
    else the address of the connection (see `accounts.adapter.AccountAdapter`)."""
    return get_adapter(request).get_client_ip(request)


def hit(action: str, identity: str, *, limit: int, seconds: int) -> bool:
    """Count one hit of `identity` (an account id, an address) for `action`; False once the
    window already holds `limit` hits. A limit of 0 or less switches the limit off."""
    if limit <= 0:
        return True
    window = int(time.time() // seconds)
    # Hashed, so that no e-mail or IP address lies in the cache in the clear.
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    key = f"rl:{action}:{digest}:{window}"
    # The key outlives its window, so that it cannot expire between a count's steps.
    return _count(key, timeout=2 * seconds) <= limit


def _count(key: str, *, timeout: int) -> int:
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # One round trip: INCR creates the key at 1; a new key gets its expiry after.
        full_key = backend.make_and_validate_key(key)
        client = backend._cache.get_client(full_key, write=True)
        count, ttl = client.pipeline(transaction=False).incr(full_key).ttl(full_key).execute()
        if ttl < 0:
            client.expire(full_key, timeout)
        return count
    try:
        return backend.incr(key)
    except ValueError:
        # The window's first hit; add() fails if another process was a moment faster.
        return 1 if backend.add(key, 1, timeout=timeout) else backend.incr(key)
