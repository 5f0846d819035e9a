"""PostgreSQL really away: a web server whose connection runs through a relay that the test
cuts and restores. While the database is away every page answers the 503 page within
seconds; a registration cut off in the middle leaves nothing; and the first request after
the database is back works again, without restarting anything.

(PostgreSQL only: SQLite is a file, there is no connection to cut. The statement-by-statement
failures in test_no_partial_writes.py run on both.)
"""

import contextlib
import threading
import time
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
import requests
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import DEFAULT_DB_ALIAS, connection, connections

from cms.models import StagePage
from konferenzen.models import ConferencePage, Registration
from outbox.models import Mail
from tests import factories, services
from tests.konferenzen.conftest import make_conference

from .tcp_proxy import TcpProxy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# libpq's smallest connect timeout; production's default is DATABASE_CONNECT_TIMEOUT (5 s).
CONNECT_TIMEOUT = 2


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class WebServer:
    """Django in a thread of its own, with its own connection to PostgreSQL through the
    relay, serving one request after the other as a web process does."""

    def __init__(self, proxy: TcpProxy):
        self.proxy = proxy
        self.settings_dict = {
            **connection.settings_dict,
            "HOST": "127.0.0.1",
            "PORT": str(proxy.port),
            "OPTIONS": {
                **connection.settings_dict.get("OPTIONS", {}),
                "connect_timeout": CONNECT_TIMEOUT,
            },
        }
        self.httpd = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=_Quiet)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.connection = None
        ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(5)
        self.http = requests.Session()

    def _serve(self, ready):
        self.connection = type(connections[DEFAULT_DB_ALIAS])(self.settings_dict, DEFAULT_DB_ALIAS)
        connections[DEFAULT_DB_ALIAS] = self.connection
        ready.set()
        try:
            self.httpd.serve_forever(poll_interval=0.05)
        finally:
            with contextlib.suppress(Exception):
                self.connection.close()

    def get(self, path, **kwargs):
        return self.http.get(self.url + path, timeout=30, **kwargs)

    def post(self, path, data):
        return self.http.post(
            self.url + path,
            data={**data, "csrfmiddlewaretoken": self.http.cookies.get("csrftoken", "")},
            headers={"Referer": self.url + path},
            allow_redirects=False,
            timeout=30,
        )

    def close(self):
        self.httpd.shutdown()
        self.thread.join(10)
        self.httpd.server_close()


@pytest.fixture
def proxy():
    if connection.vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL): a relay stands in front of it")
    relay = TcpProxy(connection.settings_dict["HOST"] or "127.0.0.1",
                     int(connection.settings_dict["PORT"] or 5432))  # fmt: skip
    relay.start()
    yield relay
    relay.stop()


@pytest.fixture
def server(proxy):
    web = WebServer(proxy)
    yield web
    proxy.start()  # so that the server can say goodbye to its database
    web.close()


def timed(request):
    started = time.monotonic()
    response = request()
    return response, time.monotonic() - started


def test_postgresql_away_gives_503_pages_leaves_no_partial_registration_and_is_back_at_once(
    server, proxy, process
):
    theme_url = factories.theme_page("Mobilität").url
    conference = make_conference()
    factories.publish(
        StagePage.objects.get(locale__language_code="de", number=4),
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    register = f"/konferenzen/{conference.slug}/anmelden/"
    data = {"name": "Erika Beispiel", "email": "erika@example.org",
            "sector": "buergerinnen", "consent": "on"}  # fmt: skip
    assert server.get(theme_url).status_code == 200
    assert server.get(register).status_code == 200  # the form, and the CSRF cookie
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5

    # PostgreSQL goes away in the middle of a registration: its row is written, its mail
    # not yet. The transaction dies with the connection.
    def cut_before_the_mail(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "outbox_mail"'):
            proxy.stop()
        return execute(sql, params, many, context)

    server.connection.execute_wrappers.append(cut_before_the_mail)
    try:
        response = server.post(register, data)
    finally:
        server.connection.execute_wrappers.remove(cut_before_the_mail)
    assert response.status_code == 503
    assert not Registration.objects.exists()
    assert not Mail.objects.exists()

    # While it is away, every page answers at once.
    for path, language, text in (
        (theme_url, "de", "Bitte versuchen Sie es gleich noch einmal"),
        ("/en" + theme_url, "en", "Please try again in a moment"),
        ("/", "de", "Bitte versuchen Sie es gleich noch einmal"),
    ):
        response, seconds = timed(lambda path=path: server.get(path))
        assert response.status_code == 503, path
        assert text in response.text and f'lang="{language}"' in response.text
        assert response.headers["Retry-After"] == "30"
        assert seconds < 3, f"{path} took {seconds:.1f} s"
    assert server.get("/healthz").status_code == 503

    # A host that accepts but never answers (hung, or the network drops the packets) costs
    # the connect timeout, not minutes.
    proxy.silence()
    response, seconds = timed(lambda: server.get(theme_url))
    assert response.status_code == 503
    assert seconds < CONNECT_TIMEOUT + 2, f"took {seconds:.1f} s"

    # Back: the same server, without a restart, answers and stores again.
    connections_before = proxy.connections
    proxy.start()
    assert server.get(theme_url).status_code == 200
    assert server.get("/healthz").json() == {"status": "ok"}
    assert proxy.connections > connections_before, "the server did not reconnect"
    assert server.post(register, data).status_code == 302
    assert Registration.objects.get().email == "erika@example.org"
    assert Mail.objects.get().to == "erika@example.org"
