"""The council's decision on a published version (stage 5), and what follows from it."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.process import begin_stage
from cms.stages import StageKind
from config.celery import Retrying, hand_over
from config.refusals import Refused
from participation.notifications import notify_stage_results

from .models import (
    ADOPTING_OUTCOMES,
    CHANGES_MAX_LENGTH,
    CouncilDecision,
    DecisionOutcome,
    PaperVersion,
    VersionState,
)


def record_decision(
    *,
    version: PaperVersion,
    meeting_date,
    outcome: str,
    changes: str = "",
    votes_yes=None,
    votes_no=None,
    votes_abstain=None,
    by=None,
) -> CouncilDecision:
    """Record what the council decided. An adopting decision makes the version the binding
    one, freezes it, and lets the implementation begin; the people who asked to be told hear
    of it."""
    changes = (changes or "").strip()
    if outcome not in DecisionOutcome.values:
        raise Refused(_("Bitte wählen Sie das Ergebnis der Beratung."), "outcome")
    if meeting_date is None:
        raise Refused(_("Bitte geben Sie das Datum der Sitzung an."), "meeting_date")
    if meeting_date > timezone.localdate():
        raise Refused(_("Die Sitzung liegt in der Zukunft."), "meeting_date")
    if outcome == DecisionOutcome.ADOPTED_WITH_CHANGES and not changes:
        raise Refused(_("Bitte nennen Sie die beschlossenen Änderungen."), "changes")
    if len(changes) > CHANGES_MAX_LENGTH:
        raise Refused(
            _("Die Änderungen haben %(n)d Zeichen; höchstens %(limit)d sind möglich.")
            % {"n": len(changes), "limit": CHANGES_MAX_LENGTH},
            "changes",
        )
    with transaction.atomic():
        # Locked, so that two adopting decisions recorded at once cannot make two versions
        # binding (the constraint would refuse the second, but with a less helpful message).
        version = PaperVersion.objects.select_for_update().get(pk=version.pk)
        if version.state != VersionState.PUBLISHED:
            raise Refused(
                _(
                    "Version %(n)d ist nicht veröffentlicht; der Rat beschließt nur, was "
                    "öffentlich ist."
                )
                % {"n": version.number},
                "version",
            )
        if version.binding:
            raise Refused(
                _("Version %(n)d ist bereits verbindlich beschlossen und unveränderlich.")
                % {"n": version.number},
                "version",
            )
        adopting = outcome in ADOPTING_OUTCOMES
        if adopting and PaperVersion.objects.filter(binding=True).exists():
            raise Refused(_("Eine andere Version ist bereits verbindlich beschlossen."), "version")
        decision = CouncilDecision.objects.create(
            version=version,
            meeting_date=meeting_date,
            outcome=outcome,
            changes=changes,
            votes_yes=votes_yes,
            votes_no=votes_no,
            votes_abstain=votes_abstain,
            recorded_by=by,
        )
        if adopting:
            PaperVersion.objects.filter(pk=version.pk).update(binding=True)
            begin_stage(StageKind.IMPLEMENTATION, user=by)
            transaction.on_commit(lambda: hand_over(announce_decision, decision.pk))
    return decision


def announce(decision_id: int) -> int:
    """Mail everyone who follows a theme and wants to hear of results; once per person."""
    decision = (
        CouncilDecision.objects.select_related("version")
        .filter(pk=decision_id, outcome__in=ADOPTING_OUTCOMES)
        .first()
    )
    if decision is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.BASE_URL + reverse(
            "ratsvorlage:paper_version", args=[decision.version.number]
        )
        sent = notify_stage_results(
            results_key=f"ratsbeschluss-{decision.pk}",
            stage_title=_("Ratsbeschluss: %(title)s") % {"title": decision.version.title},
            url=url,
        )
    CouncilDecision.objects.filter(pk=decision.pk, announced_at__isnull=True).update(
        announced_at=timezone.now()
    )
    return sent


def waiting_for_announcement() -> list[int]:
    return list(
        CouncilDecision.objects.filter(
            outcome__in=ADOPTING_OUTCOMES,
            announced_at__isnull=True,
            recorded_at__lte=timezone.now() - timedelta(minutes=5),
        ).values_list("pk", flat=True)
    )


# The task beside the work it runs, so that recording a decision needs no import of the
# tasks module (which imports this one); named as if it stood there.
@shared_task(name="ratsvorlage.tasks.announce_decision", base=Retrying)
def announce_decision(decision_id: int) -> int:
    return announce(decision_id)
