""" "Meine Beteiligung": what a person did on the platform, on their account page.

accounts is on the bottom floor and knows nothing of votes, comments or conferences. The
apps that hold them contribute here through the Wagtail hook ``my_participation_sections``
(in their ``wagtail_hooks.py``), as they contribute their personal data through
accounts.privacy. Each hook function takes no arguments and returns a :class:`Source`:

- ``key``: the address of its full list, ``/konto/beteiligung/<key>/``;
- ``heading`` and ``empty`` (what the section says when there is nothing yet);
- ``count(user) -> int`` and ``items(user, offset, limit) -> list[Item]``: one query each,
  whatever the person did (select_related what the items show), newest first;
- ``order``: the place among the sections.

The account page shows the first few items of each section with the count and a link to
the full list, which is paginated; so neither page asks more of the database the more a
person took part.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.urls import reverse
from wagtail import hooks

HOOK = "my_participation_sections"
# Items per section on the account page, and per page of a full list.
PREVIEW = 3
PER_PAGE = 20


@dataclass(frozen=True)
class Item:
    """One thing the person did, as a line with a link.

    ``title`` is the linked text (``lang`` marks it when it is what people wrote, in German
    whatever the interface); ``detail`` one line under it (the own vote and the current
    result, the decision); ``status`` an optional badge (``tone``: KERN's info, success,
    warning or danger) such as "gelöscht" or "angenommen".
    """

    title: str
    url: str
    detail: str = ""
    status: str = ""
    tone: str = "info"
    lang: str = ""


@dataclass(frozen=True)
class Source:
    key: str
    heading: str
    empty: str
    count: Callable[[object], int]
    items: Callable[[object, int, int], list[Item]]
    order: int = 100


@dataclass
class Section:
    key: str
    heading: str
    empty: str
    items: list[Item]
    count: int
    more_url: str = field(default="")

    @property
    def has_more(self) -> bool:
        return self.count > len(self.items)


def sources() -> list[Source]:
    found = [contribute() for contribute in hooks.get_hooks(HOOK)]
    return sorted(found, key=lambda source: (source.order, source.key))


def source(key: str) -> Source | None:
    return next((found for found in sources() if found.key == key), None)


def overview(user, *, limit: int = PREVIEW) -> list[Section]:
    """Each section with its first items and its count: two queries a section."""
    sections = []
    for found in sources():
        count = found.count(user)
        items = found.items(user, 0, limit) if count else []
        sections.append(
            Section(
                key=found.key,
                heading=found.heading,
                empty=found.empty,
                items=items,
                count=count,
                more_url=reverse("accounts:participation", args=[found.key]),
            )
        )
    return sections


class _Listing:
    """A source's items for Django's paginator: it counts once and reads one page."""

    def __init__(self, found: Source, user):
        self.found, self.user = found, user

    def count(self) -> int:
        return self.found.count(self.user)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("a listing is read page by page")
        start = window.start or 0
        return self.found.items(self.user, start, window.stop - start)


def page(found: Source, user, number) -> object:
    return Paginator(_Listing(found, user), PER_PAGE).get_page(number)
