"""The conferences' part of "Meine Beteiligung" (accounts.my_participation): the person's
registrations – linked to the account or made with one of its confirmed addresses – each
with its state and the link to its self-service page."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.my_participation import Item, Source
from accounts.services import verified_emails
from cms.language_marks import in_language, interpolate

from . import links
from .models import RegistrationStatus
from .registrations import of_person

TONES = {
    RegistrationStatus.CONFIRMED: "success",
    RegistrationStatus.WAITING: "warning",
    RegistrationStatus.PENDING: "warning",
}


def _registrations(user):
    return of_person(user=user, emails=verified_emails(user))


def registration_items(user, offset: int, limit: int) -> list[Item]:
    registrations = (
        _registrations(user)
        .select_related("conference")
        .order_by("-conference__starts_at", "-pk")[offset : offset + limit]
    )
    items = []
    for registration in registrations:
        conference = registration.conference
        items.append(
            Item(
                title=conference.title,
                url=links.manage_url(registration, absolute=False),
                lang="de",
                detail=interpolate(
                    _("%(day)s, %(venue)s"),
                    {
                        "day": date_format(timezone.localtime(conference.starts_at), "DATE_FORMAT"),
                        "venue": in_language(conference.venue_name),
                    },
                ),
                status=registration.get_status_display(),
                tone=TONES.get(registration.status, "info"),
            )
        )
    return items


def registrations_source() -> Source:
    return Source(
        key="konferenzen",
        heading=gettext_lazy("Ihre Anmeldungen zu Stadtkonferenzen"),
        empty=gettext_lazy(
            "Sie sind zu keiner Stadtkonferenz angemeldet – weder mit Ihrem Konto noch mit "
            "einer Ihrer bestätigten E-Mail-Adressen."
        ),
        count=lambda user: _registrations(user).count(),
        items=registration_items,
        order=50,
    )
