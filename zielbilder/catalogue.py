"""The catalogue of Zielbilder as agreed by the city conference that agrees on Zielbilder."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.process import agreeing_stage
from cms.stages import StageSubject
from config.refusals import Refused

from .models import AgreedZielbild, CatalogueAgreement, ConsolidatedZielbild
from .models.agreement import NOTE_MAX_LENGTH


def agree_catalogue(*, conference, agreed_on, note: str = "", by=None) -> CatalogueAgreement:
    """Record that the conference agreed on every published Zielbild as it reads now."""
    note = (note or "").strip()
    stage = agreeing_stage(StageSubject.ZIELBILD)
    if stage is None:
        raise Refused(
            _("In diesem Prozess verständigt sich keine Stadtkonferenz auf die Zielbilder."),
            "conference",
        )
    if conference is None or conference.stage != stage.number:
        raise Refused(
            _("Den Katalog beschließt die Stadtkonferenz der Stufe %(number)d.")
            % {"number": stage.number},
            "conference",
        )
    if agreed_on is None:
        raise Refused(_("Bitte geben Sie das Datum des Beschlusses an."), "agreed_on")
    if agreed_on > timezone.localdate():
        raise Refused(_("Das Datum des Beschlusses liegt in der Zukunft."), "agreed_on")
    if agreed_on < timezone.localtime(conference.starts_at).date():
        raise Refused(
            _("Das Datum liegt vor der Konferenz (%(date)s).")
            % {"date": timezone.localtime(conference.starts_at).strftime("%d.%m.%Y")},
            "agreed_on",
        )
    if len(note) > NOTE_MAX_LENGTH:
        raise Refused(
            _("Die Anmerkung hat %(n)d Zeichen; höchstens %(limit)d sind möglich.")
            % {"n": len(note), "limit": NOTE_MAX_LENGTH},
            "note",
        )
    with transaction.atomic():
        published = list(
            ConsolidatedZielbild.objects.select_for_update().filter(live=True).order_by("pk")
        )
        if not published:
            raise Refused(
                _("Es ist noch kein konsolidiertes Zielbild veröffentlicht."), "conference"
            )
        agreement = CatalogueAgreement.objects.create(
            conference=conference, agreed_on=agreed_on, note=note, recorded_by=by
        )
        AgreedZielbild.objects.bulk_create(
            AgreedZielbild(
                agreement=agreement,
                zielbild=zielbild,
                revision_id=zielbild.live_revision_id,
                text=zielbild.text,
            )
            for zielbild in published
        )
    return agreement


def current_agreement() -> CatalogueAgreement | None:
    return (
        CatalogueAgreement.objects.select_related("conference")
        .order_by("-agreed_on", "-pk")
        .first()
    )


# What the public page says about one Zielbild under the current agreement.
AGREED, CHANGED, ADDED = "agreed", "changed", "added"


@dataclass(frozen=True)
class AgreementStatus:
    state: str  # AGREED, CHANGED (wording differs from what was agreed) or ADDED (came later)
    agreed_text: str


def agreement_status(
    agreement: CatalogueAgreement | None, zielbilder
) -> dict[int, AgreementStatus]:
    """Per Zielbild id: agreed as it reads, changed since, or added after the agreement."""
    if agreement is None:
        return {}
    agreed = {
        row.zielbild_id: row.text
        for row in AgreedZielbild.objects.filter(agreement=agreement).only("zielbild_id", "text")
    }
    status = {}
    for zielbild in zielbilder:
        if zielbild.pk not in agreed:
            status[zielbild.pk] = AgreementStatus(ADDED, "")
        elif agreed[zielbild.pk] != zielbild.text:
            status[zielbild.pk] = AgreementStatus(CHANGED, agreed[zielbild.pk])
        else:
            status[zielbild.pk] = AgreementStatus(AGREED, agreed[zielbild.pk])
    return status
