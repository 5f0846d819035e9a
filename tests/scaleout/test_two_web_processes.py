"""Two web servers, as two replicas behind a load balancer, share everything through
PostgreSQL and Redis (REDIS_URL): a person signed in on one is signed in on the other, a
vote changed on alternating servers stays one vote, the counter of failed sign-ins counts on
both, and an editor's change on one server shows on the other at once – not after the 60 s
that a cache of its own would keep the old navigation.

Each server is gunicorn with one sync worker, a process of its own, like a container."""

import http.client
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from participation.models import Statement, Vote
from tests import factories, services

# The servers see only committed data; the data the migrations made (root page, groups) is
# restored afterwards for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(__file__).resolve().parents[2]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Server:
    def __init__(self, port: int, env: dict, log: Path):
        self.port = port
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--error-logfile",
                "-",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.log = log

    def wait(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn on {self.port} exited:\n{self.log.read_text()[-3000:]}")
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn on {self.port} did not answer:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def request(port, method, path, *, body=None, headers=None, cookies=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        content = response.read().decode(errors="replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if cookies is not None:
                cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), content
    finally:
        conn.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    """(port of server A, port of server B, the Redis cache prefix they share)."""
    with django_db_blocker.unblock():
        vendor, db = connection.vendor, connection.settings_dict
    if vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL), which both servers share")
    if not services.reachable(services.TEST_BROKER_URL):
        services.skip_or_fail(f"needs Redis at {services.TEST_BROKER_URL}")
    prefix = f"test-two-servers-{uuid.uuid4().hex[:12]}"
    folder = tmp_path_factory.mktemp("two-servers")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CELERY_BROKER_URL", "EMAIL_HOST", "DJANGO_ALLOW_ASYNC_UNSAFE")
    } | {
        # dev: the same cache and session settings as production (base.py), without the
        # collected static files that production's manifest would need.
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}",
        # Replicas share the key that signs sessions, CSRF tokens and links.
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": services.TEST_BROKER_URL,
        "CACHE_KEY_PREFIX": prefix,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(folder / "media"),
        "LOG_LEVEL": "WARNING",
    }
    pair = [Server(free_port(), env, folder / f"gunicorn-{n}.log") for n in "ab"]
    try:
        deadline = time.monotonic() + 90
        for server in pair:
            server.wait(deadline)
        yield pair[0].port, pair[1].port, prefix
    finally:
        for server in pair:
            server.stop()
        forget(prefix)


def forget(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(services.TEST_BROKER_URL)
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        client.delete(key)
    client.close()


@pytest.fixture
def both(servers):
    """The two servers, with none of the previous test's data in their shared cache."""
    forget(servers[2])
    return servers[0], servers[1]


def sign_in(port, email, password) -> tuple[int, str, str, dict]:
    cookies = {}
    _, _, page = request(port, "GET", "/konto/login/", cookies=cookies)
    token = CSRF_FIELD.search(page).group(1)
    status, location, content = request(
        port,
        "POST",
        "/konto/login/",
        body=urlencode({"csrfmiddlewaretoken": token, "login": email, "password": password}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        cookies=cookies,
    )
    return status, location, content, cookies


def test_signed_in_on_one_server_is_signed_in_on_the_other_and_votes_stay_one(both):
    a, b = both
    factories.process_with_stages(today=timezone.localdate(), running=3)
    statement = factories.statement(factories.theme_page("Mobilität").theme)
    citizen = factories.UserFactory(display_name="Bürgerin Beispiel")
    # The servers know the production hashers, not the tests' fast MD5: a PBKDF2 hash, with
    # few rounds so that checking it is quick (the server hardens it when she signs in).
    citizen.password = PBKDF2PasswordHasher().encode(factories.PASSWORD, "salz", iterations=1000)
    citizen.save()

    status, location, _, cookies = sign_in(a, citizen.email, factories.PASSWORD)
    assert (status, location) == (302, "/konto/")
    assert "Bürgerin Beispiel" in request(b, "GET", "/konto/", cookies=cookies)[2]

    request(b, "GET", f"/beteiligung/aussagen/{statement.pk}/", cookies=cookies)
    choices = ["agree", "disagree", "neutral", "agree", "disagree", "agree"]
    for number, choice in enumerate(choices):
        status, _, answer = request(
            (a, b)[number % 2],
            "POST",
            f"/beteiligung/aussagen/{statement.pk}/bewerten/",
            body=f"choice={choice}",
            headers={
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": cookies["csrftoken"],
            },
            cookies=cookies,
        )
        assert status == 200, answer
    assert list(Vote.objects.filter(statement=statement).values_list("user", "choice")) == [
        (citizen.pk, "agree")
    ]
    counted = Statement.objects.get(pk=statement.pk)
    assert (counted.agree_count, counted.disagree_count, counted.neutral_count) == (1, 0, 0)


def test_password_reset_requests_count_on_both_servers_together(both):
    a, b = both
    citizen = factories.UserFactory()
    # allauth's limit per address, e.g. "5/m/key", counted in the shared cache.
    per_address = next(
        int(part.split("/")[0])
        for part in settings.ACCOUNT_RATE_LIMITS["reset_password"].split(",")
        if part.endswith("/key")
    )

    def ask(port) -> int:
        cookies = {}
        _, _, form = request(port, "GET", "/konto/password/reset/", cookies=cookies)
        token = CSRF_FIELD.search(form).group(1)
        return request(
            port,
            "POST",
            "/konto/password/reset/",
            body=urlencode({"csrfmiddlewaretoken": token, "email": citizen.email}),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            cookies=cookies,
        )[0]

    assert [ask((a, b)[n % 2]) for n in range(per_address)] == [302] * per_address
    assert (ask(a), ask(b)) == (429, 429)


def test_an_editors_change_on_one_server_shows_on_the_other_at_once(both, client):
    a, b = both
    home = factories.home_page()
    from cms.models import ContentPage

    page = factories.publish(
        home, ContentPage(title="Mitmachen vor Ort", slug="vor-ort", show_in_menus=True)
    )
    # Server B caches its navigation (for 60 s unless an editor changes the tree).
    assert "Mitmachen vor Ort" in request(b, "GET", "/")[2]

    client.force_login(factories.UserFactory(is_superuser=True))  # a session in the database
    cookies = {"sessionid": client.cookies["sessionid"].value}
    _, _, form = request(a, "GET", f"/admin/pages/{page.pk}/unpublish/", cookies=cookies)
    status, _, _ = request(
        a,
        "POST",
        f"/admin/pages/{page.pk}/unpublish/",
        body=urlencode({"csrfmiddlewaretoken": CSRF_FIELD.search(form).group(1)}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        cookies=cookies,
    )
    assert status == 302
    assert "Mitmachen vor Ort" not in request(b, "GET", "/")[2]
