"""Mail is stored before it is handed to Celery, so that nothing is lost."""

import datetime
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from outbox import delivery, services, tasks
from outbox.models import Mail

pytestmark = pytest.mark.django_db


def queue(**kwargs):
    data = {"to": "person@example.org", "subject": "Betreff", "text": "Hallo"}
    data.update(kwargs)
    return services.mail_queue(**data)


def make_old(mail_obj, minutes=10):
    Mail.objects.filter(pk=mail_obj.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_a_queued_mail_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue(html="<p>Hallo</p>")
        assert mail.outbox == []  # nothing leaves before the transaction commits
    (sent,) = mail.outbox
    assert sent.to == ["person@example.org"]
    assert sent.alternatives[0][1] == "text/html"
    stored.refresh_from_db()
    assert stored.sent_at is not None
    assert stored.attempts == 1


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue()
                raise RuntimeError("Abbruch")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Mail.objects.exists()


def test_delivering_twice_sends_once():
    stored = queue()
    assert services.mail_deliver(mail_id=stored.pk) is True
    assert services.mail_deliver(mail_id=stored.pk) is False
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_is_recorded_and_the_mail_stays_pending():
    stored = queue()
    failing_smtp = mock.patch.object(
        delivery, "_send", side_effect=ConnectionRefusedError("kein SMTP")
    )
    with failing_smtp, pytest.raises(services.MailDeliveryError):
        services.mail_deliver(mail_id=stored.pk)
    stored.refresh_from_db()
    assert stored.sent_at is None and stored.failed_at is None
    assert stored.attempts == 1
    assert "kein SMTP" in stored.last_error


def test_the_task_retries_with_backoff_when_sending_fails():
    stored = queue()
    failing_smtp = mock.patch.object(delivery, "_send", side_effect=ConnectionRefusedError("x"))
    retry = mock.patch.object(tasks.deliver, "retry", side_effect=Retry())
    # As a worker runs it (not eagerly), on its third try.
    tasks.deliver.push_request(is_eager=False, retries=2)
    try:
        with failing_smtp, retry as retried, pytest.raises(Retry):
            tasks.deliver(stored.pk)
    finally:
        tasks.deliver.pop_request()
    assert retried.call_args.kwargs["countdown"] == 240


def test_a_broker_outage_loses_nothing(django_capture_on_commit_callbacks):
    broker_down = mock.patch.object(tasks.deliver, "delay", side_effect=OperationalError("weg"))
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    assert mail.outbox == []
    stored.refresh_from_db()
    assert stored.sent_at is None

    # The sweeper leaves young mails to their own task, then delivers what is left.
    assert services.mail_deliver_pending() == 0
    make_old(stored)
    assert services.mail_deliver_pending() == 1
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_a_mail_is_given_up_and_kept_for_inspection():
    stored = queue()
    Mail.objects.filter(pk=stored.pk).update(attempts=services.MAX_ATTEMPTS - 1)
    failing_smtp = mock.patch.object(
        delivery, "_send", side_effect=ConnectionRefusedError("kein SMTP")
    )
    with failing_smtp, pytest.raises(services.MailDeliveryError):
        services.mail_deliver(mail_id=stored.pk)
    stored.refresh_from_db()
    assert stored.failed_at is not None
    make_old(stored)
    assert services.mail_deliver_pending() == 0


def test_sent_mails_are_purged_after_the_retention_period(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    old, recent, pending = queue(), queue(), queue()
    services.mail_deliver(mail_id=old.pk)
    services.mail_deliver(mail_id=recent.pk)
    Mail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - datetime.timedelta(days=31))
    assert services.mail_purge_sent() == 1
    assert set(Mail.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}


def test_the_sweeper_costs_a_fixed_number_of_queries_per_mail(django_assert_max_num_queries):
    for _ in range(5):
        make_old(queue())
    with django_assert_max_num_queries(1 + 5 * 4):
        assert services.mail_deliver_pending() == 5
