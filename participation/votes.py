"""Casting votes and keeping each statement's counts true."""

from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from .models import Statement, Vote, VoteChoice
from .rankings import agreement_sql, controversy_sql
from .rules import consultation_of, ensure_may_take_part, ensure_within_burst

# What the buttons say: the person's own position, not the name of the count.
VOTE_BUTTONS = [
    (VoteChoice.AGREE.value, _("Stimme zu")),
    (VoteChoice.DISAGREE.value, _("Stimme nicht zu")),
    (VoteChoice.NEUTRAL.value, _("Neutral")),
]


def vote_cast(*, user, statement_id: int, choice: str) -> Statement:
    """Record or change the person's vote; returns the statement with fresh counts.

    The statement row is locked first and the rules are checked on the locked row, so a
    statement withdrawn a moment ago takes no more votes, parallel votes on one statement
    queue up, and each recount sees every committed vote. The unique constraint on (user,
    statement) stays the last line of defence against a second row. Raises
    `Statement.DoesNotExist` for a statement that is not public.
    """
    if choice not in VoteChoice.values:
        raise ValueError(choice)
    # Before the row lock, and counted in the cache: a refused burst costs no query.
    ensure_within_burst(user, "vote")
    with transaction.atomic():
        # Only what the rules and the counts need: a vote is the busiest request there is.
        statement = (
            Statement.objects.public()
            .select_for_update()
            .only("pk", "state", "stage", "agree_count", "disagree_count", "neutral_count")
            .get(pk=statement_id)
        )
        ensure_may_take_part(user, statement, consultation_of(statement.stage))
        # One statement for "insert, or change the existing vote": the unique constraint
        # on (user, statement) decides, so a second row cannot appear.
        Vote.objects.bulk_create(
            [Vote(user=user, statement=statement, choice=choice)],
            update_conflicts=True,
            unique_fields=["user", "statement"],
            update_fields=["choice", "updated_at"],
        )
        return recount_votes(statement)


# The counts and the ranking measures of one statement, recounted from its votes and stored
# in one statement that hands them back (UPDATE … FROM … RETURNING: PostgreSQL, and SQLite
# from 3.35). The measures are participation.rankings' functions written in SQL by that
# module, in the same order of operations (a test holds them equal).
RECOUNT_SQL = """
UPDATE {{statement}}
SET agree_count = c.agree, disagree_count = c.disagree, neutral_count = c.neutral,
    agreement = {agreement},
    controversy = {controversy}
FROM (
    SELECT COUNT(*) FILTER (WHERE choice = %s) AS agree,
           COUNT(*) FILTER (WHERE choice = %s) AS disagree,
           COUNT(*) FILTER (WHERE choice = %s) AS neutral
    FROM {{vote}} WHERE statement_id = %s
) AS c
WHERE {{statement}}.id = %s
RETURNING {{statement}}.agree_count, {{statement}}.disagree_count, {{statement}}.neutral_count,
    {{statement}}.agreement, {{statement}}.controversy
""".format(
    agreement=agreement_sql("c.agree", "c.disagree"),
    controversy=controversy_sql("c.agree", "c.disagree"),
)


def recount_votes(statement: Statement) -> Statement:
    sql = RECOUNT_SQL.format(statement=Statement._meta.db_table, vote=Vote._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                VoteChoice.AGREE.value,
                VoteChoice.DISAGREE.value,
                VoteChoice.NEUTRAL.value,
                statement.pk,
                statement.pk,
            ],
        )
        (
            statement.agree_count,
            statement.disagree_count,
            statement.neutral_count,
            statement.agreement,
            statement.controversy,
        ) = cursor.fetchone()
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
