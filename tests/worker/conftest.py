import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app as celery_app
from tests import services

ROOT = Path(__file__).resolve().parent.parent.parent


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
    celery_app.conf.update(task_always_eager=False, broker_url=services.TEST_BROKER_URL)
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
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(timeout=1):
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start:\n{worker.stdout.read()}")
        yield mail_dir
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        celery_app.conf.update(task_always_eager=True)
        celery_app.pool.force_close_all()
