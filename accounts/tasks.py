from celery import shared_task

from . import housekeeping, sessions


@shared_task
def purge_unverified_accounts() -> int:
    return housekeeping.purge_unverified_accounts()


@shared_task
def clear_expired_sessions() -> int:
    return sessions.clear_expired_sessions()
