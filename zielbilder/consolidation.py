"""Recording what became of every input, and reading it back for the public pages."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from config.refusals import Refused
from participation.models import Statement
from participation.signals import statements_changed

from .models import ConsolidatedZielbild, InputOutcome, OutcomeKind
from .models.consolidation import REASON_MAX_LENGTH, ZIELBILD_MAX_LENGTH

# Statements one action of the workbench takes at most: a Zielbild made of more inputs than
# this is better built in steps the team can check.
MAX_SELECTION = 50


def record_outcome(*, statement, kind: str, zielbild=None, reason: str = "", by=None):
    """Say what became of an input; replaces what was said before."""
    reason = (reason or "").strip()
    if kind not in OutcomeKind.values:
        raise Refused(_("Bitte wählen Sie, was aus der Eingabe wird."), "kind")
    if len(reason) > REASON_MAX_LENGTH:
        raise Refused(
            _("Die Begründung hat %(n)d Zeichen; höchstens %(limit)d sind möglich.")
            % {"n": len(reason), "limit": REASON_MAX_LENGTH},
            "reason",
        )
    if kind == OutcomeKind.NOT_TAKEN_UP:
        if not reason:
            raise Refused(
                _("Bitte begründen Sie, warum die Eingabe nicht aufgenommen wird."), "reason"
            )
        zielbild = None
    else:
        if zielbild is None:
            raise Refused(
                _("Bitte wählen Sie das Zielbild, in das die Eingabe eingeht."), "zielbild"
            )
        if zielbild.theme_id != statement.theme_id:
            raise Refused(_("Das Zielbild gehört zu einem anderen Thema."), "zielbild")
    with transaction.atomic():
        outcome, _created = InputOutcome.objects.update_or_create(
            statement=statement,
            defaults={"kind": kind, "zielbild": zielbild, "reason": reason, "decided_by": by},
        )
    return outcome


def _checked_selection(theme, statements) -> list:
    statements = list(statements)
    if not statements:
        raise Refused(_("Bitte wählen Sie mindestens eine Eingabe aus."), "statements")
    if len(statements) > MAX_SELECTION:
        raise Refused(
            _("%(n)d Eingaben ausgewählt; höchstens %(limit)d sind auf einmal möglich.")
            % {"n": len(statements), "limit": MAX_SELECTION},
            "statements",
        )
    if any(statement.theme_id != theme.pk for statement in statements):
        raise Refused(_("Eine der Eingaben gehört zu einem anderen Thema."), "statements")
    return statements


def draft_text(statements) -> str:
    """The new Zielbild's first wording: its sources, one per line, for the team to rewrite."""
    text = "\n".join(f"– {statement.text.strip()}" for statement in statements)
    if len(text) > ZIELBILD_MAX_LENGTH:
        text = text[: ZIELBILD_MAX_LENGTH - 1] + "…"
    return text


def zielbild_from_statements(*, theme, statements, by=None) -> ConsolidatedZielbild:
    """A draft Zielbild made of the selected inputs; each is recorded as taken up in it (or,
    if there are several, as merged)."""
    statements = _checked_selection(theme, statements)
    kind = OutcomeKind.TAKEN_UP if len(statements) == 1 else OutcomeKind.MERGED
    with transaction.atomic():
        zielbild = ConsolidatedZielbild.objects.create(
            theme=theme, text=draft_text(statements), live=False
        )
        zielbild.save_revision(user=by)
        for statement in statements:
            record_outcome(statement=statement, kind=kind, zielbild=zielbild, by=by)
    return zielbild


def merge_statements(*, zielbild, statements, by=None) -> int:
    """Record every selected input as merged into an existing Zielbild of its theme."""
    if zielbild is None:
        raise Refused(_("Bitte wählen Sie das Zielbild, in das die Eingaben eingehen."), "zielbild")
    statements = _checked_selection(zielbild.theme, statements)
    with transaction.atomic():
        for statement in statements:
            record_outcome(statement=statement, kind=OutcomeKind.MERGED, zielbild=zielbild, by=by)
    return len(statements)


@dataclass(frozen=True)
class Traceability:
    inputs: int
    taken_up: int
    merged: int
    not_taken_up: int

    @property
    def open(self) -> int:
        return self.inputs - self.taken_up - self.merged - self.not_taken_up


# Every theme page and results page shows these counts: an aggregate over all of a theme's
# inputs, so it is kept until an input or an outcome changes (signals in `connect`; the bulk
# import sends `statements_changed`). The time limit catches a path that changes neither.
TRACEABILITY_GENERATION = "zielbilder:traceability:generation"
TRACEABILITY_SECONDS = 600


def traceability(theme) -> Traceability:
    """How many of a theme's public inputs were taken up, merged or not taken up."""
    generation = cache.get(TRACEABILITY_GENERATION, 0)
    key = f"zielbilder:traceability:{generation}:{theme.pk}"
    counts = cache.get(key)
    if counts is None:
        counts = _count_outcomes(theme)
        cache.set(key, counts, TRACEABILITY_SECONDS)
    return Traceability(**counts)


def _count_outcomes(theme) -> dict:
    return (
        Statement.objects.public()
        .filter(theme=theme)
        .aggregate(
            inputs=Count("pk"),
            taken_up=Count("pk", filter=Q(outcome__kind=OutcomeKind.TAKEN_UP)),
            merged=Count("pk", filter=Q(outcome__kind=OutcomeKind.MERGED)),
            not_taken_up=Count("pk", filter=Q(outcome__kind=OutcomeKind.NOT_TAKEN_UP)),
        )
    )


def inputs_changed(**_kwargs) -> None:
    """An input or what became of it changed: every theme counts afresh, once it is stored
    (a page counted before the commit would otherwise keep the old figures)."""
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    # A counter shared by all processes; a new number whether the old one was evicted or not.
    cache.add(TRACEABILITY_GENERATION, 0, None)
    try:
        cache.incr(TRACEABILITY_GENERATION)
    except ValueError:
        cache.set(TRACEABILITY_GENERATION, 1, None)


def connect() -> None:
    for model in (Statement, InputOutcome):
        uid = f"traceability-{model.__name__}"
        post_save.connect(inputs_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(inputs_changed, sender=model, dispatch_uid=f"{uid}-delete")
    statements_changed.connect(inputs_changed, dispatch_uid="traceability-import")


def published_zielbilder(theme):
    """A theme's published Zielbilder with their goals, fields and sources."""
    return (
        ConsolidatedZielbild.objects.filter(theme=theme, live=True)
        .prefetch_related("goals", "fields_of_action", "sources__statement__sector")
        .order_by("created_at", "pk")
    )


def published_zielbilder_of_all():
    """Every published Zielbild with goals, fields and sources, for the council paper."""
    return (
        ConsolidatedZielbild.objects.filter(live=True)
        .prefetch_related("goals", "fields_of_action", "sources__statement")
        .order_by("theme__sort_order", "created_at", "pk")
    )
