"""What the conferences know about a person (accounts.privacy): their registrations, with
every field they entered, and, for the conference team, the messages they sent."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention, days_text

from . import registrations
from .links import CONFIRM_WITHIN
from .models import ConferenceMessage, TablePreference, TableSeat
from .models.conferences import ANONYMISE_AFTER_DAYS, Conference

SECTION = "konferenzen"
TITLE = gettext_lazy("Stadtkonferenzen")

REGISTRATION_FIELDS = {
    "pk": "id",
    "conference__title": "konferenz",
    "conference__starts_at": "konferenz_beginn",
    "name": "name",
    "email": "email",
    "organisation": "organisation",
    "sector": "bereich",
    "needs_wheelchair": "rollstuhlgerechter_platz",
    "needs_sign_language": "gebaerdensprachdolmetschung",
    "needs_induction_loop": "induktionsschleife",
    "needs_simple_language": "leichte_sprache",
    "needs_other": "weitere_bedarfe",
    "dietary": "ernaehrung",
    "language": "sprache",
    "status": "status",
    "created_at": "angemeldet_am",
    "consented_at": "datenschutzhinweis_akzeptiert_am",
    "link_sent_at": "link_gesendet_am",
    "confirmed_at": "bestaetigt_am",
    "seat_since": "platz_seit",
    "cancelled_at": "abgesagt_am",
    "checked_in_at": "eingecheckt_am",
    "reminded_at": "erinnert_am",
    "checkin_code": "check_in_code",
    "user_id": "mit_konto",
}


def _registrations(person: Person):
    """Three queries whatever the number: registrations, table wishes, table seats (a person
    has at most one registration per conference)."""
    rows = list(
        registrations.of_person(user=person.user, emails=person.verified_emails)
        .order_by("conference__starts_at", "pk")
        .values_list(*REGISTRATION_FIELDS)
    )
    ids = [row[0] for row in rows]
    wishes: dict[int, list[str]] = {}
    for registration, round_number, rank, table in (
        TablePreference.objects.filter(registration_id__in=ids)
        .order_by("registration_id", "round", "rank")
        .values_list("registration_id", "round", "rank", "table__title")
    ):
        wishes.setdefault(registration, []).append(f"{round_number}.{rank}: {table}")
    seats: dict[int, list[str]] = {}
    for registration, round_number, table in (
        TableSeat.objects.filter(registration_id__in=ids)
        .order_by("registration_id", "round")
        .values_list("registration_id", "round", "table__title")
    ):
        seats.setdefault(registration, []).append(f"{round_number}: {table}")
    for row in rows:
        found = dict(zip(REGISTRATION_FIELDS.values(), row, strict=True))
        found["mit_konto"] = found["mit_konto"] == person.user.pk
        found["tischwuensche"] = wishes.get(found["id"], [])
        found["tische"] = seats.get(found["id"], [])
        yield found


def _messages(person: Person):
    for subject, conference, created, finished in (
        ConferenceMessage.objects.filter(sender=person.user)
        .order_by("created_at", "pk")
        .values_list("subject", "conference__title", "created_at", "finished_at")
    ):
        yield {
            "betreff": subject,
            "konferenz": conference,
            "erstellt_am": created,
            "versendet_am": finished,
        }


KINDS = [
    Kind(
        key="anmeldungen",
        title=gettext_lazy("Anmeldungen"),
        description=gettext_lazy(
            "Ihre Anmeldungen zu Stadtkonferenzen – mit Ihrem Konto oder mit einer Ihrer "
            "bestätigten E-Mail-Adressen – mit allem, was Sie angegeben haben, ihrem Stand, "
            "Ihren Tischwünschen (Runde.Wunsch: Tisch) und Ihren Tischen (Runde: Tisch)."
        ),
        fields=(*REGISTRATION_FIELDS.values(), "tischwuensche", "tische"),
        rows=_registrations,
    ),
    Kind(
        key="nachrichten",
        title=gettext_lazy("Ihre Nachrichten an die Teilnehmenden"),
        description=gettext_lazy(
            "Nur für das Konferenzteam: Nachrichten, die Sie verschickt haben."
        ),
        fields=("betreff", "konferenz", "erstellt_am", "versendet_am"),
        rows=_messages,
    ),
]


def erase(person: Person) -> None:
    registrations.erase_person(user=person.user, emails=person.verified_emails, now=person.now)


def _confirm_days() -> float:
    return CONFIRM_WITHIN.total_seconds() / 86400


def _anonymise_period() -> str:
    period = _("%(period)s nach dem Ende der Konferenz") % {
        "period": days_text(ANONYMISE_AFTER_DAYS)
    }
    others = (
        Conference.objects.filter(anonymised_at__isnull=True)
        .exclude(anonymise_after_days=ANONYMISE_AFTER_DAYS)
        .order_by("starts_at")
        .values_list("title", "anonymise_after_days")
    )
    exceptions = [
        _("„%(title)s“: %(period)s") % {"title": title, "period": days_text(days)}
        for title, days in others
    ]
    if exceptions:
        period += " (" + "; ".join(exceptions) + ")"
    return period + _("; abgesagte Anmeldungen ebenso; löschen Sie Ihr Konto, sofort")


def retention() -> list[Retention]:
    return [
        Retention(
            key="konferenzen.unconfirmed",
            data=_("Anmeldungen zu Stadtkonferenzen, die nie bestätigt wurden"),
            purpose=_("Bestätigung der Anmeldung über den Link in der E-Mail"),
            period=lambda: (
                _("%(period)s nach dem Versand des Bestätigungslinks")
                % {"period": days_text(_confirm_days())}
            ),
            days=_confirm_days,
            job="konferenzen.tasks.expire_unconfirmed",
        ),
        Retention(
            key="konferenzen.registrations",
            data=_(
                "Anmeldungen zu Stadtkonferenzen: Name, E-Mail-Adresse, Organisation, Bereich, "
                "Bedarfe, Ernährung, Tischwünsche, Check-in"
            ),
            purpose=_(
                "Platzvergabe, Warteliste, Barrierefreiheit und Verpflegung vor Ort, "
                "Tischeinteilung, Einlass"
            ),
            period=_anonymise_period,
            days=lambda: ANONYMISE_AFTER_DAYS,
            job="konferenzen.tasks.anonymise_past_conferences",
        ),
    ]
