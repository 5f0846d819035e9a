"""A goal's state at a glance, from the states of its key figures (the dashboard's tiles).

The rule, in two steps:

1. **Enough assessed?** A key figure is assessed when it has a baseline and a target (each
   with a date) and at least one reported value (`figure_status.assess`). A goal of which fewer
   than half the key figures are assessed is "noch nicht bewertbar": one figure in eleven says
   too little about a goal to call it on track. A goal without key figures is not assessable
   either. Exactly half is enough.
2. **The weakest assessed figure.** Otherwise the goal has the state of its weakest assessed
   key figure: "auf Kurs" only when every assessed figure is on track, "gefährdet" when at
   least one is at risk and none off track, "nicht auf Kurs" as soon as one is off track.

Why the weakest and not the majority: a goal is reached when its key figures are, and the
dashboard is where the council and the offices see where to act. A majority would show a goal
with five figures on track and four off track as "auf Kurs"; the weakest state does not hide
them. That one lagging figure among ten is not overstated is the tile's other job: next to the
state it shows the shares of all three states among the assessed figures, and how many are
assessed ("9 von 11 bewertet").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy

from .figure_status import Status

# At least this share of a goal's key figures must be assessed for the goal to be.
MIN_ASSESSED_SHARE = Fraction(1, 2)

# Weakest first: the order in which the rule looks for a state among the assessed figures.
ASSESSED_STATES = (Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK)


class GoalStatus(models.TextChoices):
    # The same values as the key figures' states, so that both share their signs and colours.
    ON_TRACK = Status.ON_TRACK.value, gettext_lazy("auf Kurs")
    AT_RISK = Status.AT_RISK.value, gettext_lazy("gefährdet")
    OFF_TRACK = Status.OFF_TRACK.value, gettext_lazy("nicht auf Kurs")
    NOT_ASSESSABLE = "not_assessable", gettext_lazy("noch nicht bewertbar")


@dataclass(frozen=True)
class Share:
    status: Status
    count: int
    percent: int  # of the assessed figures; the three add up to 100
    start: int = 0  # the percentages of the shares before it, where its part of a bar begins


@dataclass(frozen=True)
class GoalAssessment:
    status: GoalStatus
    total: int  # the goal's key figures
    assessed: int  # of them with a state other than "keine Daten"
    shares: tuple[Share, ...]  # on track, at risk, off track, in that order

    @property
    def label(self) -> str:
        return str(self.status.label)

    @property
    def unassessed(self) -> int:
        return self.total - self.assessed

    @property
    def counted(self) -> tuple[Share, ...]:
        """The shares of the states that at least one figure has."""
        return tuple(share for share in self.shares if share.count)

    @property
    def count(self) -> dict[str, int]:
        """Figures per state value, "no_data" included, for the tables."""
        counted = {share.status.value: share.count for share in self.shares}
        return {**counted, Status.NO_DATA.value: self.unassessed}


def percentages(counts: list[int]) -> list[int]:
    """Whole percentages of the counts that add up to exactly 100 (largest remainder), or all
    0 without any count; 1 of 3 each reads 34, 33, 33 rather than 33, 33, 33."""
    total = sum(counts)
    if not total:
        return [0 for _count in counts]
    exact = [Fraction(count * 100, total) for count in counts]
    whole = [int(share) for share in exact]
    left = 100 - sum(whole)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(exact[i] - whole[i]), i))
    for i in by_remainder[:left]:
        whole[i] += 1
    return whole


def assess_goal(statuses: Iterable[Status]) -> GoalAssessment:
    """The goal's state from its key figures' states (one per key figure, "keine Daten"
    included); see the module's docstring for the rule."""
    counted = Counter(statuses)
    total = sum(counted.values())
    assessed = total - counted[Status.NO_DATA]
    shown = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK)
    shares, start = [], 0
    for status, percent in zip(
        shown, percentages([counted[status] for status in shown]), strict=True
    ):
        shares.append(Share(status, counted[status], percent, start))
        start += percent
    if total == 0 or assessed < total * MIN_ASSESSED_SHARE:
        status = GoalStatus.NOT_ASSESSABLE
    else:
        status = next(GoalStatus(s.value) for s in ASSESSED_STATES if counted[s])
    return GoalAssessment(status=status, total=total, assessed=assessed, shares=tuple(shares))
