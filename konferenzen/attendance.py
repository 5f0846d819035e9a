"""The conference day: checking people in, and who came from which sector."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from config.refusals import Refused

from .models import Conference, Registration, RegistrationSector, RegistrationStatus

SEARCH_LIMIT = 25


def find_for_check_in(conference: Conference, query: str) -> list[Registration]:
    """By check-in code (exact, as scanned or typed) or by a part of the name."""
    query = query.strip()
    if not query:
        return []
    people = Registration.objects.filter(conference=conference, anonymised_at__isnull=True)
    by_code = list(people.filter(checkin_code=query.upper().replace(" ", "")))
    if by_code:
        return by_code
    if len(query) < 2:
        return []
    return list(
        people.filter(Q(name__icontains=query) | Q(organisation__icontains=query)).order_by("name")[
            :SEARCH_LIMIT
        ]
    )


@dataclass(frozen=True)
class CheckIn:
    registration: Registration
    already: bool


def check_in(*, conference: Conference, registration_id: int, now=None) -> CheckIn:
    """Idempotent: a second scan says when the person came in and changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .filter(pk=registration_id, conference=conference)
            .first()
        )
        if registration is None:
            raise Refused(_("Diese Anmeldung gehört nicht zu dieser Konferenz."))
        if registration.status != RegistrationStatus.CONFIRMED:
            raise Refused(
                _("%(name)s hat keinen bestätigten Platz (Status: %(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()}
            )
        if registration.checked_in_at is not None:
            return CheckIn(registration, already=True)
        registration.checked_in_at = now
        registration.save(update_fields=["checked_in_at"])
    return CheckIn(registration, already=False)


@dataclass(frozen=True)
class SectorFigures:
    sector: str
    label: str
    confirmed: int
    waiting: int
    pending: int
    cancelled: int
    attended: int


def figures_by_sector(conference: Conference) -> list[SectorFigures]:
    """One grouped query; the figures survive anonymisation, so the council paper can use
    them long after the names are gone."""
    rows = {
        row["sector"]: row
        for row in Registration.objects.filter(conference=conference)
        .values("sector")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            pending=Count("pk", filter=Q(status=RegistrationStatus.PENDING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            attended=Count("pk", filter=Q(checked_in_at__isnull=False)),
        )
        .order_by()
    }
    empty = {"confirmed": 0, "waiting": 0, "pending": 0, "cancelled": 0, "attended": 0}
    return [
        SectorFigures(
            sector=value, label=str(label), **{k: rows.get(value, empty)[k] for k in empty}
        )
        for value, label in RegistrationSector.choices
    ]
