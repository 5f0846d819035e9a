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
from django.core.cache import cache


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
    try:
        count = cache.incr(key)
    except ValueError:
        # The window's first hit; add() fails if another process was a moment faster. The
        # key outlives its window, so that it cannot expire between incr()'s two steps.
        count = 1 if cache.add(key, 1, timeout=2 * seconds) else cache.incr(key)
    return count <= limit
