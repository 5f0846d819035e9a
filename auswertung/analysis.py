"""Running and reading a theme's evaluation: its opinion groups and its similar statements.

The computation is slow on a big theme (bench/opinion_groups), so it runs as a Celery task
on a stored `ThemeAnalysis` row: the row is the request, the claim and the result in one, so
a lost broker message or a killed worker is caught up by `run_waiting` and a run that is
repeated writes the same result again (fixed seed) instead of a second one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from config.celery import Retrying, hand_over
from participation.models import Statement, Theme

from .models import AnalysisState, ThemeAnalysis
from .opinion_groups import OpinionGroups, opinion_groups, polis_consensus, votes_of_theme
from .similarity import similar_pairs

logger = logging.getLogger(__name__)

KEEP_PER_THEME = 10  # finished runs kept per theme; older ones are pruned
MAP_POINTS = 600  # participants drawn on the opinion map; the groups' sizes count all
SEED = 0  # the same votes always give the same groups
# A run waiting this long was not handed to a worker (broker down) …
WAITING_TOO_LONG = timedelta(minutes=5)
# … and one running this long lost its worker (the 100,000-vote benchmark takes seconds).
RUNNING_TOO_LONG = timedelta(minutes=30)
OPEN_STATES = (AnalysisState.REQUESTED, AnalysisState.RUNNING)
GROUP_LETTERS = "ABCDE"


def request_analysis(theme, by=None) -> tuple[ThemeAnalysis, bool]:
    """Ask for a new run; if one is already waiting or running, that one is returned."""
    open_run = ThemeAnalysis.objects.filter(theme=theme, state__in=OPEN_STATES).first()
    if open_run is not None:
        return open_run, False
    try:
        with transaction.atomic():
            analysis = ThemeAnalysis.objects.create(theme=theme, requested_by=by)
    except IntegrityError:  # a parallel click won
        return ThemeAnalysis.objects.get(theme=theme, state__in=OPEN_STATES), False
    transaction.on_commit(lambda: hand_over(compute_theme_analysis, analysis.pk))
    return analysis, True


def run_analysis(analysis_id: int) -> ThemeAnalysis | None:
    """Compute a requested run. A finished or failed run is left alone, so a repeated task
    does nothing; a run marked running (its worker died) is computed again."""
    claimed = ThemeAnalysis.objects.filter(pk=analysis_id, state__in=OPEN_STATES).update(
        state=AnalysisState.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None
    analysis = ThemeAnalysis.objects.select_related("theme").get(pk=analysis_id)
    votes = list(votes_of_theme(analysis.theme_id))
    groups = opinion_groups(votes, seed=SEED)
    pairs = similar_pairs(_texts_of_theme(analysis.theme_id))
    with transaction.atomic():
        updated = ThemeAnalysis.objects.filter(pk=analysis_id, state=AnalysisState.RUNNING).update(
            state=AnalysisState.DONE,
            computed_at=timezone.now(),
            votes=len(votes),
            participants=len(groups.participants) + len(groups.excluded),
            display=display_of(groups),
            result=groups.to_json(),
            similar=[[p.first, p.second, p.score] for p in pairs],
            error="",
        )
        if updated:
            _prune(analysis.theme_id)
    return ThemeAnalysis.objects.get(pk=analysis_id)


def mark_failed(analysis_id: int, error: Exception) -> None:
    ThemeAnalysis.objects.filter(pk=analysis_id, state__in=OPEN_STATES).update(
        state=AnalysisState.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
    )


def waiting_too_long() -> list[int]:
    """Runs whose task never came (broker down) or whose worker was lost."""
    now = timezone.now()
    return list(
        ThemeAnalysis.objects.filter(
            Q(state=AnalysisState.REQUESTED, requested_at__lt=now - WAITING_TOO_LONG)
            | Q(state=AnalysisState.RUNNING, started_at__lt=now - RUNNING_TOO_LONG)
        ).values_list("pk", flat=True)
    )


def themes_with_new_votes() -> list:
    """Themes voted on since their latest finished run (or never evaluated), for the
    nightly refresh."""
    return list(
        Theme.objects.annotate(
            last_vote=Max("statements__votes__updated_at"),
            last_run=Max("analyses__requested_at", filter=Q(analyses__state=AnalysisState.DONE)),
        )
        .filter(last_vote__isnull=False)
        .filter(Q(last_run__isnull=True) | Q(last_vote__gt=F("last_run")))
    )


def latest(theme) -> ThemeAnalysis | None:
    """The latest finished run, without the full result (pages need `display` only)."""
    return (
        ThemeAnalysis.objects.filter(theme=theme, state=AnalysisState.DONE)
        .defer("result")
        .order_by("-computed_at", "-pk")
        .first()
    )


def open_run(theme) -> ThemeAnalysis | None:
    return (
        ThemeAnalysis.objects.filter(theme=theme, state__in=OPEN_STATES)
        .defer("result", "display", "similar")
        .first()
    )


def _texts_of_theme(theme_id: int):
    return Statement.objects.public().filter(theme_id=theme_id).values_list("pk", "text")


def _prune(theme_id: int) -> None:
    keep = ThemeAnalysis.objects.filter(theme_id=theme_id, state=AnalysisState.DONE).order_by(
        "-computed_at", "-pk"
    )[:KEEP_PER_THEME]
    ThemeAnalysis.objects.filter(
        theme_id=theme_id, state__in=(AnalysisState.DONE, AnalysisState.FAILED)
    ).exclude(pk__in=list(keep.values_list("pk", flat=True))).delete()


# --- what the pages show ---------------------------------------------------------------------


def display_of(groups: OpinionGroups) -> dict:
    """The result without every participant: the groups, the statements and a sample of the
    participants (every n-th by id) for the map, small enough to read on every page view."""
    stride = max(1, -(-len(groups.participants) // MAP_POINTS))
    return {
        "status": groups.status,
        "k": groups.k,
        "silhouette": groups.silhouette,
        "explained_variance": list(groups.explained_variance),
        "excluded": len(groups.excluded),
        "min_votes": groups.min_votes,
        "groups": [
            {"id": g.id, "size": g.size, "centroid": list(g.centroid)} for g in groups.groups
        ],
        "points": [[p.x, p.y, p.group] for p in groups.participants[::stride]],
        "statements": groups.to_json()["statements"],
    }


def min_group_votes() -> int:
    """Votes a group must have cast on a statement for the statement to be listed under
    "Größte Einigkeit" or "Größte Spaltung"."""
    return settings.OPINION_GROUPS_MIN_GROUP_VOTES


@dataclass(frozen=True)
class GroupShare:
    letter: str
    group: int
    agree: int
    disagree: int
    neutral: int
    share: float | None  # agree / votes of the group, None if the group did not vote
    enough: bool  # the group cast at least min_group_votes() votes on the statement

    @property
    def votes(self) -> int:
        return self.agree + self.disagree + self.neutral

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


@dataclass(frozen=True)
class StatementFigures:
    id: int
    votes: int
    consensus: float | None  # Polis's group-aware consensus (opinion_groups.polis_consensus)
    divisiveness: float | None
    groups: tuple[GroupShare, ...]

    @property
    def every_group_voted_enough(self) -> bool:
        return bool(self.groups) and all(group.enough for group in self.groups)

    @property
    def every_group_agrees(self) -> bool:
        """In every group more than half of its votes agree."""
        return bool(self.groups) and all(
            group.share is not None and group.share > 0.5 for group in self.groups
        )

    @property
    def consensus_percent(self) -> int | None:
        return None if self.consensus is None else round(self.consensus * 100)


def statement_figures(display: dict | None) -> dict[int, StatementFigures]:
    """Per statement id: its agreement per group, consensus and divisiveness.

    The consensus is computed here from the group counts the run stored, as Polis defines it
    (the product over the groups); runs stored before format version 2 hold the geometric
    mean in their own "consensus" and keep it, but the pages show the same figure for every
    run, without computing the groups again."""
    if not display:
        return {}
    minimum = min_group_votes()
    figures = {}
    for row in display["statements"]:
        statement_id, votes, _a, _d, _n, _consensus, divisiveness, per_group = row
        groups = tuple(
            GroupShare(
                GROUP_LETTERS[index],
                index,
                agree,
                disagree,
                neutral,
                share,
                agree + disagree + neutral >= minimum,
            )
            for index, (agree, disagree, neutral, share) in enumerate(per_group)
        )
        figures[statement_id] = StatementFigures(
            id=statement_id,
            votes=votes,
            consensus=polis_consensus((g.agree, g.votes) for g in groups),
            divisiveness=divisiveness,
            groups=groups,
        )
    return figures


def highlighted(display: dict | None, count: int = 5) -> tuple[list[int], list[int]]:
    """The ids of the statements with the most consensus ("Größte Einigkeit") and of the
    most divisive others ("Größte Spaltung").

    Both lists take only statements every group cast at least `min_group_votes()` votes on:
    a statement where a group falls short is in neither ("100 % of 3" is no agreement of a
    group). "Größte Einigkeit" takes only statements most of every group agree with, ranked
    by Polis's group-aware consensus, so that it never shows a statement one group rejects
    merely because the theme has few that all groups share."""
    figures = [
        f
        for f in statement_figures(display).values()
        if f.consensus is not None and f.every_group_voted_enough
    ]
    consensus = sorted(
        (f for f in figures if f.every_group_agrees), key=lambda f: (-f.consensus, f.id)
    )[:count]
    shown = {f.id for f in consensus}
    divisive = sorted(
        (f for f in figures if f.divisiveness and f.id not in shown),
        key=lambda f: (-f.divisiveness, f.id),
    )[:count]
    return [f.id for f in consensus], [f.id for f in divisive]


# The task beside the work it runs, so that requesting a run needs no import of the tasks
# module (which imports this one); its name stays the one the workers and the queue know.
def _analysis_failed(task, error, analysis_id: int) -> None:
    """The team sees "failed" with the reason and can start a new run."""
    mark_failed(analysis_id, error)


@shared_task(
    name="auswertung.tasks.compute_theme_analysis",
    base=Retrying,
    max_retries=3,
    gives_up=_analysis_failed,
)
def compute_theme_analysis(analysis_id: int) -> int | None:
    result = run_analysis(analysis_id)
    return result.pk if result else None
