"""A worker killed in the middle of a task (SIGKILL, as the kernel's OOM killer does): the task
runs again in a second worker process, and its effect – a mail, a council paper – happens
once.

What brings a task back (see docs/faults.md):
* Redis hands a message that a worker took but never acknowledged (acks_late) to the next
  worker after the visibility timeout (CELERY_VISIBILITY_TIMEOUT, one hour by default; the
  first test shortens it, as an operator may);
* the sweeps find the unfinished work sooner: pending mail after two minutes, a compilation
  without progress after twenty (the second test).
"""

import hashlib
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import F

from outbox.models import Mail
from outbox.tasks import deliver_pending
from ratsvorlage import tasks
from ratsvorlage.models import PaperVersion
from tests import factories, services
from tests.workers import (
    WorkerProcess,
    delivered,
    empty_broker,
    require_worker_services,
    restore_broker_settings,
    use_broker,
    wait_for,
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def broker(transactional_db):
    require_worker_services()
    empty_broker()
    use_broker(services.TEST_BROKER_URL, eager=False)
    yield services.TEST_BROKER_URL
    restore_broker_settings()


@pytest.fixture
def workers(broker, tmp_path):
    started = []

    def start(name, **env):
        worker = WorkerProcess(tmp_path, broker_url=broker, name=name, **env)
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()


def task_ids(log: str, task: str) -> list[str]:
    """The ids of the messages of this task that the worker took, in order."""
    return re.findall(rf"Task {re.escape(task)}\[([0-9a-f-]+)\] received", log)


def results(log: str, task: str) -> list[str]:
    """What each finished run of this task returned, in order."""
    return re.findall(rf"Task {re.escape(task)}\[[0-9a-f-]+\] succeeded in [0-9.]+s: (.*)", log)


def test_a_mail_whose_worker_is_killed_while_sending_goes_out_once_from_the_next_worker(
    client, workers, tmp_path
):
    marker = tmp_path / "sending"
    first = workers(
        "first",
        EMAIL_BACKEND="tests.faults.slow_work.SlowMailServer",
        SLOW_MARKER=str(marker),
    )
    citizen = factories.UserFactory(email="vergesslich@example.org")
    assert client.post("/konto/password/reset/", {"email": citizen.email}).status_code == 302
    mail = Mail.objects.get(to=citizen.email)

    # The first worker is talking to the slow mail server when it is killed.
    assert wait_for(marker.exists, 60), first.log
    first.kill()
    (task_id,) = task_ids(first.log, "outbox.tasks.deliver")
    mail.refresh_from_db()
    assert (mail.sent_at, mail.attempts) == (None, 0)  # its transaction died with it
    assert not delivered(first.mail_dir)

    # Redis gives the unacknowledged message to the next worker once the visibility
    # timeout has passed (shortened here from an hour to a second).
    second = workers("second", CELERY_VISIBILITY_TIMEOUT="1")
    assert wait_for(lambda: Mail.objects.filter(pk=mail.pk, sent_at__isnull=False).exists(), 60), (
        second.log
    )
    assert task_ids(second.log, "outbox.tasks.deliver") == [task_id]
    assert second.pid != first.pid
    mail.refresh_from_db()
    assert mail.attempts == 1

    # The sweep that also looks for such mail finds nothing left to send.
    Mail.objects.update(created_at=F("created_at") - timedelta(minutes=3))
    deliver_pending.delay()
    assert wait_for(lambda: results(second.log, "outbox.tasks.deliver_pending") == ["0"], 30)
    assert [
        n for (to, _subject), n in delivered(second.mail_dir).items() if to == citizen.email
    ] == [1]


def test_a_council_paper_whose_worker_is_killed_while_setting_the_pdf_is_compiled_once(
    client, workers, tmp_path, process
):
    media = tmp_path / "media"
    marker = tmp_path / "setting-pdf"
    first = workers(
        "first",
        app="tests.faults.slow_pdf_worker",
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(media / "private"),
        SLOW_MARKER=str(marker),
    )
    factories.theme_page("Mobilität")
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    response = client.post(
        "/admin/ratsvorlage/",
        {
            "title": "Strategie „Unser Dortmund“",
            "paper_number": "12345-26",
            "proposed_resolution": "Der Rat beschließt die Stadtstrategie.",
        },
    )
    assert response.status_code == 302
    version = PaperVersion.objects.get()

    assert wait_for(marker.exists, 60), first.log
    first.kill()
    version.refresh_from_db()
    assert (version.state, version.progress) == ("compiling", 45), version.progress_note
    assert not version.pdf and not list(media.rglob("*.pdf"))

    # A new worker (with the default visibility timeout of an hour) takes the sweep that
    # beat sends every ten minutes; the compilation has made no progress for twenty.
    second = workers("second", MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(media / "private"))
    PaperVersion.objects.update(modified_at=F("modified_at") - timedelta(minutes=21))
    tasks.compile_stuck_papers.delay()
    assert wait_for(lambda: results(second.log, "ratsvorlage.tasks.compile_stuck_papers"), 90), (
        second.log
    )
    assert results(second.log, "ratsvorlage.tasks.compile_stuck_papers") == ["1"]
    assert second.pid != first.pid

    # One version, one PDF and one DOCX, the stored checksums those of the files.
    version = PaperVersion.objects.get()
    assert (version.number, version.state, version.progress) == (1, "draft", 100)
    pdfs, docxs = list(media.rglob("*.pdf")), list(media.rglob("*.docx"))
    assert len(pdfs) == 1 and len(docxs) == 1
    assert sha512(pdfs[0]) == version.pdf_sha512 and sha512(docxs[0]) == version.docx_sha512

    # The killed worker's own message, should it come back after the hour, changes nothing.
    # (The sweep's own run is logged as compile_paper too, with the version it compiled.)
    tasks.compile_paper.delay(version.pk)
    assert wait_for(
        lambda: results(second.log, "ratsvorlage.tasks.compile_paper") == [str(version.pk), "None"],
        30,
    ), second.log
    assert PaperVersion.objects.count() == 1
    assert list(media.rglob("*.pdf")) == pdfs and sha512(pdfs[0]) == version.pdf_sha512


def sha512(path: Path) -> str:
    return hashlib.sha512(path.read_bytes()).hexdigest()
