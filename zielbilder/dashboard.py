"""The public monitoring dashboard (stage 6): every goal's key figures at a glance, the news
ticker of the latest reports, and a key figure's series. A fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from .figure_status import Assessment, Status, assess
from .models import FieldOfAction, Goal, KeyFigure, KeyFigureValue, ProjectReport
from .reporting import with_latest

TICKER_LENGTH = 10


@dataclass
class GoalOverview:
    goal: Goal
    figures: list[tuple[KeyFigure, Assessment]] = field(default_factory=list)
    # The same figures per field of action, for the drill-down goal → field → key figure.
    fields: list[tuple[FieldOfAction, list[tuple[KeyFigure, Assessment]]]] = field(
        default_factory=list
    )

    @property
    def counts(self) -> list[tuple[Status, int]]:
        counted = Counter(assessment.status for _figure, assessment in self.figures)
        return [(status, counted.get(status, 0)) for status in Status]

    @property
    def status(self) -> Status:
        """The goal's status at a glance: its worst assessed key figure."""
        assessed = [a.status for _f, a in self.figures if a.status != Status.NO_DATA]
        for status in (Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK):
            if status in assessed:
                return status
        return Status.NO_DATA


def goals_overview() -> list[GoalOverview]:
    goals = Goal.objects.order_by("number").prefetch_related(
        Prefetch(
            "fields",
            queryset=FieldOfAction.objects.prefetch_related(
                Prefetch("key_figures", queryset=with_latest(KeyFigure.objects.order_by("pk")))
            ),
        )
    )
    overviews = []
    for goal in goals:
        overview = GoalOverview(goal)
        for field_of_action in goal.fields.all():
            assessed = [
                (figure, assess(figure, figure.latest_value, figure.latest_date))
                for figure in field_of_action.key_figures.all()
            ]
            overview.figures.extend(assessed)
            overview.fields.append((field_of_action, assessed))
        overviews.append(overview)
    return overviews


@dataclass(frozen=True)
class TickerItem:
    at: object  # datetime
    kind: str  # "value" or "project"
    item: object


def ticker(limit: int = TICKER_LENGTH) -> list[TickerItem]:
    """The latest reports, values and project states mixed, newest first."""
    values = KeyFigureValue.objects.select_related("key_figure__field", "office").order_by(
        "-reported_at", "-pk"
    )[:limit]
    projects = ProjectReport.objects.select_related("project__field", "office").order_by(
        "-reported_at", "-pk"
    )[:limit]
    items = [TickerItem(v.reported_at, "value", v) for v in values] + [
        TickerItem(p.reported_at, "project", p) for p in projects
    ]
    return sorted(items, key=lambda item: item.at, reverse=True)[:limit]
