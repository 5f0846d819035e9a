"""Security headers: the Content-Security-Policy on every kind of page (strict on the public
site, its own on the admin), Permissions-Policy with the camera only for the check-in page,
and – through real requests with the production settings – HSTS, Secure cookies and the
framing rules."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from config.security import ContentSecurityPolicyMiddleware
from tests import factories
from tests.konferenzen.conftest import conference  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive → sources."""
    parsed = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_strict(found: dict[str, list[str]], page: str) -> None:
    assert found["script-src"] == ["'self'"], page
    assert not [s for sources in found.values() for s in sources if s.startswith("'unsafe-")], page
    assert found["default-src"] == ["'self'"], page
    assert found["style-src"] == ["'self'"], page
    assert found["font-src"] == ["'self'"], page
    assert sorted(found["img-src"]) == ["'self'", "data:"], page
    assert found["object-src"] == ["'none'"], page
    assert found["base-uri"] == ["'self'"], page
    assert found["form-action"] == ["'self'"], page
    assert found["frame-ancestors"] == ["'none'"], page


@pytest.mark.django_db
def test_every_kind_of_public_page_has_the_strict_policy(client, process, conference):  # noqa: F811
    theme_page = factories.theme_page("Mobilität")
    statement = factories.statement(theme_page.theme, stage=3, kind="zielbild")
    pages = [
        "/",
        "/stadtgespraech/",
        "/stadtgespraech/stufe-3/",
        "/themen/",
        theme_page.url,
        statement.get_absolute_url(),
        f"/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/",
        f"/beteiligung/themen/{theme_page.theme.slug}/vorschlaege/",
        conference.page.url,
        f"/konferenzen/{conference.slug}/anmelden/",
        "/strategie/",
        "/monitoring/",
        "/suche/?q=Bus",
        "/konto/login/",
        "/konto/signup/",
        "/en/stadtgespraech/",
        "/gibt-es-nicht/",  # the 404 page
        f"/offene-daten/aussagen.json?thema={theme_page.theme.slug}",
        "/oparl/v1.1/",
        "/healthz",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == (404 if path == "/gibt-es-nicht/" else 200), path
        assert_strict(policy(response), path)
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert "camera=()" in response["Permissions-Policy"], path


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_that_allows_only_inline_code(client, process):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    stage = process.get_children().first()
    for path in ["/admin/", f"/admin/pages/{stage.pk}/edit/", "/admin/snippets/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        found = policy(response)
        assert found["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert found["style-src"] == ["'self'", "'unsafe-inline'"], path
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], path
        assert found["object-src"] == ["'none'"], path
        assert found["frame-ancestors"] == ["'none'"], path
        assert found["connect-src"] == ["'self'"], path


def test_a_view_that_allows_same_origin_framing_gets_frame_ancestors_self():
    """Wagtail's preview answers with X-Frame-Options: SAMEORIGIN; the policy agrees."""

    def preview(request):
        response = HttpResponse("<p>Vorschau</p>")
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    request = RequestFactory().get("/admin/pages/3/edit/preview/")
    response = ContentSecurityPolicyMiddleware(preview)(request)
    assert policy(response)["frame-ancestors"] == ["'self'"]
    plain = ContentSecurityPolicyMiddleware(lambda r: HttpResponse())(request)
    assert policy(plain)["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_only_the_check_in_page_may_use_the_camera(client, conference):  # noqa: F811
    client.force_login(factories.UserFactory(roles=["Konferenzteam"]))
    check_in = client.get(f"/admin/konferenztag/{conference.pk}/check-in/")
    assert check_in.status_code == 200
    assert "camera=(self)" in check_in["Permissions-Policy"]
    assert "microphone=()" in check_in["Permissions-Policy"]
    overview = client.get(f"/admin/konferenztag/{conference.pk}/")
    assert "camera=()" in overview["Permissions-Policy"]


def database_url() -> str:
    """The test database, for a second process to read what this test committed."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_sends_hsts_secure_cookies_and_forbids_framing():
    user = factories.UserFactory(email="probe@example.org")
    # Hashed as production hashes (the tests' own hasher is not installed there), with few
    # rounds: production checks the password and stores a stronger hash on sign-in.
    user.password = PBKDF2PasswordHasher().encode(factories.PASSWORD, "probesalt", iterations=1000)
    user.save(update_fields=["password"])
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CELERY_BROKER_URL"}
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-key-with-entropy-1234567890",
            "ALLOWED_HOSTS": "stadtgespraech.example.org",
            "DATABASE_URL": database_url(),
            "LOG_LEVEL": "ERROR",
        }
    )
    result = subprocess.run(
        [sys.executable, "tests/production_probe.py", user.email, factories.PASSWORD],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])

    # Plain HTTP is sent to HTTPS.
    assert found["plain_http"]["status"] == 301
    assert found["plain_http"]["headers"]["Location"].startswith("https://")

    page = found["login_page"]
    assert page["status"] == 200
    hsts = dict(
        (part.strip().split("=") + [""])[:2]
        for part in page["headers"]["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts
    assert page["headers"]["X-Frame-Options"] == "DENY"
    assert page["headers"]["X-Content-Type-Options"] == "nosniff"
    assert page["headers"]["Referrer-Policy"] == "same-origin"
    assert "camera=()" in page["headers"]["Permissions-Policy"]
    csp = page["headers"]["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp + ";"
    assert page["cookies"]["csrftoken"] == {"secure": True, "httponly": False, "samesite": "Lax"}

    signed_in = found["sign_in"]
    assert signed_in["status"] == 302
    assert signed_in["cookies"]["sessionid"] == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
    }
    assert signed_in["cookies"]["csrftoken"]["secure"] is True

    admin = found["admin_login"]
    assert admin["headers"]["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in admin["headers"]["Content-Security-Policy"]
    assert "'unsafe-eval'" not in admin["headers"]["Content-Security-Policy"]
