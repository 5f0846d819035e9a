"""Real Celery worker processes for the tests that need one (`-m worker`).

A worker runs `celery -A config worker` in its own process with the development settings,
against the PostgreSQL test database and a Redis database of its own, and sends mail with
Django's file backend into a folder the test reads. `WorkerProcess` starts it, waits until
it is ready, and kills it, as the kernel's OOM killer would, in the middle of a task or at
the end of its test.
"""

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app

from . import services

ROOT = Path(__file__).resolve().parent.parent
# The file backend writes every message of a connection into one file, each followed by a
# line of 79 dashes.
MESSAGE_SEPARATOR = "-" * 79


def use_broker(url: str, *, eager: bool) -> None:
    """Point this process's Celery (the web side of a test) at another broker."""
    celery_app.conf.update(task_always_eager=eager, broker_url=url)
    # Celery caches its connection and producer pools on first use; without dropping them,
    # messages would still go to the broker the pools were made for.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def require_worker_services() -> None:
    if connection.vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL) so that a worker shares the data")
    if not services.reachable(services.TEST_BROKER_URL):
        services.skip_or_fail(f"needs Redis at {services.TEST_BROKER_URL}")


def empty_broker() -> None:
    """Remove every queued and every unacknowledged message from the test's Redis database,
    so that nothing a killed worker of an earlier test held comes back in this one."""
    import redis

    redis.Redis.from_url(services.TEST_BROKER_URL).flushdb()


def shared_database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class WorkerProcess:
    def __init__(
        self,
        folder: Path,
        *,
        broker_url: str,
        name: str = "worker",
        app: str = "config",
        **env: str,
    ):
        self.name = name
        self.app = app
        self.log_path = folder / f"{name}.log"
        self.mail_dir = folder / "mail"
        self.mail_dir.mkdir(exist_ok=True)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": shared_database_url(),
            "CELERY_BROKER_URL": broker_url,
            "EMAIL_HOST": "",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "WorkerProcess":
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                self.app,
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
                f"--hostname={self.name}@%h",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        if not wait_for(lambda: " ready." in self.log or self.process.poll() is not None, timeout):
            pytest.fail(f"Celery worker {self.name} did not start:\n{self.log}")
        if self.process.poll() is not None:
            pytest.fail(f"Celery worker {self.name} stopped:\n{self.log}")
        return self

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL, as the kernel's OOM killer or `docker kill` does: no clean-up at all."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        """End the worker after its test. Nothing is left for it to finish, and a warm
        shutdown plus the interpreter's exit cost seconds a test run does not need to pay;
        what it might still hold is removed from Redis before the next test."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def wait_for(condition, timeout: float = 30.0, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return bool(condition())


def delivered(mail_dir: Path) -> Counter:
    """How often each (recipient, subject) was delivered into the file backend's folder."""
    counts: Counter = Counter()
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_text().split(MESSAGE_SEPARATOR):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.lstrip("\n"), policy=email.policy.default)
            counts[(str(message["To"]), normalised(str(message["Subject"])))] += 1
    return counts


def normalised(subject: str) -> str:
    """A long subject is folded over lines in the file; compare it as one line."""
    return " ".join(subject.split())


def restore_broker_settings() -> None:
    use_broker(settings.CELERY_BROKER_URL, eager=settings.CELERY_TASK_ALWAYS_EAGER)
