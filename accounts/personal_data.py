"""What `accounts` knows about a person: the account, its addresses and sessions, and the
mails the platform sent them.

The outbox is a floor below and knows addresses, not people; which addresses are a person's
is known here, so the mails are told here too.
"""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from outbox.models import Mail

from .privacy import Kind, Person, Retention, days_text
from .sessions import end_sessions_of

SECTION = "konto"
TITLE = gettext_lazy("Konto")


def _account(person: Person):
    user = person.user
    yield {
        "email": user.email,
        "anzeigename": user.display_name,
        "registriert_am": user.date_joined,
        "letzte_anmeldung": user.last_login,
        "aktiv": user.is_active,
        "rollen": list(user.groups.order_by("name").values_list("name", flat=True)),
        "verwaltung": user.is_staff or user.is_superuser,
    }


def _addresses(person: Person):
    for email, verified, primary in (
        EmailAddress.objects.filter(user=person.user)
        .order_by("-primary", "email")
        .values_list("email", "verified", "primary")
    ):
        yield {"email": email, "bestaetigt": verified, "hauptadresse": primary}


def _sessions(person: Person):
    for started, ip, agent, seen in (
        UserSession.objects.filter(user=person.user)
        .order_by("created_at")
        .values_list("created_at", "ip", "user_agent", "last_seen_at")
    ):
        yield {"begonnen_am": started, "ip_adresse": ip, "browser": agent, "zuletzt": seen}


def _mails(person: Person):
    """Only mails to confirmed addresses: anyone may add an address to an account."""
    mails = (
        Mail.objects.annotate(to_lower=Lower("to"))
        .filter(to_lower__in=person.verified_emails)
        .order_by("created_at", "pk")
        .values_list("to", "subject", "created_at", "sent_at", "failed_at")
    )
    for to, subject, created, sent, failed in mails.iterator(chunk_size=500):
        yield {
            "an": to,
            "betreff": subject,
            "angelegt_am": created,
            "versandt_am": sent,
            "fehlgeschlagen_am": failed,
        }


KINDS = [
    Kind(
        key="konto",
        title=gettext_lazy("Ihr Konto"),
        description=gettext_lazy(
            "Anmeldeadresse, öffentlicher Anzeigename, wann Sie sich registriert und zuletzt "
            "angemeldet haben, Ihre Rollen in der Verwaltung der Plattform."
        ),
        fields=(
            "email",
            "anzeigename",
            "registriert_am",
            "letzte_anmeldung",
            "aktiv",
            "rollen",
            "verwaltung",
        ),
        rows=_account,
        single=True,
    ),
    Kind(
        key="email_adressen",
        title=gettext_lazy("E-Mail-Adressen"),
        description=gettext_lazy("Ihre E-Mail-Adressen und ob Sie sie bestätigt haben."),
        fields=("email", "bestaetigt", "hauptadresse"),
        rows=_addresses,
    ),
    Kind(
        key="sitzungen",
        title=gettext_lazy("Angemeldete Geräte"),
        description=gettext_lazy(
            "Jede Anmeldung, die noch gilt: wann sie begann, von welcher IP-Adresse und mit "
            "welchem Browser."
        ),
        fields=("begonnen_am", "ip_adresse", "browser", "zuletzt"),
        rows=_sessions,
    ),
    Kind(
        key="e_mails",
        title=gettext_lazy("E-Mails an Sie"),
        description=gettext_lazy(
            "Die E-Mails, die die Plattform in den letzten Tagen an Ihre bestätigten Adressen "
            "geschickt hat, mit Betreff und Versandzeit. Den Text enthält die Datei nicht: "
            "Er steht in Ihrem Postfach und enthält Anmelde- und Bestätigungslinks, die nicht "
            "in eine Datei gehören."
        ),
        fields=("an", "betreff", "angelegt_am", "versandt_am", "fehlgeschlagen_am"),
        rows=_mails,
    ),
]


def erase(person: Person) -> None:
    """The account itself, last of all (the other apps need the addresses first)."""
    user = person.user
    Mail.objects.annotate(to_lower=Lower("to")).filter(to_lower__in=person.all_emails).filter(
        Q(sent_at__isnull=False) | Q(failed_at__isnull=False)
    ).delete()
    end_sessions_of(user)
    EmailAddress.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    # The row stays for the contributions; nothing in it points to the person any more. The
    # address cannot be an address (no @), so nobody can ever sign up with it.
    user.email = f"geloescht-{user.pk}"
    user.display_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.date_joined = person.now
    user.deleted_at = person.now
    user.save()


