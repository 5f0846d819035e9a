"""What the consultation of a theme adds up to, computed from the data."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, Sum

from .models import Comment, Proposal, Statement, StatementState, Theme, Visibility, Vote
from .rankings import CONFIDENT_MAJORITY, CONTESTED

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
    controversial_min_votes: int


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


@dataclass(frozen=True)
class YesNo:
    """What a ranked list shows of a statement: the agree share among agree and disagree
    votes (the share its ranking is about), those votes, and the neutral ones beside."""

    agree_percent: int
    disagree_percent: int
    yes_no: int
    neutral: int


def yes_no(statement: Statement) -> YesNo:
    total = statement.agree_count + statement.disagree_count
    agree = round(100 * statement.agree_count / total) if total else 0
    return YesNo(
        agree_percent=agree,
        disagree_percent=100 - agree if total else 0,
        yes_no=total,
        neutral=statement.neutral_count,
    )


def most_agreed(statements, count: int = TOP) -> list[Statement]:
    """The statements with the most agreement one can be confident of: ranked by
    `Statement.agreement`, and only those above the contested range with a confident majority
    (participation.rankings.is_clearly_agreed, here as a query)."""
    high = CONTESTED[1]
    return list(
        statements.alias(
            above=F("agree_count") * high.denominator
            - (F("agree_count") + F("disagree_count")) * high.numerator
        )
        .filter(agreement__gt=CONFIDENT_MAJORITY, above__gt=0)
        .order_by("-agreement", "pk")[:count]
    )


def most_controversial(statements, count: int = TOP) -> list[Statement]:
    """The most evenly split statements with at least the set number of agree and disagree
    votes; `Statement.controversy` is 0 outside the contested range, so a statement of
    `most_agreed` cannot appear here."""
    return list(
        statements.alias(yes_no=F("agree_count") + F("disagree_count"))
        .filter(controversy__gt=0, yes_no__gte=settings.PARTICIPATION_CONTROVERSIAL_MIN_VOTES)
        .order_by("-controversy", "pk")[:count]
    )


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
    listed = public.select_related("sector")
    return ThemeSummary(
        statements=totals["statements"],
        by_kind={"ausgangsbild": totals["ausgangsbild"], "zielbild": totals["zielbild"]},
        participants=participants(theme),
        comments=totals["comments"] or 0,
        votes=(totals["agree"] or 0) + (totals["disagree"] or 0) + (totals["neutral"] or 0),
        proposals=proposals["all"],
        proposals_accepted=proposals["accepted"],
        most_agreed=most_agreed(listed),
        most_controversial=most_controversial(listed),
        controversial_min_votes=settings.PARTICIPATION_CONTROVERSIAL_MIN_VOTES,
    )
