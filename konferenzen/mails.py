"""The mails of a registration, each stored in the outbox inside the transaction that caused
it: sent once the change is committed, and never for a change that was rolled back."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from outbox.services import mail_queue

from . import links
from .tickets import calendar_file, checkin_qr_png


def _send(registration, template: str, subject: str, *, tickets=None, **context) -> None:
    """Rendered in the language the person registered in, attachments included."""
    with translation.override(registration.language or "de"):
        conference = registration.conference
        context = {
            "registration": registration,
            "conference": conference,
            "manage_url": links.manage_url(registration),
            **context,
        }
        mail_queue(
            to=registration.email,
            subject=f"[{conference.title}] {_(subject)}",
            text=render_to_string(f"konferenzen/mail/{template}.txt", context),
            attachments=ticket_attachments(registration) if tickets is True else tickets,
        )


# The subjects are marked here and translated in _send, in the person's language.
def confirm_link(registration, *, again: bool) -> None:
    _send(
        registration,
        "confirm_link",
        gettext_noop("Bitte bestätigen Sie Ihre Anmeldung"),
        confirm_url=links.confirm_url(registration),
        again=again,
        hours=int(links.CONFIRM_WITHIN.total_seconds() // 3600),
    )


def already_registered(registration) -> None:
    _send(registration, "already_registered", gettext_noop("Sie sind bereits angemeldet"))


def seat_confirmed(registration, *, tickets=None) -> None:
    """`tickets`: the attachments when they were drawn already (see registrations.confirm)."""
    _send(
        registration,
        "seat_confirmed",
        gettext_noop("Ihr Platz ist bestätigt"),
        tickets=tickets or True,
    )


def on_waiting_list(registration, position: int | None) -> None:
    _send(
        registration,
        "waiting",
        gettext_noop("Sie stehen auf der Warteliste"),
        position=position,
    )


def promoted(registration) -> None:
    _send(
        registration,
        "promoted",
        gettext_noop("Ein Platz ist frei geworden: Sie sind dabei"),
        tickets=True,
    )


def cancelled(registration) -> None:
    _send(registration, "cancelled", gettext_noop("Ihre Absage ist angekommen"))


def reminder(registration, seats) -> None:
    _send(
        registration,
        "reminder",
        gettext_noop("Erinnerung: in drei Tagen ist es so weit"),
        tickets=True,
        seats=seats,
    )


def team_message(registration, message) -> None:
    with translation.override(registration.language or "de"):
        mail_queue(
            to=registration.email,
            subject=f"[{registration.conference.title}] {message.subject}",
            text=render_to_string(
                "konferenzen/mail/team_message.txt",
                {
                    "registration": registration,
                    "conference": registration.conference,
                    "message": message,
                    "manage_url": links.manage_url(registration),
                },
            ),
        )


def ticket_attachments(registration) -> list[tuple[str, bytes, str]]:
    """The calendar entry and the QR code of the check-in code."""
    conference = registration.conference
    page = getattr(conference, "page", None)
    ics = calendar_file(
        uid=f"konferenz-{conference.pk}-anmeldung-{registration.pk}@stadtgespraech",
        title=conference.title,
        starts_at=conference.starts_at,
        ends_at=conference.ends_at,
        location=conference.venue_one_line,
        description=_("Ihre Anmeldung ansehen, ändern oder absagen: %(url)s")
        % {"url": links.manage_url(registration)},
        url=links.absolute(page.url) if page is not None and page.url else "",
        organizer_name=_("Konferenzteam"),
        organizer_email=conference.contact_email,
    )
    return [
        ("stadtkonferenz.ics", ics, "text/calendar"),
        (
            f"check-in-{registration.checkin_code}.png",
            checkin_qr_png(registration.checkin_code),
            "image/png",
        ),
    ]
