"""What the home page and a conference stage's page show of the registration (the hooks of
cms.teasers)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cms.language_marks import in_language, interpolate
from cms.stages import StageKind, StageStatus
from cms.teasers import Action, Teaser

from .models import Conference
from .registrations import open_registrations, seat_status


def registrations_now(request) -> list[Conference]:
    """Asked once per request, by the teasers and by the action alike."""
    if not hasattr(request, "_open_registrations"):
        request._open_registrations = open_registrations()
    return request._open_registrations


def registration_teasers(request) -> list[Teaser]:
    return [
        Teaser(
            preline=_("Stadtkonferenz · Anmeldung offen"),
            heading=conference.title,
            text=format_html(
                "{} {}",
                conference_facts(conference),
                _("Anmeldung bis %(date)s.")
                % {"date": formats.date_format(local_close(conference), "DATE_FORMAT")},
            ),
            url=reverse("konferenzen:register", args=[conference.slug]),
            link_text=_("Jetzt anmelden"),
            order=10,
        )
        for conference in registrations_now(request)
    ]


def registration_action(request, stage: StageStatus) -> Action | None:
    """On a conference's stage: registering for it, while the registration is open."""
    if stage.kind != StageKind.CONFERENCE:
        return None
    conference = next((c for c in registrations_now(request) if c.stage == stage.number), None)
    if conference is None:
        return None
    return Action(
        label=_("Jetzt anmelden: %(title)s") % {"title": conference.title},
        url=reverse("konferenzen:register", args=[conference.slug]),
        text=conference_facts(conference),
        deadline=local_close(conference).date(),
        deadline_label=_("Anmeldung bis"),
    )


def conference_facts(conference: Conference):
    """When, where and how many seats are left, in one sentence (safe HTML: the venue's name
    is marked German on the English site)."""
    values = {
        "date": formats.date_format(timezone.localtime(conference.starts_at), "DATE_FORMAT"),
        "venue": in_language(conference.venue_name),
        "seats": seat_status(conference).label,
    }
    return interpolate(_("%(date)s, %(venue)s – %(seats)s."), values)


def local_close(conference: Conference):
    return timezone.localtime(conference.registration_closes)
