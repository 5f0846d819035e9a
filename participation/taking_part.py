"""The page where one takes part: every statement open for votes and comments now, from all
themes, with the vote buttons of each – the place the home page's "Jetzt mitmachen" leads.

A fixed number of queries whatever the number of statements: the stages (cached), the facet
counts (which also give the paginator its count), the ids of the page's statements in order,
those statements with their theme and source, the reader's own votes on them, and the themes
for the filter. PostgreSQL reads the order and the counts from indexes of their own
(Statement.Meta.indexes).
"""

from __future__ import annotations

from django.core.paginator import Paginator

from accounts.services import user_is_verified
from cms.process import process_stages
from cms.stages import StageStatus

from .filters import TakePartFilter
from .models import Statement, StatementState, ThemeIndexPage
from .rules import consultations, may_take_part
from .votes import VOTE_BUTTONS, shares, votes_of

PER_PAGE = 20


class CountedPaginator(Paginator):
    """A paginator told its count where the filter already knows it: one query less."""

    def __init__(self, *args, count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if count is not None:
            self.count = count  # takes the place of the cached property


def open_stages(windows: dict) -> list[int]:
    """The stages whose statements take votes and comments now."""
    return sorted(number for number, consultation in windows.items() if consultation.is_open)


def open_statements(stages: list[int]):
    # Withdrawn statements stay readable on the theme pages; here, where one acts, they
    # would only show disabled buttons.
    return Statement.objects.filter(state=StatementState.PUBLISHED, stage__in=stages)


def take_part_context(request) -> dict:
    windows = consultations()
    stages = open_stages(windows)
    if not stages:
        return closed_context()
    base = open_statements(stages)
    filterset = TakePartFilter(request.GET, queryset=base, request=request)
    counts = filterset.add_counts(base)
    # The page's ids first, from the index that holds the order (even far back, no join runs
    # for the statements skipped), then those twenty with their theme and source.
    page = CountedPaginator(
        filterset.qs.values_list("pk", flat=True), PER_PAGE, count=filterset.known_count()
    ).get_page(request.GET.get("page"))
    page.object_list = ids = list(page.object_list)
    found = (
        Statement.objects.select_related("sector", "theme")
        .prefetch_related("theme__pages")
        .in_bulk(ids)
    )
    statements = [found[pk] for pk in ids if pk in found]
    user_is_verified(request.user, request)
    mine = votes_of(request.user, statements)
    for statement in statements:
        statement.permission = may_take_part(request.user, statement, windows[statement.stage])
        statement.my_vote = mine.get(statement.pk)
        statement.shares = shares(statement)
    return {
        "is_open": True,
        "consultation_notes": [windows[number].note for number in stages],
        "filter": filterset,
        "filter_active": filter_active(request),
        "order_note": filterset.order_note,
        "page_obj": page,
        "statements": statements,
        "vote_choices": VOTE_BUTTONS,
        "counts": counts,
        "result_count": page.paginator.count,
    }


def filter_active(request) -> bool:
    """Whether the reader chose anything other than the defaults."""
    chosen = request.GET
    return any(chosen.get(name) for name in ("theme", "kind", "unvoted")) or chosen.get(
        "sort", ""
    ) not in ("", "wenigste")


def closed_context() -> dict:
    """No consultation is open: say when the next one begins, or what comes next."""
    stages = process_stages()
    return {
        "is_open": False,
        "next_consultation": next_consultation(stages),
        "next_stage": next((stage for stage in stages if stage.is_planned), None),
        "themes_page": ThemeIndexPage.objects.live().public().first(),
    }


def next_consultation(stages: list[StageStatus]) -> StageStatus | None:
    return next((s for s in stages if s.consultation.offered and s.consultation.not_yet), None)
