"""The main navigation grows with the process: items the upper apps add as stages begin.

The pages editors put "in the menu" (Stadtgespräch, Schwerpunktthemen) are always there.
Other apps add their sections through the Wagtail hook `MAIN_NAVIGATION`
("main_navigation_items"), registered in their own `wagtail_hooks.py`:
`fn(request, stages: list[StageStatus]) -> Iterable[NavItem]`, deciding by the stages'
kind and state (never by their number) whether their section belongs in the menu yet.

The result is kept with the rest of the header (cms.sitecache.site_chrome), per tree
generation, language and day, so a function here runs once per change, not per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail import hooks

from .process import process_stages

MAIN_NAVIGATION = "main_navigation_items"


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    order: int = 100


def contributed_items(request) -> list[NavItem]:
    stages = process_stages()
    found = [
        item
        for contribute in hooks.get_hooks(MAIN_NAVIGATION)
        for item in (contribute(request, stages) or ())
    ]
    return sorted(found, key=lambda item: item.order)
