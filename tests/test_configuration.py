"""Settings come from the environment; production settings pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env

ROOT = Path(__file__).resolve().parent.parent
# The test run's own settings must not leak into the subprocess under test.
INHERITED_BUT_IRRELEVANT = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
DEPLOY_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "a-long-random-production-key-with-entropy-1234567890",
    "ALLOWED_HOSTS": "stadtgespraech.example.org",
    "DATABASE_URL": "sqlite:////tmp/stadtgespraech-deploy-check.sqlite3",
}


def manage(*args, env_overrides=None):
    environment = {k: v for k, v in os.environ.items() if k not in INHERITED_BUT_IRRELEVANT}
    environment.update(env_overrides or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=DEPLOY_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    environment = dict(DEPLOY_ENV, SECRET_KEY="")
    result = manage("check", env_overrides=environment)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("0", False), ("", False)]
)
def test_booleans_from_the_environment(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env.env_bool("SOME_FLAG", not expected) is expected


def test_a_mistyped_boolean_is_an_error_not_a_silent_default(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "jein")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env.env_bool("SOME_FLAG", False)


def test_lists_from_the_environment(monkeypatch):
    monkeypatch.setenv("SOME_HOSTS", "a.example.org, b.example.org,")
    assert env.env_list("SOME_HOSTS", []) == ["a.example.org", "b.example.org"]


def test_defaults_need_nothing_configured():
    """A newcomer's first run: SQLite, eager tasks, mail to the console."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], "
        "s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND)",
        env_overrides={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "CELERY_BROKER_URL": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_configured_services_are_used():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], "
        "s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND, s.CACHES['default']['BACKEND'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/stadtgespraech",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "EMAIL_HOST": "smtp.example.org",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "False",
        "django.core.mail.backends.smtp.EmailBackend",
        "django.core.cache.backends.redis.RedisCache",
    ]
