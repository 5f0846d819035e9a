"""The contract between the site search (cms, the lowest floor) and the apps whose content it
finds. cms imports none of them: each app registers its providers in its own wagtail_hooks.py,

    @hooks.register("search_providers")
    def statements():
        return StatementSearch()

and the focus themes the search can be narrowed to,

    @hooks.register("search_themes")
    def themes():
        return [(theme.slug, theme.name) for theme in Theme.objects.all()]

A provider finds one kind of thing (Aussagen, Kommentare …): given the query's words, a
theme's slug (or "") and a slice, it returns how many match and the hits of that slice, in a
number of queries that does not depend on how many rows match or exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from wagtail import hooks

from .matching import CANDIDATES
from .terms import Terms


@dataclass
class Hit:
    """One thing found, as the results page shows it."""

    title: SafeString  # escaped, the matching words in <mark>
    url: str
    label: str  # what it is: "Zielbild", "Kommentar", "Stufe", "Projekt" …
    snippet: SafeString = SafeString("")  # escaped, the matching words in <mark>
    theme: str = ""  # the name of its focus theme, if it has one
    details: list[str] = field(default_factory=list)  # short facts: date, counts, author
    # Whether the title and the snippet are what people wrote in German (statements,
    # comments, pages, the strategy), marked lang="de" when the interface speaks English, or
    # words of the interface ("Zielbild Nr. 12").
    title_is_content: bool = True
    snippet_is_content: bool = True
    # The language of that content ("" for the site's, German): an English translation of a
    # page is marked lang="en". The same for the theme's name.
    language: str = ""
    theme_language: str = ""


@dataclass
class Found:
    """What a provider found: how many (counted up to CANDIDATES + 1) and the asked slice."""

    count: int
    hits: list[Hit] = field(default_factory=list)

    @property
    def more_than_counted(self) -> bool:
        return self.count > CANDIDATES

    @property
    def shown_count(self) -> int:
        """What can be paged through."""
        return min(self.count, CANDIDATES)


NOTHING = Found(0)


class SearchProvider:
    """Finds one kind of thing. Subclasses set `kind` (its name in the address, ?kind=…),
    `label` (plural, shown with the count), `description`, `order` (its place among the
    kinds) and implement `search`."""

    kind = ""
    label = ""
    description = ""  # one sentence: what it finds, for the page before a query
    order = 100

    def search(self, terms: Terms, *, theme: str, start: int, stop: int) -> Found:
        """The count and hits [start:stop], best first. `theme` is a theme's slug or "";
        with a theme, only what belongs to that theme. `stop == start` asks for the count
        only."""
        raise NotImplementedError


def providers() -> list[SearchProvider]:
    found = []
    for hook in hooks.get_hooks("search_providers"):
        provided = hook()
        found += provided if isinstance(provided, list | tuple) else [provided]
    return sorted(found, key=lambda provider: (provider.order, provider.kind))


def themes() -> list[tuple[str, str]]:
    """(slug, name) of the themes a search can be narrowed to."""
    return [theme for hook in hooks.get_hooks("search_themes") for theme in hook()]
