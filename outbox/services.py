"""Queueing e-mail: store first, then hand the id to Celery after commit, whose task delivers
it (outbox.delivery). What the other apps call."""

import base64
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from config.celery import hand_over

from . import tasks
from .delivery import (  # noqa: F401 – the outbox's interface, for the apps and their tests
    MAX_ATTEMPTS,
    MailDeliveryError,
    mail_deliver,
    mail_deliver_pending,
    mail_purge_sent,
    message_id,
)
from .models import Mail

# Attachments are stored in every recipient's row and grow by a third in base64, and many
# providers reject messages near 10 MB: ticket-sized files, not documents, belong here.
MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024


def mail_queue(
    *,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    from_email: str = "",
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> Mail:
    """Store one mail and deliver it once the transaction commits.

    ``attachments`` are (filename, content, content type) triples; at most
    ``MAX_ATTACHMENTS`` of them and ``MAX_ATTACHMENT_BYTES`` together, else ValueError.
    """
    mail = Mail.objects.create(
        to=to,
        headers=headers or {},
        attachments=_stored_attachments(attachments or []),
        subject=subject[:255],
        text=text,
        html=html,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
    )
    transaction.on_commit(partial(_enqueue_delivery, mail.pk))
    return mail


def _stored_attachments(attachments: list[tuple[str, bytes, str]]) -> list[dict[str, str]]:
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValueError(
            f"A mail takes at most {MAX_ATTACHMENTS} attachments, not {len(attachments)}."
        )
    for filename, content, content_type in attachments:
        if not filename or "/" not in content_type or not isinstance(content, bytes):
            raise ValueError(
                f"Attachment {filename!r} needs a filename, bytes and a content type like "
                f"'image/png'."
            )
    total = sum(len(content) for _filename, content, _type in attachments)
    if total > MAX_ATTACHMENT_BYTES:
        raise ValueError(
            f"Attachments of a mail take at most {MAX_ATTACHMENT_BYTES} bytes together, "
            f"not {total}."
        )
    return [
        {
            "filename": filename,
            "content_type": content_type,
            "content": base64.b64encode(content).decode("ascii"),
        }
        for filename, content, content_type in attachments
    ]


def mail_queue_message(message: EmailMultiAlternatives) -> list[Mail]:
    """Queue a rendered Django message, one stored mail per recipient."""
    html = ""
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html = content
    text = message.body
    if getattr(message, "content_subtype", "plain") == "html":
        html, text = message.body, ""
    return [
        mail_queue(
            to=recipient,
            subject=message.subject,
            text=text,
            html=html,
            from_email=message.from_email,
        )
        for recipient in message.to
    ]


def _enqueue_delivery(mail_id: int) -> None:
    # Broker away or the eager task failed: the mail is stored, the sweeper sends it.
    hand_over(tasks.deliver, mail_id)
