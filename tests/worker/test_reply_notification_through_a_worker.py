"""A reply's notification runs as a Celery task in a real worker and reaches the author."""

import time

import pytest
from django.utils import timezone

from outbox.models import Mail
from participation.models import Comment
from tests import factories

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_author_of_a_comment_is_told_of_a_reply_by_the_worker(client, celery_worker_process):
    factories.process_with_stages(today=timezone.localdate())
    statement = factories.statement(factories.theme_page().theme)
    author = factories.UserFactory(email="kommentar-autorin@example.org")
    original = factories.comment(statement, author=author)
    client.force_login(factories.UserFactory(display_name="Antwortender"))
    response = client.post(
        f"/beteiligung/aussagen/{statement.pk}/kommentieren/",
        {"text": "Eine Antwort über den Worker.", "parent": original.pk},
    )
    assert response.status_code == 302
    reply = Comment.objects.get(parent=original)
    assert wait_for(lambda: Comment.objects.filter(pk=reply.pk, notified_at__isnull=False).exists())
    assert wait_for(lambda: Mail.objects.filter(to=author.email, sent_at__isnull=False).exists())
    delivered = "".join(path.read_text() for path in celery_worker_process.iterdir())
    assert "Eine Antwort über den Worker." in delivered
