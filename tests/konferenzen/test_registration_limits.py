"""Registering needs no account, so the form is limited per e-mail address (nobody's inbox
is filled with confirmation links) and per client address (no mass registrations). The form
comes back with everything typed and the message; no mail goes out; never an error page."""

import pytest
from django.urls import reverse

from konferenzen.models import Registration
from outbox.models import Mail

from .test_registration_flow import form_data


@pytest.fixture(autouse=True)
def _low_limits(settings):
    settings.KONFERENZEN_RATE_LIMITS = {"per_address": (2, 3600), "per_ip": (3, 3600)}


def register(client, conference, **overrides):
    headers = {k: overrides.pop(k) for k in list(overrides) if k.isupper()}
    return client.post(
        reverse("konferenzen:register", args=[conference.slug]), form_data(**overrides), **headers
    )


def test_the_form_sent_too_often_for_one_address_is_refused_and_keeps_the_text(client, conference):
    register(client, conference)
    register(client, conference)  # again: the same link is mailed once more
    mails = Mail.objects.count()
    response = register(client, conference, name="Erika Dritte", dietary="vegan")
    html = response.content.decode()
    assert response.status_code == 429
    assert "in der letzten Stunde schon 2-mal gesendet" in html
    assert 'value="Erika Dritte"' in html
    assert "vegan" in html
    assert Mail.objects.count() == mails
    # Upper or lower case: the same address.
    assert register(client, conference, email="ERIKA@example.org").status_code == 429


def test_too_many_registrations_from_one_client_address(client, conference):
    for number in range(3):
        assert register(client, conference, email=f"p{number}@example.org").status_code == 302
    response = register(client, conference, email="vierte@example.org")
    html = response.content.decode()
    assert response.status_code == 429
    assert "schon 3 Anmeldungen" in html
    assert conference.contact_email in html
    assert not Registration.objects.filter(email="vierte@example.org").exists()
    # Someone else, elsewhere, still registers.
    other = register(client, conference, email="anderswo@example.org", REMOTE_ADDR="192.0.2.8")
    assert other.status_code == 302


def test_behind_the_proxy_each_client_counts_on_its_own(client, conference, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        register(client, conference, email=f"p{number}@example.org", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert register(client, conference, HTTP_X_FORWARDED_FOR="1.2.3.4").status_code == 429
    assert register(client, conference, HTTP_X_FORWARDED_FOR="5.6.7.8").status_code == 302


def test_a_json_client_gets_429_with_the_message(client, conference):
    for _ in range(2):
        register(client, conference)
    response = register(client, conference, HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert "2-mal gesendet" in response.json()["error"]
