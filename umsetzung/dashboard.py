"""The public monitoring dashboard (stage 6): every goal's key figures at a glance, the news
ticker of the latest reports, and a key figure's series. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch

from strategie.models import FieldOfAction, Goal, KeyFigure

from .figure_status import Assessment, assess
from .goal_status import GoalAssessment, assess_goal
from .models import KeyFigureValue, ProjectReport
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

    @cached_property
    def assessment(self) -> GoalAssessment:
        """The goal's state and the shares of its key figures' states (goal_status)."""
        return assess_goal(assessment.status for _figure, assessment in self.figures)

    @property
    def status(self):
        """The goal's state at a glance (a GoalStatus)."""
        return self.assessment.status


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


def all_figures(overviews: list[GoalOverview]) -> GoalAssessment:
    """The states of every key figure of every goal, counted as for one goal (the dashboard's
    figures at the top)."""
    return assess_goal(a.status for overview in overviews for _figure, a in overview.figures)


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
