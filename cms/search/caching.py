"""Results, rendered once per query and kept for a minute.

People search for the same few things again and again, and a results page costs a dozen
queries over hundreds of thousands of rows. The rendered results are the same for everybody
(they show only what every visitor may see), so they are kept for SECONDS under a generation
number. The generation moves on whenever something leaves the public eye – a comment hidden
or deleted, a statement withdrawn, a text edited, a page unpublished or made private
(`forget`, connected by the apps that own those things): what must go is gone from the next
search at once; what is new appears within SECONDS.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

GENERATION = "cms:search:generation"
SECONDS = 60  # unless settings.SEARCH_CACHE_SECONDS says otherwise (0: nothing is kept)


def generation() -> int:
    value = cache.get(GENERATION)
    if value is None:
        cache.add(GENERATION, 1, None)
        value = cache.get(GENERATION) or 1
    return value


def forget(*_args, **_kwargs) -> None:
    """Every kept result is out of date (usable as a signal receiver)."""
    try:
        cache.incr(GENERATION)
    except ValueError:  # not there yet, or evicted: any new number will do
        cache.set(GENERATION, 2, None)


def cached(request, build) -> SafeString:
    """The results for this request's query string in its language, built when missing."""
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", SECONDS)
    if not seconds:
        return mark_safe(str(build()))  # noqa: S308
    query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.lists()))
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"cms:search:{generation()}:{get_language()}:{digest}"
    html = cache.get(key)
    if html is None:
        html = str(build())
        cache.set(key, html, seconds)
    # Our own template's output, escaped where it was rendered.
    return mark_safe(html)  # noqa: S308
