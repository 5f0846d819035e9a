"""What the overview of the Schwerpunktthemen shows per theme, for all themes at once.

The counts are the results page's (participation.results), read in grouped queries so that
the overview costs the same for 3 themes as for 19: statements, votes and comments from the
counters kept on each statement, participants in one query over votes, comments and
proposals. That one reads every vote (about 10 s for 2.2 million votes on two busy cores),
so no visitor waits for it: a periodic task counts them every few minutes and the overview
shows the last count (participation.tasks.count_theme_participants).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Sum

from cms.stages import NO_CONSULTATION, Consultation

from .models import Comment, Proposal, Statement, StatementState, Visibility, Vote

# The periodic task counts every PARTICIPANTS_REFRESH_SECONDS (settings.CELERY_BEAT_SCHEDULE);
# its count is kept long enough to outlast a few missed runs. Only without any count (a fresh
# cache) does a request count for itself. The results page of a theme counts live.
PARTICIPANTS_REFRESH_SECONDS = 300
PARTICIPANTS_CACHE_SECONDS = 3600
PARTICIPANTS_CACHE_KEY = "participation:participants-per-theme"


@dataclass(frozen=True)
class ThemeFigures:
    statements: int = 0
    votes: int = 0
    comments: int = 0
    participants: int = 0
    # The stages the theme's published statements come from.
    stages: frozenset[int] = field(default_factory=frozenset)


def participants_per_theme(theme_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Distinct accounts per theme that voted, commented (published) or proposed – as
    `results.participants(theme)` counts them for one theme (a test holds them equal) – in
    one query: the union of (theme, person) pairs drops the repeats, a GROUP BY counts them.
    `None`: every theme."""
    ids = None if theme_ids is None else list(theme_ids)

    def of_themes(queryset, field_name):
        return queryset if ids is None else queryset.filter(**{f"{field_name}__in": ids})

    voters = of_themes(Vote.objects.filter(user__isnull=False), "statement__theme_id")
    voters = voters.annotate(t=F("statement__theme_id"), p=F("user_id")).values_list("t", "p")
    writers = of_themes(
        Comment.objects.filter(author__isnull=False, visibility=Visibility.PUBLISHED),
        "statement__theme_id",
    ).annotate(t=F("statement__theme_id"), p=F("author_id"))
    proposers = of_themes(Proposal.objects.filter(author__isnull=False), "theme_id").annotate(
        t=F("theme_id"), p=F("author_id")
    )
    pairs = voters.order_by().union(
        writers.order_by().values_list("t", "p"), proposers.order_by().values_list("t", "p")
    )
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t, COUNT(*) FROM ({sql}) AS pairs GROUP BY t", params)
        return dict(cursor.fetchall())


def count_theme_participants() -> dict[int, int]:
    """Count anew and keep the count for the overview."""
    counts = participants_per_theme()
    cache.set(PARTICIPANTS_CACHE_KEY, counts, PARTICIPANTS_CACHE_SECONDS)
    return counts


def cached_participants_per_theme() -> dict[int, int]:
    counts = cache.get(PARTICIPANTS_CACHE_KEY)
    return counts if counts is not None else count_theme_participants()


def theme_figures(theme_ids: Iterable[int]) -> dict[int, ThemeFigures]:
    """Per theme: its published statements and the votes and comments on them (as the
    results page counts them) and its participants. One query, two when no count of the
    participants is kept."""
    ids = list(theme_ids)
    totals: dict[int, dict] = {}
    rows = (
        Statement.objects.filter(theme_id__in=ids, state=StatementState.PUBLISHED)
        .order_by()
        .values("theme_id", "stage")
        .annotate(
            n=Count("pk"),
            agree=Sum("agree_count"),
            disagree=Sum("disagree_count"),
            neutral=Sum("neutral_count"),
            comments=Sum("comment_count"),
        )
    )
    for row in rows:
        theme = totals.setdefault(
            row["theme_id"], {"statements": 0, "votes": 0, "comments": 0, "stages": set()}
        )
        theme["statements"] += row["n"]
        theme["votes"] += (row["agree"] or 0) + (row["disagree"] or 0) + (row["neutral"] or 0)
        theme["comments"] += row["comments"] or 0
        theme["stages"].add(row["stage"])
    participants = cached_participants_per_theme() if ids else {}
    return {
        theme_id: ThemeFigures(
            statements=totals.get(theme_id, {}).get("statements", 0),
            votes=totals.get(theme_id, {}).get("votes", 0),
            comments=totals.get(theme_id, {}).get("comments", 0),
            participants=participants.get(theme_id, 0),
            stages=frozenset(totals.get(theme_id, {}).get("stages", ())),
        )
        for theme_id in ids
    }


@dataclass(frozen=True)
class InputWindow:
    """Whether people can give their input on a theme now, and until or from when.

    state: "open" (until `date`), "not_yet" (from `date`), "closed" (ended on `date`), or
    "none" (no online participation for this theme's stages)."""

    state: str
    date: datetime.date | None = None

    @property
    def is_open(self) -> bool:
        return self.state == "open"


def input_window(
    stages: Iterable[int], windows: dict[int, Consultation], *, proposals: Iterable[int] = ()
) -> InputWindow:
    """For a theme with statements in `stages`: its input is open while the consultation of
    one of those stages runs, or of a stage that takes citizens' proposals (`proposals`: those
    are open to every theme). The latest closing date among the open ones is the one to name."""
    relevant = [windows.get(stage, NO_CONSULTATION) for stage in {*stages, *proposals}]
    offered = [c for c in relevant if c.offered]
    running = [c.closes for c in offered if c.is_open]
    if running:
        return InputWindow("open", max(running))
    coming = [c.opens for c in offered if c.not_yet]
    if coming:
        return InputWindow("not_yet", min(coming))
    if offered:
        return InputWindow("closed", max(c.closes for c in offered))
    return InputWindow("none")