# --- Retention ---------------------------------------------------------------------------------


def _rate_limit_seconds() -> float:
    """The longest window of allauth's limits that count per IP address: that long the
    address stays in the cache, then the cache forgets it."""
    from allauth.account import app_settings
    from allauth.core.internal.ratelimit import parse_rates

    windows = [
        rate.duration
        for rates in app_settings.RATE_LIMITS.values()
        for rate in parse_rates(rates)
        if rate.per == "ip"
    ]
    return max(windows, default=0)


def _minutes_text(minutes: int) -> str:
    return ngettext("höchstens %(n)d Minute", "höchstens %(n)d Minuten", minutes) % {"n": minutes}


def _unverified_days() -> int:
    return settings.ACCOUNT_UNVERIFIED_RETENTION_DAYS


def _session_days() -> float:
    return settings.SESSION_COOKIE_AGE / 86400


def _outbox_days() -> int:
    return settings.OUTBOX_RETENTION_DAYS


def retention() -> list[Retention]:
    def after(days, text):
        return lambda: _("%(period)s %(after)s") % {"period": days_text(days()), "after": text}

    return [
        Retention(
            key="accounts.unverified",
            data=_("Registrierungen, deren E-Mail-Adresse nie bestätigt wurde"),
            purpose=_("Abschluss der Registrierung über den Link in der E-Mail"),
            period=after(_unverified_days, _("nach der Registrierung")),
            days=_unverified_days,
            job="accounts.tasks.purge_unverified_accounts",
        ),
        Retention(
            key="accounts.account",
            data=_(
                "Konto: E-Mail-Adressen, Anzeigename, Passwort (nur als Prüfwert), Rollen, "
                "Zeitpunkt der Registrierung und der letzten Anmeldung"
            ),
            purpose=_("Anmeldung, Benachrichtigungen, Anzeige bei Ihren Beiträgen"),
            period=lambda: _("bis Sie Ihr Konto löschen"),
            deleted_by=_("beim Löschen des Kontos, sofort"),
        ),
        Retention(
            key="accounts.sessions",
            data=_(
                "Sitzungen: angemeldetes Gerät mit IP-Adresse und Browser, Beginn der Anmeldung"
            ),
            purpose=_(
                "Angemeldet bleiben; Sie sehen Ihre Geräte unter „Angemeldete Geräte“ und "
                "können sie abmelden"
            ),
            period=after(
                _session_days,
                _(
                    "nach der Anmeldung oder der letzten Änderung der Sitzung, "
                    "oder bis zur Abmeldung"
                ),
            ),
            days=_session_days,
            job="accounts.tasks.clear_expired_sessions",
        ),
        Retention(
            key="accounts.rate_limits",
            data=_("IP-Adressen bei Anmeldung, Registrierung und Passwort-Zurücksetzen"),
            purpose=_("Schutz vor automatisierten Anmeldeversuchen (Begrenzung der Versuche)"),
            period=lambda: _minutes_text(max(1, round(_rate_limit_seconds() / 60))),
            deleted_by=_("automatisch, der Zwischenspeicher vergisst sie nach Ablauf"),
        ),
        Retention(
            key="outbox.mails",
            data=_("Versandte E-Mails: Empfängeradresse, Betreff, Text"),
            purpose=_("Zustellung und Rückfragen zur Zustellung"),
            period=after(_outbox_days, _("nach dem Versand oder dem letzten Fehlversuch")),
            days=_outbox_days,
            job="outbox.tasks.purge_sent",
        ),
        Retention(
            key="server.access_log",
            data=_("Zugriffsprotokoll des Webservers: IP-Adresse, Zeit, aufgerufene Adresse"),
            purpose=_("Betrieb und Abwehr von Angriffen"),
            period=lambda: _(
                "wird nicht in der Plattform gespeichert; die Aufbewahrung legt der Betrieb fest"
            ),
            deleted_by=_("durch den Betrieb"),
        ),
    ]
