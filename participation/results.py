"""What the consultation of a theme adds up to, computed from the data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from .models import Comment, Proposal, Statement, StatementState, Theme, Visibility, Vote

TOP = 3


@dataclass(frozen=True)
class ThemeSummary:
    statements: int
    by_kind: dict[str, int]
    participants: int
    comments: int
    votes: int
    proposals: int
    proposals_accepted: int
    most_agreed: list[Statement]
    most_controversial: list[Statement]


def participants(theme: Theme) -> int:
    """Distinct accounts that voted, commented or proposed; a deleted account still counts,
    its row stays (accounts.deletion)."""
    voters = (
        Vote.objects.filter(statement__theme=theme, user__isnull=False).order_by().values("user_id")
    )
    writers = (
        Comment.objects.filter(
            statement__theme=theme, author__isnull=False, visibility=Visibility.PUBLISHED
        )
        .order_by()
        .values("author_id")
    )
    proposers = (
        Proposal.objects.filter(theme=theme, author__isnull=False).order_by().values("author_id")
    )
    return voters.union(writers, proposers).count()


def theme_summary(theme: Theme) -> ThemeSummary:
    public = Statement.objects.filter(theme=theme, state=StatementState.PUBLISHED)
    totals = public.aggregate(
        statements=Count("pk"),
        ausgangsbild=Count("pk", filter=Q(kind="ausgangsbild")),
        zielbild=Count("pk", filter=Q(kind="zielbild")),
        comments=Sum("comment_count"),
        agree=Sum("agree_count"),
        disagree=Sum("disagree_count"),
        neutral=Sum("neutral_count"),
    )
    proposals = Proposal.objects.filter(theme=theme).aggregate(
        all=Count("pk"), accepted=Count("pk", filter=Q(state="accepted"))
    )
    voted = public.select_related("sector").filter(agree_count__gt=0)
    return ThemeSummary(
        statements=totals["statements"],
        by_kind={"ausgangsbild": totals["ausgangsbild"], "zielbild": totals["zielbild"]},
        participants=participants(theme),
        comments=totals["comments"] or 0,
        votes=(totals["agree"] or 0) + (totals["disagree"] or 0) + (totals["neutral"] or 0),
        proposals=proposals["all"],
        proposals_accepted=proposals["accepted"],
        most_agreed=list(voted.order_by("-agree_count", "pk")[:TOP]),
        most_controversial=list(
            public.select_related("sector")
            .filter(controversy__gt=0)
            .order_by("-controversy", "pk")[:TOP]
        ),
    )
