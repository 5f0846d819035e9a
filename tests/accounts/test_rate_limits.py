"""allauth's rate limits (ACCOUNT_RATE_LIMITS) fire at the configured count: the form comes
back with what was typed and a German message (status 429), JSON clients get the message,
and behind a reverse proxy the limits count the real client, not the proxy."""

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from accounts.models import User
from config.ratelimit import client_ip
from config.settings.env import env_rate
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "neu@example.org",
    "display_name": "Neue Stimme",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def test_the_21st_sign_up_from_one_address_within_a_minute_is_refused(client):
    # Each of the 20 allowed attempts counts, valid or not (here: the passwords differ).
    for number in range(20):
        response = client.post(
            "/konto/signup/", {**SIGNUP, "email": f"person{number}@example.org", "password2": "x"}
        )
        assert response.status_code == 200
    response = client.post("/konto/signup/", {**SIGNUP, "display_name": "Einundzwanzig"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "zu viele Registrierungen" in html
    # What was typed stays in the form; the password is never sent back.
    assert 'value="neu@example.org"' in html
    assert 'value="Einundzwanzig"' in html
    assert PASSWORD not in html
    assert not User.objects.filter(email="neu@example.org").exists()


def limit(settings, **rates) -> None:
    """A lower limit, so that a test needs few requests to reach it."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, **rates}


def test_another_client_address_may_still_sign_up(client, settings):
    limit(settings, signup="1/m/ip")
    client.post("/konto/signup/", {**SIGNUP, "password2": "x"})
    response = client.post("/konto/signup/", SIGNUP, REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 302
    assert User.objects.filter(email="neu@example.org").exists()


def test_too_many_sign_in_attempts_are_refused_with_the_form(client, settings):
    limit(settings, login="3/m/ip")
    for number in range(3):
        client.post("/konto/login/", {"login": f"niemand{number}@example.org", "password": "x"})
    response = client.post("/konto/login/", {"login": "getippt@example.org", "password": "x"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "zu viele Anmeldeversuche" in html
    assert 'value="getippt@example.org"' in html


def test_the_sixth_password_reset_for_one_address_within_a_minute_is_refused(client, citizen):
    for _ in range(5):
        response = client.post("/konto/password/reset/", {"email": citizen.email})
        assert response.status_code == 302
    sent = len(mail.outbox)
    response = client.post("/konto/password/reset/", {"email": citizen.email})
    html = response.content.decode()
    assert response.status_code == 429
    assert "zu viele Links zum Zurücksetzen" in html
    assert f'value="{citizen.email}"' in html
    assert len(mail.outbox) == sent


def test_a_json_client_gets_429_with_the_message(client, settings):
    limit(settings, login="1/m/ip")
    for _ in range(1):
        client.post("/konto/login/", {"login": "a@example.org", "password": "x"})
    response = client.post(
        "/konto/login/",
        {"login": "a@example.org", "password": "x"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 429
    assert "zu viele Anmeldeversuche" in response.json()["error"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy trusted: the header may be forged
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # what our proxy appended
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", "127.0.0.1"),  # fewer entries than proxies: the connection
    ],
)
def test_the_client_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == expected


def test_behind_a_proxy_the_limit_counts_each_client_not_the_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    limit(settings, signup="1/m/ip")
    for _ in range(1):
        client.post("/konto/signup/", {**SIGNUP, "password2": "x"}, HTTP_X_FORWARDED_FOR="1.2.3.4")
    refused = client.post("/konto/signup/", SIGNUP, HTTP_X_FORWARDED_FOR="1.2.3.4")
    allowed = client.post("/konto/signup/", SIGNUP, HTTP_X_FORWARDED_FOR="5.6.7.8")
    assert (refused.status_code, allowed.status_code) == (429, 302)


def test_rates_come_from_the_environment_and_a_typo_stops_the_start(monkeypatch):
    monkeypatch.setenv("ACCOUNT_RATE_LIMIT_SIGNUP", "5/m/ip, 50/h/ip")
    assert env_rate("ACCOUNT_RATE_LIMIT_SIGNUP", "20/m/ip") == "5/m/ip,50/h/ip"
    monkeypatch.setenv("ACCOUNT_RATE_LIMIT_SIGNUP", "20 pro Minute")
    with pytest.raises(ImproperlyConfigured, match="ACCOUNT_RATE_LIMIT_SIGNUP"):
        env_rate("ACCOUNT_RATE_LIMIT_SIGNUP", "20/m/ip")


def test_failed_sign_ins_of_one_address_are_refused_next_to_the_form(client):
    user = UserFactory()
    for _ in range(5):
        client.post("/konto/login/", {"login": user.email, "password": "falsch-falsch"})
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session
