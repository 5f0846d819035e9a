"""What every public page asks of the page tree, kept in the cache until an editor changes it.

Each request asks which site it is on, which page its path leads to, what the main navigation
holds and where the footer links. Wagtail answers from the database every time – ten of a
theme page's sixteen queries – although the answers change only when an editor publishes,
unpublishes, moves or deletes a page, or edits a site, its footer or a page's privacy. Those
changes bump a generation number (`tree_changed`, connected in `cms.apps`); every entry is
stored under the generation it was built in, so a bump makes all of them unreachable at
once. Entries also expire after `SITE_CACHE_SECONDS`: where the cache is per process (no
`REDIS_URL`, several workers) a bump reaches only its own process, and this bounds how long
another one may show the old tree.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .locales import page_language
from .models import EasyLanguagePage, FooterSettings
from .navigation import contributed_items

SITE_CACHE_SECONDS = 60
GENERATION_KEY = "cms:tree-generation"


def tree_changed(**kwargs) -> None:
    """Signal receiver: the page tree, a site or its footer changed."""
    # A fresh value rather than an increment: it is never one an earlier process used,
    # even after the cache lost the key.
    cache.set(GENERATION_KEY, time.time_ns(), None)


def generation(request=None) -> int:
    """The current generation, read once per request."""
    if request is not None and hasattr(request, "_cms_generation"):
        return request._cms_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    if request is not None:
        request._cms_generation = value
    return value


def _key(request, kind: str, *parts) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"cms:{kind}:{generation(request)}:{digest}"


def remember_site(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, answered from the cache when it can be."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = _key(request, "site", request._get_raw_host(), request.get_port())
    cached = cache.get(key)
    if cached is None:
        # A one-element list, so that "no site" can be cached too.
        cached = [Site.find_for_request(request)]
        cache.set(key, cached, SITE_CACHE_SECONDS)
    request._wagtail_site = cached[0]
    return cached[0]


def remember_route(request, path: str) -> None:
    """Wagtail's routing of `path` to a page, taken from the cache when it can be.

    Only plain routes are kept – a path that ends at a live page with nothing left over –
    so a page with its own `route()` (sub-paths, arguments) is always asked afresh. The page
    itself is always read from the database: one query instead of one per level of the tree.
    """
    site = remember_site(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    key = _key(request, "route", site.pk, get_language(), path)
    cached = cache.get(key)
    if cached is not None:
        page_id, content_type_id = cached
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id, live=True).first() if model else None
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        page = result.page
        cache.set(key, (page.pk, page.content_type_id), SITE_CACHE_SECONDS)


def site_chrome(request) -> dict:
    """The header's and footer's links and the operator's name, for this site and language."""
    site = remember_site(request)
    if site is None:
        return {
            "home_url": "/",
            "navigation": [],
            "footer_links": [],
            "operator": "",
            "easy_language_url": "",
        }
    # The day is part of the key: the navigation grows as stages begin, and a stage begins
    # by its date, with nobody publishing anything.
    key = _key(request, "chrome", site.pk, get_language(), timezone.localdate().isoformat())
    chrome = cache.get(key)
    if chrome is None:
        root = site.root_page
        # The tree in the reader's language: the English start page's children are the
        # English translations (or aliases) of the German ones.
        local_root = root.localized
        footer = FooterSettings.for_site(site)
        chrome = {
            "home_url": local_root.get_url(request),
            # (title, address, the language of the title: None for the interface's own words)
            "navigation": [
                (page.title, page.get_url(request), page_language(page))
                for page in local_root.get_children().live().in_menu().public()
            ]
            + [(str(item.title), item.url, None) for item in contributed_items(request)],
            "footer_links": [
                (page.localized.get_url(request), str(label)) for page, label in footer.links()
            ],
            "operator": footer.operator,
            "easy_language_url": easy_language_url(root, request),
        }
        cache.set(key, chrome, SITE_CACHE_SECONDS)
    return chrome


def easy_language_url(root, request) -> str:
    """The page in Leichte Sprache, at its German address in every interface language: its
    text is German, so the whole page should be."""
    page = EasyLanguagePage.objects.live().public().descendant_of(root, inclusive=True).first()
    if page is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return page.get_url(request)


def page_counterpart_urls(request, page) -> dict[str, str]:
    """{language: address} of `page` and its live translations and aliases, for the language
    switch: an English translation may have an address of its own."""
    key = _key(request, "counterparts", page.pk)
    found = cache.get(key)
    if found is None:
        found = {}
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            with translation.override(other.locale.language_code):
                found[other.locale.language_code] = other.get_url(request)
        cache.set(key, found, SITE_CACHE_SECONDS)
    return found
