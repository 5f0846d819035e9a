from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True)
def deliver(self, mail_id: int) -> bool:
    try:
        return services.mail_deliver(mail_id=mail_id)
    except services.MailDeliveryError as error:
        if self.request.is_eager:
            # In-process (no broker): leave the mail pending for the sweeper, don't block.
            raise
        raise self.retry(exc=error, countdown=min(60 * 2**self.request.retries, 3600)) from error


@shared_task
def deliver_pending() -> int:
    return services.mail_deliver_pending()


@shared_task
def purge_sent() -> int:
    return services.mail_purge_sent()
