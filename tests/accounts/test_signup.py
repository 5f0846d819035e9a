"""Sign-up with mandatory e-mail verification and a public display name."""

import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD, UserFactory


def signup(client, capture, **overrides):
    data = {
        "email": "neu@example.org",
        "display_name": "Neue Stimme",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    with capture(execute=True):
        return client.post("/konto/signup/", data)


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_sign_up_verify_and_log_in(client, django_capture_on_commit_callbacks):
    response = signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"

    user = User.objects.get(email="neu@example.org")
    assert user.display_name == "Neue Stimme"
    assert not EmailAddress.objects.get(user=user).verified
    # Not verified yet: signing in only leads back to the "check your inbox" page.
    client.post("/konto/login/", {"login": "neu@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    (message,) = mail.outbox
    assert message.to == ["neu@example.org"]
    assert message.subject.startswith("[Stadtgespräch]")
    assert "Stadtgespräch Dortmund" in message.body
    confirm_url = link_in(message)
    assert client.get(confirm_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post("/konto/login/", {"login": "neu@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_a_taken_email_reveals_nothing_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="vergeben@example.org", display_name="Schon Da")
    response = signup(client, django_capture_on_commit_callbacks, email="vergeben@example.org")
    # The visitor sees the same page as for a new address (no account enumeration) …
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    page = client.get(response["Location"]).content.decode()
    assert "Bestätigen Sie Ihre E-Mail-Adresse" in page
    # … and the owner of the address learns that someone tried, with a way back in.
    (message,) = mail.outbox
    assert message.to == ["vergeben@example.org"]
    assert "Passwort" in message.body
    assert User.objects.filter(email="vergeben@example.org").count() == 1


@pytest.mark.django_db
def test_a_taken_display_name_is_refused_next_to_the_field(
    client, django_capture_on_commit_callbacks
):
    UserFactory(display_name="Dortmunderin")
    response = signup(client, django_capture_on_commit_callbacks, display_name="dortmunderin")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieser Anzeigename ist schon vergeben." in html
    assert 'id="id_display_name-error"' in html
    # What was typed stays in the form.
    assert 'value="neu@example.org"' in html
    assert not User.objects.filter(email="neu@example.org").exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kurz", "Dieses Passwort ist zu kurz."),
        ("password123", "Dieses Passwort ist zu üblich."),
        ("1234567890123", "Dieses Passwort ist komplett numerisch."),
    ],
)
def test_a_weak_password_is_refused_with_the_reason(
    client, django_capture_on_commit_callbacks, password, message
):
    response = signup(
        client, django_capture_on_commit_callbacks, password1=password, password2=password
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="neu@example.org").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ab", "mindestens 3 Zeichen"),
        ("x" * 31, "höchstens 30 Zeichen"),
        ("ich@example.org", "keine E-Mail-Adresse"),
        ("<script>", "Erlaubt sind Buchstaben"),
        ("Stadt Dortmund", "für die Stadt reserviert"),
        ("Gelöschtes Konto", "für die Stadt reserviert"),
    ],
)
def test_display_name_rules(client, django_capture_on_commit_callbacks, name, message):
    response = signup(client, django_capture_on_commit_callbacks, display_name=name)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.django_db
def test_umlauts_and_spaces_are_fine_in_a_display_name(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks, display_name="Jürgen aus Hörde")
    assert User.objects.get(email="neu@example.org").display_name == "Jürgen aus Hörde"


@pytest.mark.django_db
def test_sign_up_form_is_accessible_markup(client):
    html = client.get("/konto/signup/").content.decode()
    for field in ("email", "display_name", "password1", "password2"):
        assert f'for="id_{field}"' in html
    assert "novalidate" in html


@pytest.mark.django_db
def test_a_name_taken_at_the_same_moment_is_refused_next_to_the_field(
    client, django_capture_on_commit_callbacks
):
    """The check passed, but someone else got the name first: the constraint decides."""
    UserFactory(display_name="Gleichzeitig")
    with mock.patch("accounts.forms.display_name_is_taken", return_value=False):
        response = signup(client, django_capture_on_commit_callbacks, display_name="Gleichzeitig")
    assert response.status_code == 200
    assert "Dieser Anzeigename ist schon vergeben." in response.content.decode()
    assert not User.objects.filter(email="neu@example.org").exists()


# Django's form field takes 320 characters; the database and the outbox take 254, and the
# password reset answered a longer address with a server error.
TOO_LONG = "a" * 245 + "@example.org"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "field"),
    [("/konto/signup/", "email"), ("/konto/password/reset/", "email"), ("/konto/email/", "email")],
)
def test_an_address_longer_than_mail_allows_is_refused_next_to_the_field(client, path, field):
    client.force_login(UserFactory())
    if path == "/konto/signup/":
        client.logout()
    response = client.post(path, {field: TOO_LONG, "action_add": ""})
    assert response.status_code in (200, 400)
    assert "höchstens 254 Zeichen (jetzt: 257)" in response.content.decode()
    assert not EmailAddress.objects.filter(email=TOO_LONG).exists()
