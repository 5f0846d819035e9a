from celery import shared_task

from . import housekeeping


@shared_task
def purge_unverified_accounts() -> int:
    return housekeeping.purge_unverified_accounts()
