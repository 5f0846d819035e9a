from django.db import models
from django.utils.translation import gettext_lazy as _


class MailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)


class Mail(models.Model):
    """One e-mail to one recipient, stored before it is handed to the broker.

    Storing first is what makes mail survive a broker outage or a crashed worker: a mail
    that was never delivered stays pending until the sweeper sends it.
    """

    to = models.EmailField(_("an"))
    from_email = models.CharField(_("von"), max_length=254)
    subject = models.CharField(_("Betreff"), max_length=255)
    text = models.TextField(_("Text"))
    html = models.TextField(_("HTML"), blank=True)
    # Extra headers, e.g. List-Unsubscribe for one-click unsubscribing (RFC 8058).
    headers = models.JSONField(_("Kopfzeilen"), default=dict, blank=True)
    # [{"filename", "content_type", "content"}], content in base64 because JSON holds no bytes.
    # Kept in the row itself so that a retry days later still sends exactly what was queued.
    attachments = models.JSONField(_("Anhänge"), default=list, blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("versandt"), null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(_("fehlgeschlagen"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("letzter Fehler"), blank=True)

    objects = MailQuerySet.as_manager()

    class Meta:
        verbose_name = _("E-Mail")
        verbose_name_plural = _("E-Mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True, failed_at__isnull=True),
                name="outbox_mail_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @property
    def status(self) -> str:
        if self.sent_at:
            return str(_("versandt"))
        if self.failed_at:
            return str(_("fehlgeschlagen"))
        return str(_("wartet"))
