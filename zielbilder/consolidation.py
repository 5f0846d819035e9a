"""Recording what became of every input, and reading it back for the public pages."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from .models import ConsolidatedZielbild, InputOutcome, OutcomeKind
from .models.consolidation import REASON_MAX_LENGTH


class Refused(Exception):
    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


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


@dataclass(frozen=True)
class Traceability:
    inputs: int
    taken_up: int
    merged: int
    not_taken_up: int

    @property
    def open(self) -> int:
        return self.inputs - self.taken_up - self.merged - self.not_taken_up


def traceability(theme) -> Traceability:
    """How many of a theme's public inputs were taken up, merged or not taken up: one query."""
    from participation.models import Statement

    counts = (
        Statement.objects.public()
        .filter(theme=theme)
        .aggregate(
            inputs=Count("pk"),
            taken_up=Count("pk", filter=Q(outcome__kind=OutcomeKind.TAKEN_UP)),
            merged=Count("pk", filter=Q(outcome__kind=OutcomeKind.MERGED)),
            not_taken_up=Count("pk", filter=Q(outcome__kind=OutcomeKind.NOT_TAKEN_UP)),
        )
    )
    return Traceability(**counts)


def published_zielbilder(theme):
    return (
        ConsolidatedZielbild.objects.filter(theme=theme, live=True)
        .prefetch_related("goals", "fields_of_action", "sources__statement__sector")
        .order_by("created_at", "pk")
    )
