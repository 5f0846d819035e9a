"""What the home page and a stage page show of the other apps, without cms knowing them.

cms is the lowest floor: it may not import participation, konferenzen or zielbilder, yet its
home page leads to their pages. Each upper app contributes through two Wagtail hooks,
registered in its own `wagtail_hooks.py`:

- `HOME_TEASERS` ("home_teasers"): `fn(request) -> Iterable[Teaser]`. Every function adds
  what it has to show right now (an open registration, the latest results, the key figures)
  and nothing when it has nothing; the home page shows them all, ordered by `order`.
- `STAGE_ACTION` ("stage_action"): `fn(request, stage: StageStatus) -> Action | None`. The
  one thing a visitor can do on this stage now; the stage's kind decides which app answers
  (a stage with an open consultation: take part; a conference taking registrations:
  register). The first answer, in the hooks' order, wins.

The functions are called on every view of the home page and of a stage page: they must ask
the database a fixed number of times, whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from wagtail import hooks

from .stages import StageStatus

HOME_TEASERS = "home_teasers"
STAGE_ACTION = "stage_action"


@dataclass(frozen=True)
class Teaser:
    """A card on the home page: a heading, one or two sentences, and where to go."""

    heading: str
    text: str
    url: str
    link_text: str
    order: int = 100
    # A short line above the heading, naming what kind of thing this is ("Stadtkonferenz").
    preline: str = ""
    # A figure that says it at a glance ("5 von 9"), shown large above the text.
    figure: str = ""


@dataclass(frozen=True)
class Action:
    """The primary action of a stage: one button, one sentence, one deadline."""

    label: str
    url: str
    text: str = ""
    # The last day one can act, and what the date is the end of ("Mitmachen bis
    # einschließlich"); the page adds the date and the days left.
    deadline: datetime.date | None = None
    deadline_label: str = ""


def home_teasers(request, *, leave_out: Iterable[str] = ()) -> list[Teaser]:
    """Every app's teasers, in order; none that leads where `leave_out` already leads (the
    primary action, say, when it is the same registration as a teaser)."""
    skip = set(leave_out)
    found = [
        teaser
        for contribute in hooks.get_hooks(HOME_TEASERS)
        for teaser in (contribute(request) or ())
        if teaser.url not in skip
    ]
    return sorted(found, key=lambda teaser: teaser.order)


def stage_action(request, stage: StageStatus | None) -> Action | None:
    if stage is None:
        return None
    for answer in hooks.get_hooks(STAGE_ACTION):
        action = answer(request, stage)
        if action is not None:
            return action
    return None


def days_left(deadline: datetime.date | None, *, today: datetime.date) -> int | None:
    """Whole days after today up to and including the deadline: 0 on its last day."""
    if deadline is None or deadline < today:
        return None
    return (deadline - today).days
