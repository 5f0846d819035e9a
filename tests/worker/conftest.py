import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from tests import services

ROOT = Path(__file__).resolve().parent.parent.parent


def use_broker(url: str, *, eager: bool) -> None:
    celery_app.conf.update(task_always_eager=eager, broker_url=url)
    # Celery caches its connection and producer pools on first use; without dropping them,
    # messages would still go to the broker the pools were made for.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real Celery worker in its own process, on Redis, against the test database."""
    if connection.vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL) so that a worker shares the data")
    if not services.reachable(services.TEST_BROKER_URL):
        services.skip_or_fail(f"needs Redis at {services.TEST_BROKER_URL}")

    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    log = tmp_path / "worker.log"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=services.TEST_BROKER_URL,
        EMAIL_HOST="",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
    )
    use_broker(services.TEST_BROKER_URL, eager=False)
    celery_app.control.purge()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text():
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield mail_dir
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        use_broker(settings.CELERY_BROKER_URL, eager=True)
