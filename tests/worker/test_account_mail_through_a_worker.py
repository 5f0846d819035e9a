"""Account mail leaves through the outbox and a real Celery worker on Redis."""

import time

import pytest

from outbox.models import Mail
from tests.factories import UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_password_reset_mail_is_delivered_by_the_worker(client, celery_worker_process):
    citizen = UserFactory(email="worker-test@example.org")
    response = client.post("/konto/password/reset/", {"email": citizen.email})
    assert response.status_code == 302

    stored = Mail.objects.get(to=citizen.email)
    assert wait_for(lambda: Mail.objects.filter(pk=stored.pk, sent_at__isnull=False).exists()), (
        "the worker did not deliver the mail"
    )
    (mail_file,) = celery_worker_process.iterdir()
    content = mail_file.read_text()
    assert "worker-test@example.org" in content
    assert "/konto/password/reset/key/" in content
