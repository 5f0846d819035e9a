"""The monitoring's periodic work (Celery)."""

from celery import shared_task

from . import reminders


@shared_task
def send_key_figure_reminders() -> int:
    return reminders.send_reminders()
