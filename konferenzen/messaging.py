"""Writing to everyone with a confirmed seat: stored first, sent in batches by Celery."""

from functools import partial

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from config.celery import Retrying, hand_over

from . import mails
from .models import ConferenceMessage, MessageDelivery, Registration, RegistrationStatus

BATCH = 200


def message_confirmed(*, conference, subject: str, text: str, sender) -> ConferenceMessage:
    message = ConferenceMessage.objects.create(
        conference=conference, subject=subject.strip(), text=text.strip(), sender=sender
    )
    transaction.on_commit(partial(_enqueue, message.pk))
    return message


def _enqueue(message_id: int) -> None:
    # Broker away: the periodic sweep (send_unfinished_messages) sends it later.
    hand_over(send_message, message_id)


def send_batch(message_id: int) -> int:
    """Mail the next batch of people who have not had this message; returns how many.

    Each person's delivery row and mail are stored in one transaction, so a batch that
    dies half-way is repeated only for those it had not reached.
    """
    message = ConferenceMessage.objects.select_related("conference").get(pk=message_id)
    if message.finished_at is not None:
        return 0
    reached = MessageDelivery.objects.filter(message=message).values("registration_id")
    people = list(
        Registration.objects.filter(
            conference=message.conference, status=RegistrationStatus.CONFIRMED
        )
        .exclude(pk__in=reached)
        .select_related("conference")
        .order_by("pk")[:BATCH]
    )
    for registration in people:
        with transaction.atomic():
            _, created = MessageDelivery.objects.get_or_create(
                message=message, registration=registration
            )
            if created:
                mails.team_message(registration, message)
    if len(people) < BATCH:
        ConferenceMessage.objects.filter(pk=message.pk).update(finished_at=timezone.now())
    return len(people)


def send_all(message_id: int) -> int:
    sent = 0
    while True:
        count = send_batch(message_id)
        sent += count
        if count < BATCH:
            return sent


def unfinished_messages() -> list[int]:
    return list(
        ConferenceMessage.objects.filter(finished_at__isnull=True).values_list("pk", flat=True)
    )


# The task beside the work it runs, so that sending needs no import of the tasks module
# (which imports this one); its name stays the one the workers and the queue know.
@shared_task(name="konferenzen.tasks.send_message", base=Retrying)
def send_message(message_id: int) -> int:
    return send_all(message_id)
