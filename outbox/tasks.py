from celery import shared_task

from config.celery import Retrying

from . import delivery


# In-process (no broker) a failed delivery leaves the mail pending for the sweeper.
@shared_task(
    base=Retrying, max_retries=delivery.MAX_ATTEMPTS, retry_on=(delivery.MailDeliveryError,)
)
def deliver(mail_id: int) -> bool:
    return delivery.mail_deliver(mail_id=mail_id)


@shared_task
def deliver_pending() -> int:
    return delivery.mail_deliver_pending()


@shared_task
def purge_sent() -> int:
    return delivery.mail_purge_sent()
