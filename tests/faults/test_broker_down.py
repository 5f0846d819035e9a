"""The broker (Redis) away while people sign up, register for a conference and comment.

Web side (this test's client, Celery not eager) and a real worker reach Redis through a relay
that the test stops and starts at the same address. While it is away, every request succeeds
quickly and stores its mail (or its pending notification); once Redis is back, the sweeps,
sent through the broker to the worker that kept running, deliver every mail exactly once.
"""

import itertools
import time
from collections import Counter
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.db.models import F
from django.utils import timezone

import config.celery
from cms.models import StagePage
from konferenzen.models import ConferencePage
from outbox.models import Mail
from outbox.services import mail_queue
from outbox.tasks import deliver_pending
from participation.models import Comment, Follow
from participation.tasks import notify_pending
from tests import factories, services
from tests.factories import PASSWORD
from tests.konferenzen.conftest import make_conference
from tests.workers import (
    WorkerProcess,
    delivered,
    empty_broker,
    normalised,
    require_worker_services,
    restore_broker_settings,
    use_broker,
    wait_for,
)

from .tcp_proxy import TcpProxy

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# A refused connection fails at once; the publish retries add about half a second.
REFUSED_BOUND = 5.0
# A broker that accepts but never answers costs the socket timeouts (2 s, with retries).
SILENT_BOUND = 10.0
LAST_MAILS = itertools.count(1)


@pytest.fixture(scope="module")
def redis_proxy(django_db_setup):
    require_worker_services()
    empty_broker()
    target = urlparse(services.TEST_BROKER_URL)
    relay = TcpProxy(target.hostname, target.port or 6379)
    relay.start()
    use_broker(f"redis://127.0.0.1:{relay.port}{target.path}", eager=False)
    yield relay
    relay.stop()
    restore_broker_settings()


@pytest.fixture(scope="module")
def worker(redis_proxy, tmp_path_factory):
    """One worker for the whole module, kept running through every outage."""
    process = WorkerProcess(
        tmp_path_factory.mktemp("broker-down"),
        broker_url=f"redis://127.0.0.1:{redis_proxy.port}{urlparse(services.TEST_BROKER_URL).path}",
    )
    process.start()
    yield process
    process.stop()


@pytest.fixture
def broker_up(redis_proxy, worker):
    redis_proxy.start()
    yield redis_proxy
    redis_proxy.start()


def timed(request):
    started = time.monotonic()
    response = request()
    return response, time.monotonic() - started


