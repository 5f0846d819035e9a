"""A message from the conference team to everyone with a confirmed seat."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_SUBJECT_MAX = 150
MESSAGE_TEXT_MAX = 5000


class ConferenceMessage(models.Model):
    conference = models.ForeignKey(
        "konferenzen.Conference", on_delete=models.CASCADE, related_name="messages"
    )
    subject = models.CharField(_("Betreff"), max_length=MESSAGE_SUBJECT_MAX)
    text = models.TextField(_("Text"), max_length=MESSAGE_TEXT_MAX)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Versendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Nachricht an die Teilnehmenden")
        verbose_name_plural = _("Nachrichten an die Teilnehmenden")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class MessageDelivery(models.Model):
    """One row per person and message, written with the person's mail: a retried batch
    skips whoever has one already, so nobody gets a message twice."""

    message = models.ForeignKey(
        ConferenceMessage, on_delete=models.CASCADE, related_name="deliveries"
    )
    registration = models.ForeignKey(
        "konferenzen.Registration", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["message", "registration"], name="message_once_per_person"
            )
        ]

    def __str__(self):
        return f"{self.message_id} → {self.registration_id}"
