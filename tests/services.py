"""Which real services the test run can reach, and whether it must reach them.

`make test` on a laptop skips the tests that need PostgreSQL, Redis or Chromium and says
why; CI sets STADTGESPRAECH_REQUIRE_ALL=1 so that such a skip fails the run instead.
"""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TEST_BROKER_URL = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")


def required() -> bool:
    return os.environ.get("STADTGESPRAECH_REQUIRE_ALL") == "1"


def skip_or_fail(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (STADTGESPRAECH_REQUIRE_ALL=1: CI must run this test)")
    pytest.skip(reason)


def reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None
