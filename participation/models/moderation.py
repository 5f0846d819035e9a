from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

FLAG_NOTE_MAX_LENGTH = 500
MODERATION_REASON_MAX_LENGTH = 500


class Visibility(models.TextChoices):
    PUBLISHED = "published", _("sichtbar")
    PENDING = "pending", _("wartet auf Freigabe")
    HIDDEN = "hidden", _("ausgeblendet")


class FlagReason(models.TextChoices):
    INSULT = "insult", _("Beleidigung oder Hetze")
    SPAM = "spam", _("Werbung oder Spam")
    PERSONAL_DATA = "personal_data", _("Persönliche Daten Dritter")
    OFF_TOPIC = "off_topic", _("Gehört nicht zum Thema")
    OTHER = "other", _("Anderer Grund")


def _one_target():
    return Q(comment__isnull=False, proposal__isnull=True) | Q(
        comment__isnull=True, proposal__isnull=False
    )


class Flag(models.Model):
    """A signed-in person reports a comment or proposal to the moderation."""

    comment = models.ForeignKey(
        "participation.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
    )
    proposal = models.ForeignKey(
        "participation.Proposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="flags"
    )
    reason = models.CharField(_("Grund"), max_length=20, choices=FlagReason.choices)
    note = models.TextField(_("Erläuterung"), blank=True, max_length=FLAG_NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("gemeldet am"), auto_now_add=True)
    # Set when the moderators' batched mail has named this flag.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=_one_target(), name="flag_has_one_target"),
            models.UniqueConstraint(fields=["user", "comment"], name="one_flag_per_comment"),
            models.UniqueConstraint(fields=["user", "proposal"], name="one_flag_per_proposal"),
        ]
        indexes = [models.Index(fields=["notified_at"], name="flag_unnotified")]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%d.%m.%Y})"

    @property
    def target(self):
        return self.comment or self.proposal


class ModerationAction(models.TextChoices):
    HIDDEN = "hidden", _("ausgeblendet")
    RESTORED = "restored", _("wiederhergestellt")
    APPROVED = "approved", _("freigegeben")
    ACCEPTED = "accepted", _("angenommen")
    REJECTED = "rejected", _("abgelehnt")
    FLAGS_DISMISSED = "flags_dismissed", _("Meldungen geprüft, bleibt sichtbar")


class ModerationEvent(models.Model):
    """What the moderation did, to whom, and why: the history of a comment or proposal."""

    comment = models.ForeignKey(
        "participation.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_events",
    )
    proposal = models.ForeignKey(
        "participation.Proposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_events",
    )
    action = models.CharField(_("Aktion"), max_length=20, choices=ModerationAction.choices)
    reason = models.TextField(_("Begründung"), blank=True, max_length=MODERATION_REASON_MAX_LENGTH)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("durch"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Moderationsschritt")
        verbose_name_plural = _("Moderationsschritte")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=_one_target(), name="moderation_event_has_one_target")
        ]

    def __str__(self):
        return self.get_action_display()
