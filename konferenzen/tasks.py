"""Periodic work of the conferences (Celery beat, see CELERY_BEAT_SCHEDULE). Each run is
idempotent: what it did is marked in the same transaction as its effect."""

from celery import shared_task

from config.celery import Retrying

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


@shared_task(base=Retrying)
def send_message(message_id: int) -> int:
    from .messaging import send_all

    return send_all(message_id)


@shared_task
def send_unfinished_messages() -> int:
    """The safety net when the broker was away as the team pressed "send"."""
    from .messaging import send_all, unfinished_messages

    return sum(send_all(pk) for pk in unfinished_messages())
