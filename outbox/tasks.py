from celery import shared_task

from config.celery import Retrying

from . import services


# In-process (no broker) a failed delivery leaves the mail pending for the sweeper.
@shared_task(
    base=Retrying, max_retries=services.MAX_ATTEMPTS, retry_on=(services.MailDeliveryError,)
)
def deliver(mail_id: int) -> bool:
    return services.mail_deliver(mail_id=mail_id)


@shared_task
def deliver_pending() -> int:
    return services.mail_deliver_pending()


@shared_task
def purge_sent() -> int:
    return services.mail_purge_sent()
