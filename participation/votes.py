"""Casting votes and keeping each statement's counts true."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import Statement, Vote, VoteChoice
from .rules import ensure_may_take_part

# What the buttons say: the person's own position, not the name of the count.
VOTE_BUTTONS = [
    (VoteChoice.AGREE.value, _("Stimme zu")),
    (VoteChoice.DISAGREE.value, _("Stimme nicht zu")),
    (VoteChoice.NEUTRAL.value, _("Neutral")),
]


def controversy(agree: int, disagree: int) -> float:
    """High when many voted and the two sides are close; 0 when all agree or all disagree.

    The volume of agree and disagree votes, weighted by how balanced they are (as Reddit's
    "controversial" sort does), so that 50:50 of 200 ranks above 1:1.
    """
    if agree == 0 or disagree == 0:
        return 0.0
    return (agree + disagree) * min(agree, disagree) / max(agree, disagree)


def vote_cast(*, user, statement: Statement, choice: str, consultation) -> Statement:
    """Record or change the person's vote; returns the statement with fresh counts.

    The statement row is locked for the transaction, so parallel votes on one statement
    queue up and each recount sees every committed vote; the unique constraint on
    (user, statement) stays the last line of defence against a second row.
    """
    if choice not in VoteChoice.values:
        raise ValueError(choice)
    ensure_may_take_part(user, statement, consultation)
    with transaction.atomic():
        locked = Statement.objects.select_for_update().only("pk").get(pk=statement.pk)
        # One statement for "insert, or change the existing vote": the unique constraint
        # on (user, statement) decides, so a second row cannot appear.
        Vote.objects.bulk_create(
            [Vote(user=user, statement=locked, choice=choice)],
            update_conflicts=True,
            unique_fields=["user", "statement"],
            update_fields=["choice", "updated_at"],
        )
        return recount_votes(statement)


def recount_votes(statement: Statement) -> Statement:
    counts = Vote.objects.filter(statement=statement).aggregate(
        agree=Count("pk", filter=Q(choice=VoteChoice.AGREE)),
        disagree=Count("pk", filter=Q(choice=VoteChoice.DISAGREE)),
        neutral=Count("pk", filter=Q(choice=VoteChoice.NEUTRAL)),
    )
    statement.agree_count = counts["agree"]
    statement.disagree_count = counts["disagree"]
    statement.neutral_count = counts["neutral"]
    statement.controversy = controversy(counts["agree"], counts["disagree"])
    Statement.objects.filter(pk=statement.pk).update(
        agree_count=statement.agree_count,
        disagree_count=statement.disagree_count,
        neutral_count=statement.neutral_count,
        controversy=statement.controversy,
    )
    return statement


def votes_of(user, statements) -> dict[int, str]:
    """The person's own votes on these statements, in one query."""
    if not getattr(user, "is_authenticated", False):
        return {}
    ids = [s.pk for s in statements]
    return dict(
        Vote.objects.filter(user=user, statement_id__in=ids).values_list("statement_id", "choice")
    )


def shares(statement: Statement) -> list[dict]:
    """Counts and whole-number shares for the result bar and its text equivalent."""
    total = statement.vote_count
    rows = [
        (VoteChoice.AGREE, statement.agree_count),
        (VoteChoice.DISAGREE, statement.disagree_count),
        (VoteChoice.NEUTRAL, statement.neutral_count),
    ]
    return [
        {
            "choice": choice.value,
            "label": choice.label,
            "count": count,
            "percent": round(100 * count / total) if total else 0,
        }
        for choice, count in rows
    ]
