"""Who registered for a conference, in which state, with which needs and table wishes."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class RegistrationSector(models.TextChoices):
    POLITIK = "politik", _("Politik")
    INSTITUTIONEN = "institutionen", _("Institutionen")
    ZIVILGESELLSCHAFT = "zivilgesellschaft", _("Zivilgesellschaft")
    BUERGERINNEN = "buergerinnen", _("Bürger*innen")


# Who registers on behalf of an organisation must name it.
SECTORS_WITH_ORGANISATION = (RegistrationSector.INSTITUTIONEN, RegistrationSector.ZIVILGESELLSCHAFT)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("unbestätigt")
    CONFIRMED = "confirmed", _("bestätigt")
    WAITING = "waiting", _("Warteliste")
    CANCELLED = "cancelled", _("abgesagt")
    EXPIRED = "expired", _("verfallen")


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def new_checkin_code() -> str:
    # Short enough to type at the door, without letters that look alike.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Registration(models.Model):
    # A snippet (for the team's list), but nothing refers to a registration by reference:
    # indexing it would cost four queries on every save, inside the seat's lock.
    wagtail_reference_index_ignore = True

    conference = models.ForeignKey(
        "konferenzen.Conference",
        verbose_name=_("Konferenz"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("Name"), max_length=120)
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    sector = models.CharField(_("Bereich"), max_length=20, choices=RegistrationSector.choices)
    needs_wheelchair = models.BooleanField(_("Rollstuhlgerechter Platz"), default=False)
    needs_sign_language = models.BooleanField(_("Gebärdensprachdolmetschung"), default=False)
    needs_induction_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    needs_simple_language = models.BooleanField(_("Leichte Sprache"), default=False)
    needs_other = models.TextField(_("Weitere Bedarfe"), max_length=500, blank=True)
    dietary = models.CharField(_("Ernährung"), max_length=300, blank=True)
    consented_at = models.DateTimeField(_("Datenschutzhinweis akzeptiert am"))
    language = models.CharField(_("Sprache"), max_length=8, default="de")

    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)
    link_sent_at = models.DateTimeField(_("Bestätigungslink gesendet am"))
    # The moment the link was clicked: the order of the waiting list.
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    seat_since = models.DateTimeField(_("Platz seit"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Abgesagt am"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("Eingecheckt am"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Erinnert am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)

    # In every signed link: a new secret makes all earlier links void.
    secret = models.CharField(max_length=40, default=new_secret, editable=False)
    checkin_code = models.CharField(
        _("Check-in-Code"), max_length=12, default=new_checkin_code, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["conference", "created_at"]
        constraints = [
            models.UniqueConstraint(
                "conference", Lower("email"), name="registration_once_per_email"
            )
        ]
        indexes = [
            models.Index(
                fields=["conference", "status", "sector"], name="registration_status_sector"
            ),
            models.Index(
                fields=["conference", "confirmed_at", "id"],
                name="registration_waiting_order",
                condition=models.Q(status="waiting"),
            ),
        ]
        permissions = [("check_in_registration", _("Kann Teilnehmende einchecken"))]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def needs(self) -> list[str]:
        """The accessibility needs, in words, for lists and exports."""
        named = [
            (self.needs_wheelchair, _("Rollstuhl")),
            (self.needs_sign_language, _("Gebärdensprache")),
            (self.needs_induction_loop, _("Induktionsschleife")),
            (self.needs_simple_language, _("Leichte Sprache")),
        ]
        result = [str(label) for flag, label in named if flag]
        if self.needs_other:
            result.append(self.needs_other)
        return result

    @property
    def holds_seat(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED


class TablePreference(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="preferences"
    )
    round = models.PositiveSmallIntegerField(_("Runde"))
    rank = models.PositiveSmallIntegerField(_("Wunsch"))
    table = models.ForeignKey(
        "konferenzen.CafeTable", on_delete=models.CASCADE, related_name="preferences"
    )

    class Meta:
        verbose_name = _("Tischwunsch")
        verbose_name_plural = _("Tischwünsche")
        ordering = ["round", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "round", "rank"], name="preference_rank_once"
            ),
            models.UniqueConstraint(
                fields=["registration", "round", "table"], name="preference_table_once"
            ),
        ]

    def __str__(self):
        return f"{self.round}/{self.rank}: {self.table_id}"


class TableSeat(models.Model):
    """Where the World Café assignment seats a person in a round."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="seats")
    round = models.PositiveSmallIntegerField(_("Runde"))
    table = models.ForeignKey(
        "konferenzen.CafeTable", on_delete=models.CASCADE, related_name="seated"
    )
    choice_rank = models.PositiveSmallIntegerField(_("Erfüllter Wunsch"), null=True, blank=True)

    class Meta:
        verbose_name = _("Tischplatz")
        verbose_name_plural = _("Tischplätze")
        constraints = [
            models.UniqueConstraint(fields=["registration", "round"], name="seat_once_per_round")
        ]

    def __str__(self):
        return f"{self.round}: {self.table_id}"
