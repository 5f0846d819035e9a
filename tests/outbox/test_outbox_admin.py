"""Administrators can see every stored mail, its state and its last error; nobody edits one."""

import pytest
from django.utils import timezone

from outbox.models import Mail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_mail():
    return Mail.objects.create(
        to="person@example.org",
        subject="Bitte bestätigen",
        text="Hallo",
        from_email="noreply@example.org",
        attempts=10,
        failed_at=timezone.now(),
        last_error="ConnectionRefusedError: kein SMTP",
    )


def test_an_administrator_finds_failed_mails_and_their_error(client, failed_mail):
    client.force_login(UserFactory(is_superuser=True))
    listing = client.get("/admin/outbox/", {"failed": "true"}).content.decode()
    assert "Bitte bestätigen" in listing
    assert "fehlgeschlagen" in listing
    detail = client.get(f"/admin/outbox/inspect/{failed_mail.pk}/").content.decode()
    assert "kein SMTP" in detail


def test_nobody_edits_or_deletes_a_stored_mail(client, failed_mail):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(f"/admin/outbox/edit/{failed_mail.pk}/").status_code in (302, 403)
    client.post(f"/admin/outbox/delete/{failed_mail.pk}/")
    assert Mail.objects.filter(pk=failed_mail.pk).exists()


@pytest.mark.parametrize("role", ["Redaktion", "Moderation"])
def test_staff_roles_do_not_read_other_peoples_mail(client, failed_mail, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/admin/outbox/")
    assert response.status_code in (302, 403)
