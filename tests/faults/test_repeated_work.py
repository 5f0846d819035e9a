"""Work that runs a second time – a redelivered message, a sweep overlapping a task – has
its effect once; where that cannot be guaranteed, the repetition is recognisable."""

from datetime import timedelta

from django.core import mail as django_mail
from django.utils import timezone

from outbox.delivery import _send, mail_deliver
from outbox.models import Mail
from outbox.services import mail_queue
from ratsvorlage import compilation
from ratsvorlage.models import PaperVersion


def test_a_mail_delivered_twice_carries_the_same_message_id_both_times(db):
    # The one window no database can close: the mail server has accepted the message, and
    # the worker is killed before `sent_at` is committed. The repetition is then the same
    # message to every program that drops duplicates by Message-ID.
    stored = mail_queue(to="zweimal@example.org", subject="Betreff", text="Text.")
    _send(stored)
    assert mail_deliver(mail_id=stored.pk)
    first, second = django_mail.outbox
    assert first.message()["Message-ID"] == second.message()["Message-ID"]
    assert first.message()["Message-ID"].startswith(f"<outbox.{stored.pk}.")
    assert not mail_deliver(mail_id=stored.pk)  # and once marked sent, never again
    assert len(django_mail.outbox) == 2
    assert Mail.objects.get().attempts == 1


def test_a_compilation_that_makes_progress_is_not_started_over(db):
    version = PaperVersion.objects.create(
        number=1, title="T", paper_number="1", proposed_resolution="R", state="compiling"
    )
    long_ago = timezone.now() - compilation.STUCK_AFTER - timedelta(minutes=10)
    PaperVersion.objects.filter(pk=version.pk).update(started_at=long_ago, modified_at=long_ago)
    assert compilation.stuck() == [version.pk]

    compilation._progress(version.pk, 45, "PDF setzen")  # still working, only slowly
    assert compilation.stuck() == []
