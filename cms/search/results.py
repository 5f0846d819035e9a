"""A results page: every kind's count, and either the best few of each kind (overview) or one
kind's results a page at a time."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from cms.numbers import whole_number

from .matching import CANDIDATES
from .providers import Found, SearchProvider, providers
from .terms import Terms

RESULTS_PER_PAGE = 10
# The overview shows this many of each kind, with a link to all of them.
OVERVIEW_PER_KIND = 3


@dataclass
class KindResults:
    provider: SearchProvider
    found: Found

    @property
    def kind(self) -> str:
        return self.provider.kind

    @property
    def label(self) -> str:
        return str(self.provider.label)


@dataclass
class Results:
    terms: Terms
    kinds: list[KindResults]
    kind: str = ""  # the kind shown alone, or "" for the overview
    page_obj: Page | None = None  # one page of that kind
    overview: list[KindResults] = field(default_factory=list)  # the kinds with hits

    @property
    def total(self) -> int:
        return sum(entry.found.shown_count for entry in self.kinds)

    @property
    def more_than_counted(self) -> bool:
        return any(entry.found.more_than_counted for entry in self.kinds)

    @property
    def current(self) -> KindResults | None:
        """The kind shown alone."""
        return next((entry for entry in self.kinds if entry.kind == self.kind), None)


def search(terms: Terms, *, kind: str = "", theme: str = "", page: object = None) -> Results:
    """One query or two per kind, whatever the data: each provider counts and ranks at most
    CANDIDATES + 1 matches, and fetches only the hits shown."""
    every = providers()
    chosen = next((p for p in every if p.kind == kind), None) if kind else None
    if chosen is None:
        kinds = [
            KindResults(p, p.search(terms, theme=theme, start=0, stop=OVERVIEW_PER_KIND))
            for p in every
        ]
        return Results(terms, kinds, overview=[k for k in kinds if k.found.count])
    number = whole_number(page) or 1
    found = _page_of(chosen, terms, theme, number)
    if found.count and (number - 1) * RESULTS_PER_PAGE >= found.shown_count:
        # Past the last page (an old link, a hand-made address): the last page instead.
        number = (found.shown_count - 1) // RESULTS_PER_PAGE + 1
        found = _page_of(chosen, terms, theme, number)
    kinds = [
        KindResults(p, found if p is chosen else p.search(terms, theme=theme, start=0, stop=0))
        for p in every
    ]
    paginator = Paginator(_OnePage(found), RESULTS_PER_PAGE)
    page_obj = paginator.page(min(number, paginator.num_pages))
    return Results(terms, kinds, kind=chosen.kind, page_obj=page_obj)


def _page_of(provider: SearchProvider, terms: Terms, theme: str, number: int) -> Found:
    start = min((number - 1) * RESULTS_PER_PAGE, CANDIDATES)
    return provider.search(terms, theme=theme, start=start, stop=start + RESULTS_PER_PAGE)


class _OnePage:
    """What Paginator needs of results that are already cut to the page it will ask for."""

    def __init__(self, found: Found):
        self.found = found

    def __len__(self) -> int:
        return self.found.shown_count

    def __getitem__(self, part: slice):
        return self.found.hits


def kinds() -> list[SearchProvider]:
    """What the search finds, for the page that explains it before a query."""
    return providers()