def conference_open_for_registration():
    conference = make_conference(capacity=10)
    factories.publish(
        StagePage.objects.get(locale__language_code="de", number=4),
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    return f"/konferenzen/{conference.slug}/anmelden/"


def registration(email: str) -> dict:
    return {"name": "Erika Beispiel", "email": email, "sector": "buergerinnen", "consent": "on"}


def two_minutes_later() -> None:
    """The sweeps leave alone what is younger than two minutes (its own task may still be
    on its way); the test moves the stored work back instead of waiting."""
    earlier = timedelta(minutes=3)
    Mail.objects.update(created_at=F("created_at") - earlier)
    Comment.objects.update(created_at=F("created_at") - earlier)


def assert_each_mail_delivered_once(worker: WorkerProcess) -> None:
    """Run the sweeps once more, then wait for a last mail queued behind them: the worker
    takes its queue in order, so once that one is out the sweeps have run. Every stored mail
    must then be in the worker's mail folder exactly once, and nothing else for these
    recipients."""
    notify_pending.delay()
    deliver_pending.delay()
    last = mail_queue(
        to=f"zuletzt-{next(LAST_MAILS)}@example.org", subject="Zuletzt", text="Nach den Sweeps."
    )
    assert wait_for(lambda: Mail.objects.filter(pk=last.pk, sent_at__isnull=False).exists(), 60)
    stored = Counter(
        (to, normalised(subject)) for to, subject in Mail.objects.values_list("to", "subject")
    )
    recipients = {to for to, _subject in stored}
    counts = delivered(worker.mail_dir)
    assert {key: n for key, n in counts.items() if key[0] in recipients} == stored


def test_requests_succeed_while_the_broker_is_away_and_each_mail_goes_out_once_it_is_back(
    client, broker_up, worker, today
):
    factories.process_with_stages(today=today, running=3)
    register_url = conference_open_for_registration()
    statement = factories.statement(factories.theme_page("Mobilität").theme)
    author = factories.UserFactory(email="autorin@example.org")
    parent = factories.comment(statement, author=author, notified_at=timezone.now())
    citizen = factories.UserFactory(email="antwortet@example.org")
    moderator = factories.UserFactory(email="moderation@example.org", roles=["Moderation"])
    Follow.objects.create(
        user=factories.UserFactory(email="folgt@example.org"), statement=statement
    )
    comment_url = f"/beteiligung/aussagen/{statement.pk}/kommentieren/"

    # First Redis hangs (or the network drops its packets): it accepts, never answers.
    broker_up.silence()
    response, seconds = timed(lambda: client.post(register_url, registration("ole@example.org")))
    assert response.status_code == 302
    assert seconds < SILENT_BOUND, f"{seconds:.1f} s"

    # Then it is stopped: connections are refused.
    broker_up.stop()
    took = {}
    response, took["sign-up"] = timed(
        lambda: client.post(
            "/konto/signup/",
            {"email": "neu@example.org", "display_name": "Neue Stimme",
             "password1": PASSWORD, "password2": PASSWORD},
        )
    )  # fmt: skip
    assert response.status_code == 302
    response, took["registration"] = timed(
        lambda: client.post(register_url, registration("erika@example.org"))
    )
    assert response.status_code == 302
    client.force_login(citizen)
    response, took["reply"] = timed(
        lambda: client.post(comment_url, {"text": "Eine Antwort.", "parent": parent.pk})
    )
    assert response.status_code == 302
    client.force_login(moderator)
    response, took["city's answer"] = timed(
        lambda: client.post(comment_url, {"text": "Das plant die Stadt.", "official": "on"})
    )
    assert response.status_code == 302
    assert max(took.values()) < REFUSED_BOUND, took

    # Nothing could be handed to the worker, and nothing is lost: the mails are stored, the
    # comments wait for their notification.
    assert set(Mail.objects.values_list("to", flat=True)) == {
        "neu@example.org", "erika@example.org", "ole@example.org",
    }  # fmt: skip
    assert not Mail.objects.filter(sent_at__isnull=False).exists()
    assert Comment.objects.filter(notified_at__isnull=True).count() == 2

    broker_up.start()  # back, at the same address
    two_minutes_later()
    notify_pending.delay()  # what beat sends every five minutes …
    deliver_pending.delay()  # … and every two
    expected = {
        "neu@example.org", "erika@example.org", "ole@example.org",
        "autorin@example.org", "folgt@example.org",
    }  # fmt: skip
    assert wait_for(
        lambda: (
            set(Mail.objects.filter(sent_at__isnull=False).values_list("to", flat=True)) == expected
        ),
        90,
    ), f"delivered: {delivered(worker.mail_dir)}\n{worker.log[-3000:]}"
    assert not Mail.objects.pending().exists()
    assert_each_mail_delivered_once(worker)


def test_the_broker_lost_between_commit_and_hand_over_loses_nothing(
    client, broker_up, worker, today, monkeypatch
):
    factories.process_with_stages(today=today, running=3)
    register_url = conference_open_for_registration()
    hand_over = config.celery.hand_over

    def broker_dies_first(task, *args):
        # The registration and its mail are committed; Redis goes away before the task
        # reaches it.
        broker_up.stop()
        return hand_over(task, *args)

    monkeypatch.setattr(config.celery, "hand_over", broker_dies_first)
    response, seconds = timed(lambda: client.post(register_url, registration("kim@example.org")))
    monkeypatch.undo()
    assert response.status_code == 302
    assert seconds < REFUSED_BOUND
    mail = Mail.objects.get()
    assert mail.sent_at is None

    worker_pid = worker.pid
    broker_up.start()  # back while the worker runs; it reconnects by itself
    two_minutes_later()
    deliver_pending.delay()
    assert wait_for(lambda: Mail.objects.filter(pk=mail.pk, sent_at__isnull=False).exists(), 90), (
        worker.log[-3000:]
    )
    assert worker.pid == worker_pid and worker.process.poll() is None
    assert_each_mail_delivered_once(worker)
