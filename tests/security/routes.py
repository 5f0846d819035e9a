"""Every URL pattern of the site, read from the URL resolver, and a real address for each.

Nothing here is a hand-written list of pages: a pattern added to any urls.py – the site's,
an app's, Wagtail's admin or a hook's – shows up in `all_routes()` at once, and the guard test
fails until the expectation table says who may open it.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^()]*\)")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route (prefixes joined) and its namespaced name."""

    route: str
    name: str

    def __str__(self):
        return f"{self.route} ({self.name})" if self.name else self.route


def all_routes() -> list[Route]:
    found: list[Route] = []

    def walk(resolver, prefix: str, namespace: str):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                # The language prefix of i18n_patterns (German has none): the pattern text.
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else ""
                found.append(Route(prefix + str(pattern.pattern), name or pattern.name or ""))

    walk(get_resolver(), "", "")
    # The same route may be mounted twice (allauth's sign-up under our own view); the first
    # one answers, and one entry is enough.
    unique = {}
    for route in found:
        unique.setdefault(route.route, route)
    return list(unique.values())


def fill(route: str, values: dict) -> str:
    """The route with its <converter:name> parameters replaced by `values[name]`."""

    def value(match):
        name = match.group("name")
        if name not in values:
            raise KeyError(f"no value for <{name}> in {route}")
        return str(values[name])

    if NAMED_GROUP.search(route):
        # A regular expression with named groups only: fill them, drop the anchors.
        filled = NAMED_GROUP.sub(value, route).replace("^", "").replace("$", "")
        return "/" + filled.replace("\\.", ".")
    return "/" + CONVERTER.sub(value, route)
