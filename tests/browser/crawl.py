"""Walking the public site as a visitor does, and telling its kinds of page apart.

A page's kind is the name of its URL (`participation:statement`, `account_login`) or, for a
page of the Wagtail tree, its page type (`page:participation.ThemePage`). All statements share
one template, so one of each kind stands for the rest.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation
from wagtail.models import Page

WAGTAIL_SERVE = "wagtail_serve"
# Of each kind this many addresses are read for their links: three statements, three fields
# of action …, and six pages of each page type (all six stages, whose subpages are the
# conference pages; six of the nineteen themes).
READ_PER_KIND = 3
READ_PER_PAGE_TYPE = 6


def language_of(path: str) -> str:
    return "en" if path == "/en" or path.startswith("/en/") else "de"


def kind_of(path: str) -> str | None:
    """The kind of page at a path of this site, or None when no URL pattern matches it."""
    path = urlsplit(path).path
    with translation.override(language_of(path)):
        try:
            match = resolve(path)
        except Http404:
            return None
    if match.view_name != WAGTAIL_SERVE:
        return match.view_name
    request = RequestFactory().get(path)
    route = Page.route_for_request(request, "/" + (match.args[0] if match.args else ""))
    if route is None:
        return None
    return f"page:{route.page.specific_class._meta.label}"


def public_kinds(excluded_prefixes: tuple[str, ...]) -> set[str]:
    """Every URL name of the site outside the given path prefixes (admin…)."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^")
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if not route.startswith(excluded_prefixes):
                    yield name

    return set(walk(get_resolver().url_patterns))


def page_types() -> set[str]:
    """Every page type an editor can create."""
    from django.apps import apps

    return {
        f"page:{model._meta.label}"
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
    }


class _Links(HTMLParser):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # A link whose hreflang names another language leads there on purpose (the language
        # switch, the page in Leichte Sprache from the English site).
        if tag == "a" and attrs.get("href") and attrs.get("hreflang") in (None, self.language):
            self.hrefs.append(attrs["href"])


def links_in(html: str, base: str, language: str) -> list[str]:
    parser = _Links(language)
    parser.feed(html)
    return same_origin(parser.hrefs, base)


def same_origin(hrefs: list[str], base: str) -> list[str]:
    found = []
    for href in hrefs:
        if re.match(r"^(mailto|tel|javascript|data):", href):
            continue
        absolute = urlsplit(urljoin("http://testserver" + base, href))
        if absolute.netloc != "testserver":
            continue
        found.append(absolute.path + (f"?{absolute.query}" if absolute.query else ""))
    return found


@dataclass
class Crawl:
    """What a visitor reaches: per (language, kind) the addresses that answered with a page."""

    pages: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    broken: list[tuple[str, int, str]] = field(default_factory=list)  # (path, status, from)
    other_language: list[tuple[str, str]] = field(default_factory=list)  # (path, from)
    fetched: int = 0

    def kinds(self, language: str | None = None) -> set[str]:
        return {kind for lang, kind in self.pages if language in (None, lang)}

    def representatives(self, language: str) -> dict[str, str]:
        return {kind: paths[0] for (lang, kind), paths in self.pages.items() if lang == language}


def crawl(
    start: str, *, skip_kinds: set[str], skip_prefixes: tuple[str, ...] = ("/admin/",)
) -> Crawl:
    """Follow every same-origin link from `start` as an anonymous visitor, in the language of
    `start`; links into the other language are noted, not followed."""
    with translation.override(translation.get_language()):  # the client's requests switch it
        return _crawl(start, skip_kinds, skip_prefixes)


def _crawl(start: str, skip_kinds: set[str], skip_prefixes: tuple[str, ...]) -> Crawl:
    client = Client()
    result = Crawl()
    language = language_of(start)
    queue = deque([(start, "(start)")])
    seen_paths: set[str] = set()
    read: dict[tuple[str, str], int] = {}
    while queue:
        path, source = queue.popleft()
        bare = urlsplit(path).path
        if bare in seen_paths or bare.startswith(skip_prefixes):
            continue
        seen_paths.add(bare)
        if language_of(bare) != language:
            result.other_language.append((path, source))
            continue
        kind = kind_of(path)
        if kind in skip_kinds:
            continue
        key = (language, kind or "?")
        limit = READ_PER_PAGE_TYPE if (kind or "").startswith("page:") else READ_PER_KIND
        if kind and read.get(key, 0) >= limit:
            continue
        read[key] = read.get(key, 0) + 1
        response = client.get(path)
        result.fetched += 1
        if response.status_code in (301, 302, 303, 307, 308):
            queue.extend((target, path) for target in same_origin([response["Location"]], bare))
            continue
        if response.status_code != 200:
            result.broken.append((path, response.status_code, source))
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        result.pages.setdefault(key, []).append(path)
        for link in links_in(response.content.decode(), bare, language):
            queue.append((link, path))
    return result
