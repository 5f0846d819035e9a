"""What a signed-in person does with their own account: name, e-mail, password."""

import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD, UserFactory


def test_profile_needs_a_login(client, db):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_changing_the_display_name(client, citizen):
    client.force_login(citizen)
    response = client.post("/konto/", {"display_name": "Neuer Name"}, follow=True)
    assert "Ihr Anzeigename wurde gespeichert." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.display_name == "Neuer Name"


def test_a_display_name_taken_by_someone_else_is_refused(client, citizen):
    UserFactory(display_name="Vergeben")
    client.force_login(citizen)
    response = client.post("/konto/", {"display_name": "VERGEBEN"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieser Anzeigename ist schon vergeben." in html
    assert 'Mein Konto<span class="kern-sr-only">: Bürgerin Beispiel</span>' in html
    citizen.refresh_from_db()
    assert citizen.display_name == "Bürgerin Beispiel"


def test_keeping_ones_own_name_in_other_case_is_fine(client, citizen):
    client.force_login(citizen)
    client.post("/konto/", {"display_name": "bürgerin beispiel"})
    citizen.refresh_from_db()
    assert citizen.display_name == "bürgerin beispiel"


def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/konto/password/reset/", {"email": citizen.email})
        unknown = client.post("/konto/password/reset/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The known address gets the reset link; the unknown one a note that no account exists.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizen.email, "niemand@example.org"])


def test_password_reset_from_the_mailed_link(client, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/password/reset/", {"email": citizen.email})
    link = re.search(r"http://testserver(/konto/password/reset/key/\S+)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    new = "ganz-neues-Passwort-456"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert User.objects.get(pk=citizen.pk).check_password(new)


def test_changing_the_email_address_needs_verification_of_the_new_one(
    client, citizen, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/email/", {"action_add": "", "email": "neu@example.org"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["neu@example.org"]
    assert not EmailAddress.objects.get(email="neu@example.org").verified
    # Until it is confirmed, the old address stays the one in use.
    citizen.refresh_from_db()
    assert citizen.email != "neu@example.org"


@pytest.mark.parametrize("attempts", [6])
def test_repeated_wrong_passwords_are_rate_limited(client, citizen, attempts):
    for _ in range(attempts - 1):
        client.post("/konto/login/", {"login": citizen.email, "password": "falsch-falsch"})
    response = client.post("/konto/login/", {"login": citizen.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Zu viele" in response.content.decode()


def test_logout_is_a_post(client, citizen):
    client.force_login(citizen)
    response = client.post("/konto/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_name_taken_at_the_same_moment_is_refused_on_the_profile(client, citizen):
    UserFactory(display_name="Gleichzeitig")
    client.force_login(citizen)
    with mock.patch("accounts.forms.display_name_is_taken", return_value=False):
        response = client.post("/konto/", {"display_name": "Gleichzeitig"})
    assert response.status_code == 200
    assert "Dieser Anzeigename ist schon vergeben." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.display_name == "Bürgerin Beispiel"
