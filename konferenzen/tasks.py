"""Periodic work of the conferences (Celery beat, see CELERY_BEAT_SCHEDULE). Each run is
idempotent: what it did is marked in the same transaction as its effect."""

from celery import shared_task

from . import registrations


@shared_task
def expire_unconfirmed() -> int:
    return registrations.expire_unconfirmed()


@shared_task
def send_reminders() -> int:
    return registrations.send_reminders()


@shared_task
def anonymise_past_conferences() -> int:
    return registrations.anonymise_past_conferences()


@shared_task(bind=True, max_retries=5, acks_late=True)
def send_message(self, message_id: int) -> int:
    from .messaging import send_all

    try:
        return send_all(message_id)
    except Exception as error:
        if self.request.is_eager:
            raise
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error


@shared_task
def send_unfinished_messages() -> int:
    """The safety net when the broker was away as the team pressed "send"."""
    from .messaging import send_all, unfinished_messages

    return sum(send_all(pk) for pk in unfinished_messages())
