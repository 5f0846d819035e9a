"""Delivering stored e-mail: one mail at once, the sweep that delivers what no task did, and
the purge of old rows. Celery's tasks (outbox.tasks) run these."""

import base64
import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import Mail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# A pending mail younger than this is still in the hands of its own task.
SWEEP_GRACE = timedelta(minutes=2)


class MailDeliveryError(Exception):
    pass


def mail_deliver(*, mail_id: int) -> bool:
    """Send one stored mail unless it was sent already. Returns whether it sent now."""
    with transaction.atomic():
        mail = (
            Mail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, sent_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            _send(mail)
        except Exception as error:
            # Recorded and committed, then raised outside the transaction so the count sticks.
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.failed_at = timezone.now()
                logger.error("Giving up on mail %s after %s attempts.", mail.pk, mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "failed_at"])
        else:
            mail.sent_at = timezone.now()
            mail.last_error = ""
            mail.save(update_fields=["sent_at", "attempts", "last_error"])
            return True
    raise MailDeliveryError(mail.last_error)


def _send(mail: Mail) -> None:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=mail.from_email,
        to=[mail.to],
        headers={
            "Message-ID": message_id(mail),
            **mail.headers,
            "X-Stadtgespraech-Mail": str(mail.pk),
        },
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["content_type"],
        )
    message.send(fail_silently=False)


def message_id(mail: Mail) -> str:
    """The same Message-ID on every attempt for this mail.

    A worker killed after the mail server accepted a message but before `sent_at` was
    committed sends it again when the task or the sweep repeats it; with the same id,
    mail servers and programs that drop duplicates (by Message-ID) show it once.
    """
    domain = parseaddr(mail.from_email)[1].rpartition("@")[2] or "localhost"
    return f"<outbox.{mail.pk}.{int(mail.created_at.timestamp())}@{domain}>"


def mail_deliver_pending(*, limit: int = 200) -> int:
    """Deliver what no task delivered: the safety net for broker outages and lost workers."""
    cutoff = timezone.now() - SWEEP_GRACE
    ids = list(
        Mail.objects.pending()
        .filter(created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for mail_id in ids:
        try:
            sent += mail_deliver(mail_id=mail_id)
        except MailDeliveryError:
            continue
    return sent


def mail_purge_sent(*, older_than_days: int | None = None) -> int:
    days = settings.OUTBOX_RETENTION_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Mail.objects.filter(sent_at__lt=cutoff).delete()
    deleted_failed, _ = Mail.objects.filter(failed_at__lt=cutoff).delete()
    return deleted + deleted_failed
