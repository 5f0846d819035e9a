"""Registering for a conference: double opt-in, seats that are never overbooked, the waiting
list and its promotion, self-service changes and cancellation.

Every decision about a seat is taken while holding the lock on the conference's row and
after counting again under that lock (as pretix does), so parallel confirmations queue up
and none can see a seat another has just taken. The unique constraint on (conference,
e-mail) keeps a person from holding two registrations.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast, Concat, Lower
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from cms.numbers import grouped
from config import ratelimit
from config.refusals import Refused

from . import mails
from .links import CONFIRM_WITHIN
from .models import (
    CafeTable,
    Conference,
    Registration,
    RegistrationSector,
    RegistrationStatus,
    TablePreference,
)
from .models.conferences import CAFE_ROUNDS
from .models.registrations import new_secret

ACTIVE = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
# What a person may change in self-service; e-mail and sector decide the seat, so changing
# them means cancelling and registering again.
CHANGEABLE = [
    "name",
    "organisation",
    "needs_wheelchair",
    "needs_sign_language",
    "needs_induction_loop",
    "needs_simple_language",
    "needs_other",
    "dietary",
]
DETAILS = [*CHANGEABLE, "sector"]


STALE_REGISTRATION = gettext_noop(
    "Diese Anmeldung wurde nicht rechtzeitig bestätigt oder ist abgesagt. "
    "Melden Sie sich bitte erneut an."
)


# --- What the public sees --------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    is_open: bool
    note: str


def registration_window(conference: Conference, *, now: datetime | None = None) -> Window:
    now = now or timezone.now()
    if now < conference.registration_opens:
        when = formats.date_format(
            timezone.localtime(conference.registration_opens), "DATETIME_FORMAT"
        )
        return Window(False, _("Die Anmeldung beginnt am %(when)s.") % {"when": when})
    if now >= conference.registration_closes:
        return Window(False, _("Die Anmeldung ist geschlossen."))
    when = formats.date_format(
        timezone.localtime(conference.registration_closes), "DATETIME_FORMAT"
    )
    return Window(True, _("Anmeldung bis %(when)s.") % {"when": when})


def open_registrations(*, now: datetime | None = None, limit: int = 2) -> list[Conference]:
    """The conferences taking registrations now, the earliest first; at most `limit`."""
    now = now or timezone.now()
    return list(
        Conference.objects.filter(registration_opens__lte=now, registration_closes__gt=now)
        .prefetch_related("quotas")
        .order_by("starts_at", "pk")[:limit]
    )


@dataclass(frozen=True)
class QuotaStatus:
    sector: str
    label: str
    seats: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.seats - self.taken, 0)


@dataclass(frozen=True)
class SeatStatus:
    capacity: int
    taken: int
    waiting: int
    quotas: list[QuotaStatus] = field(default_factory=list)

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def label(self) -> str:
        if self.free:
            return ngettext("noch %(count)s Platz", "noch %(count)s Plätze", self.free) % {
                "count": grouped(self.free)
            }
        return _("Warteliste")

    def free_for(self, sector: str) -> int:
        for quota in self.quotas:
            if quota.sector == sector:
                return min(quota.free, self.free)
        return self.free


def _confirmed_by_sector(conference_id: int) -> Counter:
    rows = (
        Registration.objects.filter(
            conference_id=conference_id, status=RegistrationStatus.CONFIRMED
        )
        .values_list("sector")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter(dict(rows))


def seat_status(conference: Conference) -> SeatStatus:
    """Seats taken and free, overall and per sector quota: two queries whatever the size."""
    counts = Registration.objects.filter(conference=conference).aggregate(
        taken=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    quotas = list(conference.quotas.all())
    by_sector = _confirmed_by_sector(conference.pk) if quotas else Counter()
    labels = dict(RegistrationSector.choices)
    return SeatStatus(
        capacity=conference.capacity,
        taken=counts["taken"],
        waiting=counts["waiting"],
        quotas=[
            QuotaStatus(q.sector, str(labels[q.sector]), q.seats, by_sector[q.sector])
            for q in quotas
        ],
    )


def waiting_position(registration: Registration) -> int | None:
    """1 for the next in line; None when the person is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        conference_id=registration.conference_id, status=RegistrationStatus.WAITING
    ).filter(
        Q(confirmed_at__lt=registration.confirmed_at)
        | Q(confirmed_at=registration.confirmed_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


# --- Registering -------------------------------------------------------------------------------


def register(
    *,
    conference: Conference,
    email: str,
    details: dict,
    preferences: dict[int, list[int]],
    user=None,
    language: str = "de",
    client_ip: str | None = None,
    now: datetime | None = None,
) -> Registration:
    """Record a registration and mail the link that confirms it.

    Registering again with an address that is already registered changes nothing stored –
    the form may come from anyone – but mails the owner of the address the link they need:
    the confirmation link again, or the self-service link. The answer on the page is the
    same in every case, so the form does not reveal who is registered.
    """
    now = now or timezone.now()
    window = registration_window(conference, now=now)
    if not window.is_open:
        raise Refused(window.note)
    email = email.strip()
    ensure_within_limits(conference=conference, email=email, client_ip=client_ip)
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _register(conference, email, details, preferences, user, language, now)
        except IntegrityError:
            # Someone registered the same address at the same moment: the second attempt
            # finds that registration and treats this one as registering again.
            if attempt:
                raise
    raise AssertionError("unreachable")


def ensure_within_limits(*, conference: Conference, email: str, client_ip: str | None) -> None:
    """Registering needs no account, so the form is limited per client address (against
    mass registrations) and per e-mail address (against filling someone's inbox with
    confirmation links). Counted in the shared cache, before anything is read or written."""
    limit, seconds = settings.KONFERENZEN_RATE_LIMITS["per_ip"]
    if client_ip and not ratelimit.hit("konferenzen:ip", client_ip, limit=limit, seconds=seconds):
        raise Refused(
            _(
                "Von Ihrem Internetanschluss kamen in der letzten Stunde schon %(limit)d "
                "Anmeldungen. Bitte versuchen Sie es später noch einmal; Ihre Angaben bleiben "
                "hier stehen. Wer viele Personen anmelden möchte, schreibt bitte dem "
                "Konferenzteam: %(contact)s"
            )
            % {"limit": limit, "contact": conference.contact_email},
            rate_limited=True,
        )
    limit, seconds = settings.KONFERENZEN_RATE_LIMITS["per_address"]
    if not ratelimit.hit("konferenzen:address", email.lower(), limit=limit, seconds=seconds):
        raise Refused(
            _(
                "Für diese E-Mail-Adresse wurde das Formular in der letzten Stunde schon "
                "%(limit)d-mal gesendet. Bitte sehen Sie in Ihrem Postfach nach, auch im "
                "Spam-Ordner, oder versuchen Sie es in einer Stunde noch einmal."
            )
            % {"limit": limit},
            rate_limited=True,
        )


def _register(conference, email, details, preferences, user, language, now) -> Registration:
    existing = (
        Registration.objects.select_for_update()
        .filter(conference=conference, email__iexact=email)
        .first()
    )
    if existing is not None and existing.status in ACTIVE:
        if existing.status == RegistrationStatus.PENDING:
            existing.link_sent_at = now
            existing.save(update_fields=["link_sent_at"])
            mails.confirm_link(existing, again=True)
        else:
            mails.already_registered(existing)
        return existing
    registration = existing or Registration(conference=conference)
    for name in DETAILS:
        setattr(registration, name, details.get(name, getattr(registration, name)))
    registration.email = email
    registration.user = user if getattr(user, "is_authenticated", False) else None
    registration.language = language
    registration.consented_at = now
    registration.link_sent_at = now
    registration.status = RegistrationStatus.PENDING
    registration.secret = new_secret()
    registration.confirmed_at = registration.seat_since = registration.cancelled_at = None
    registration.reminded_at = None
    registration.save()
    _store_preferences(registration, preferences)
    mails.confirm_link(registration, again=False)
    return registration


def _store_preferences(registration: Registration, preferences: dict[int, list[int]]) -> None:
    valid = set(
        CafeTable.objects.filter(conference_id=registration.conference_id).values_list(
            "pk", flat=True
        )
    )
    registration.preferences.all().delete()
    rows = []
    for round_number in CAFE_ROUNDS:
        chosen = [t for t in preferences.get(round_number, []) if t in valid]
        for rank, table_id in enumerate(dict.fromkeys(chosen), start=1):
            if rank > 3:
                break
            rows.append(
                TablePreference(
                    registration=registration, round=round_number, rank=rank, table_id=table_id
                )
            )
    TablePreference.objects.bulk_create(rows)


# --- Confirming, and the seat ------------------------------------------------------------------


@dataclass(frozen=True)
class Confirmation:
    registration: Registration
    # False when the link had been used before: clicking twice changes nothing.
    now: bool
    # The place on the waiting list, if that is where the person is.
    position: int | None = None


def confirm(*, registration_id: int, secret: str, now: datetime | None = None) -> Confirmation:
    """The click on the link in the mail: the registration counts from here.

    A seat is taken if one is free overall and in the person's sector quota; otherwise the
    person joins the waiting list, in the order of their confirmation.
    """
    now = now or timezone.now()
    found = (
        Registration.objects.select_related("conference")
        .filter(pk=registration_id, secret=secret)
        .first()
    )
    if found is None:
        raise Refused(_("Dieser Link gilt nicht mehr. Vielleicht haben Sie sich neu angemeldet?"))
    # Everyone waits for the lock below, one after the other: what can be done before it is
    # done before it. The tickets (calendar file, QR code) are the costliest part of the
    # mail and do not depend on the outcome, so they are drawn here when a seat looks free.
    tickets = None
    if found.status == RegistrationStatus.PENDING and _looks_free(found.conference):
        tickets = mails.ticket_attachments(found)
    with transaction.atomic():
        conference = Conference.objects.select_for_update().get(pk=found.conference_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.secret != secret:
            raise Refused(
                _("Dieser Link gilt nicht mehr. Vielleicht haben Sie sich neu angemeldet?")
            )
        if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
            return Confirmation(registration, now=False, position=waiting_position(registration))
        if registration.status != RegistrationStatus.PENDING or (
            now - registration.link_sent_at > CONFIRM_WITHIN
        ):
            raise Refused(_(STALE_REGISTRATION))
        if now >= conference.ends_at:
            raise Refused(_("Die Konferenz ist vorbei."))
        registration.confirmed_at = now
        if _seat_free(conference, registration.sector):
            registration.status = RegistrationStatus.CONFIRMED
            registration.seat_since = now
        else:
            registration.status = RegistrationStatus.WAITING
        registration.save(update_fields=["status", "confirmed_at", "seat_since"])
        registration.conference = found.conference
        position = waiting_position(registration)
        if registration.status == RegistrationStatus.CONFIRMED:
            mails.seat_confirmed(registration, tickets=tickets)
        else:
            mails.on_waiting_list(registration, position)
    return Confirmation(registration, now=True, position=position)


def _looks_free(conference: Conference) -> bool:
    """A guess without the lock, good enough to decide what to prepare before taking it."""
    taken = Registration.objects.filter(
        conference=conference, status=RegistrationStatus.CONFIRMED
    ).count()
    return taken < conference.capacity


def _seat_free(conference: Conference, sector: str, counts: Counter | None = None) -> bool:
    """Asked only under the conference's lock, with counts taken under it."""
    counts = counts if counts is not None else _confirmed_by_sector(conference.pk)
    if sum(counts.values()) >= conference.capacity:
        return False
    quota = next((q for q in conference.quotas.all() if q.sector == sector), None)
    return quota is None or counts[sector] < quota.seats


def promote(conference: Conference, *, now: datetime | None = None) -> list[Registration]:
    """Give free seats to the waiting list, first come first served among those whose sector
    quota still has room. Call with the conference's row locked."""
    now = now or timezone.now()
    promoted = []
    quotas = {q.sector: q.seats for q in conference.quotas.all()}
    counts = _confirmed_by_sector(conference.pk)
    while sum(counts.values()) < conference.capacity:
        full = [sector for sector, seats in quotas.items() if counts[sector] >= seats]
        candidate = (
            Registration.objects.select_for_update()
            .filter(conference=conference, status=RegistrationStatus.WAITING)
            .exclude(sector__in=full)
            .order_by("confirmed_at", "pk")
            .first()
        )
        if candidate is None:
            break
        candidate.status = RegistrationStatus.CONFIRMED
        candidate.seat_since = now
        candidate.save(update_fields=["status", "seat_since"])
        counts[candidate.sector] += 1
        mails.promoted(candidate)
        promoted.append(candidate)
    return promoted


def seats_changed(conference: Conference) -> list[Registration]:
    """After an editor added seats or changed quotas: the waiting list moves up."""
    with transaction.atomic():
        locked = Conference.objects.select_for_update().get(pk=conference.pk)
        return promote(locked)


# --- Self-service ------------------------------------------------------------------------------


def change(*, registration: Registration, details: dict, preferences: dict[int, list[int]]):
    if registration.status not in ACTIVE:
        raise Refused(_("Eine abgesagte Anmeldung kann nicht mehr geändert werden."))
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        for name in CHANGEABLE:
            if name in details:
                setattr(locked, name, details[name])
        locked.save(update_fields=CHANGEABLE)
        _store_preferences(locked, preferences)
    registration.refresh_from_db()
    return registration


def cancel(*, registration: Registration, now: datetime | None = None) -> Registration:
    """Give the seat back; the first suitable person on the waiting list gets it."""
    now = now or timezone.now()
    with transaction.atomic():
        conference = Conference.objects.select_for_update().get(pk=registration.conference_id)
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status not in ACTIVE:
            return locked
        held_seat = locked.status == RegistrationStatus.CONFIRMED
        locked.status = RegistrationStatus.CANCELLED
        locked.cancelled_at = now
        locked.save(update_fields=["status", "cancelled_at"])
        locked.seats.all().delete()
        mails.cancelled(locked)
        if held_seat:
            promote(conference, now=now)
    return locked


# --- Housekeeping (Celery beat) ----------------------------------------------------------------


def expire_unconfirmed(*, now: datetime | None = None) -> int:
    """Registrations whose link was not clicked in time no longer count, and what they said
    about a person is erased at once: it was never confirmed to be theirs."""
    now = now or timezone.now()
    expired = Registration.objects.filter(
        status=RegistrationStatus.PENDING, link_sent_at__lt=now - CONFIRM_WITHIN
    )
    with transaction.atomic():
        ids = list(expired.select_for_update().values_list("pk", flat=True))
        Registration.objects.filter(pk__in=ids).update(status=RegistrationStatus.EXPIRED)
        _erase(Registration.objects.filter(pk__in=ids), now=now, void_links=False)
    return len(ids)


REMIND_BEFORE = timedelta(days=3)


def send_reminders(*, now: datetime | None = None, limit: int = 500) -> int:
    """The reminder three days before, once per person: the mark and the mail are stored in
    one transaction, so a run that dies half-way neither loses nor repeats a reminder."""
    now = now or timezone.now()
    sent = 0
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        conference__starts_at__gt=now,
        conference__starts_at__lte=now + REMIND_BEFORE,
    ).values_list("pk", flat=True)[:limit]
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(skip_locked=True)
                .select_related("conference")
                .filter(pk=pk, reminded_at__isnull=True, status=RegistrationStatus.CONFIRMED)
                .first()
            )
            if registration is None:
                continue
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            seats = list(registration.seats.select_related("table").order_by("round"))
            mails.reminder(registration, seats)
            sent += 1
    return sent


ANONYMOUS_NAME = "gelöschte Anmeldung"


def _erase(registrations, *, now: datetime, void_links: bool) -> int:
    """The personal fields of these registrations, in one UPDATE; status, sector and the
    times stay, so the numbers do."""
    fields = {
        "name": ANONYMOUS_NAME,
        # Unique per row, so the constraint on (conference, e-mail) still holds.
        "email": Concat(Value("anonym-"), Cast("pk", CharField()), Value("@invalid.example")),
        "organisation": "",
        "needs_wheelchair": False,
        "needs_sign_language": False,
        "needs_induction_loop": False,
        "needs_simple_language": False,
        "needs_other": "",
        "dietary": "",
        "user": None,
        "anonymised_at": now,
    }
    if void_links:
        fields["secret"] = ""
    TablePreference.objects.filter(registration__in=registrations).delete()
    return registrations.update(**fields)


def of_person(*, user, emails: list[str]):
    """Registrations linked to the account or made with one of its confirmed addresses
    (lower case): registering needs no account, so the address is what makes them theirs."""
    return (
        Registration.objects.annotate(email_lower=Lower("email"))
        .filter(Q(user=user) | Q(email_lower__in=emails))
        .filter(anonymised_at__isnull=True)
    )


def active_registration(*, conference: Conference, user, emails: list[str]):
    """The person's registration for this conference that still counts (unconfirmed,
    confirmed or waiting), linked to the account or made with one of its confirmed
    addresses; None if there is none (or only a cancelled or expired one: then the form is
    for them again)."""
    return (
        of_person(user=user, emails=emails)
        .filter(conference=conference, status__in=ACTIVE)
        .order_by("pk")
        .first()
    )


def erase_person(*, user, emails: list[str], now: datetime | None = None) -> int:
    """Account deletion: a seat at a conference still to come is given back (the waiting
    list moves up and everyone concerned is mailed, as with any cancellation), then every
    registration of the person loses its personal data at once; status, sector and times
    stay, so the conference's numbers do."""
    now = now or timezone.now()
    ids = list(of_person(user=user, emails=emails).values_list("pk", flat=True))
    coming = Registration.objects.filter(
        pk__in=ids, status__in=ACTIVE, conference__starts_at__gt=now
    ).order_by("pk")
    for registration in coming:
        cancel(registration=registration, now=now)
    return _erase(Registration.objects.filter(pk__in=ids), now=now, void_links=True)


def anonymise_past_conferences(*, now: datetime | None = None) -> int:
    """Erase the people, keep the numbers: a configurable time after each conference."""
    now = now or timezone.now()
    done = 0
    for conference in Conference.objects.filter(anonymised_at__isnull=True, ends_at__lt=now):
        if conference.ends_at + timedelta(days=conference.anonymise_after_days) > now:
            continue
        with transaction.atomic():
            _erase(
                Registration.objects.filter(conference=conference),
                now=now,
                void_links=True,
            )
            conference.anonymised_at = now
            conference.save(update_fields=["anonymised_at"])
            done += 1
    return done
