"""Periodic work of the conferences (Celery beat, see CELERY_BEAT_SCHEDULE). Each run is
idempotent: what it did is marked in the same transaction as its effect."""

from celery import shared_task

from . import messaging, registrations
from .messaging import send_message

# Enqueued where its work is; here for Celery's discovery and the callers that know it here.
__all__ = ["send_message"]


@shared_task
def expire_unconfirmed() -> int:
    return registrations.expire_unconfirmed()


@shared_task
def send_reminders() -> int:
    return registrations.send_reminders()


@shared_task
def anonymise_past_conferences() -> int:
    return registrations.anonymise_past_conferences()


@shared_task
def send_unfinished_messages() -> int:
    """The safety net when the broker was away as the team pressed "send"."""
    return sum(messaging.send_all(pk) for pk in messaging.unfinished_messages())
