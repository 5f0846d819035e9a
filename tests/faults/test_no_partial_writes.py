"""No partial writes: a request that writes several rows either completes or leaves nothing.

Each flow is first sent once to count its statements and to see the complete result. Then
it is sent again once for every statement from the first one that can change something
(those before it only read, and their failure trivially stores nothing), with the
connection failing at exactly that statement, as when PostgreSQL goes away in the middle of
a request. After each attempt the
database must be as before or as after a complete request, never in between, and an answer
other than the 503 page must mean that everything was stored.
"""

import contextlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.test import Client
from django.utils import timezone

from cms.models import StagePage
from konferenzen.models import ConferencePage, Registration
from participation import notifications
from participation.models import Comment, Follow, Statement, Theme
from tests import factories
from tests.factories import PASSWORD
from tests.konferenzen.conftest import make_conference

from .failing_database import CountingDatabase, FailingDatabase

# Sessions are the visitor's, not what the request stores: a session saved after the view
# failed is harmless and is not a partial write of the flow.
NOT_COUNTED = {"django_session"}


def row_counts() -> dict[str, int]:
    """The number of rows of every table, in one statement."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        - NOT_COUNTED
    )
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


class _Undo(Exception):
    pass


@contextlib.contextmanager
def undone():
    """Whatever happens inside is rolled back afterwards (a savepoint of the test's
    transaction), so that every attempt starts from the same database."""
    with contextlib.suppress(_Undo), transaction.atomic():
        yield
        raise _Undo


def assert_all_or_nothing(send, state, *, then=None):
    """Run `send()` (a request, returning its status code) once per statement it makes,
    failing at that statement.

    `state()` describes what the flow writes; `then`, if given, is the safety net that runs
    later (a sweep) and must turn a partly done flow into a complete one."""

    def snapshot():
        return row_counts(), state()

    cache.clear()
    before = snapshot()
    with undone():
        counter = CountingDatabase()
        with connection.execute_wrapper(counter):
            status = send()
        assert status in (200, 302), status
        complete = snapshot()
    assert complete != before, "the flow wrote nothing"

    assert counter.first_change is not None
    for n in range(counter.first_change, counter.calls + 1):
        with undone():
            cache.clear()  # the same rate limits and cached pages in every attempt
            with connection.execute_wrapper(FailingDatabase(at=n)):
                status = send()
            # The failure was simulated before the statement reached the server, so the
            # test's own transaction is intact and can be read.
            connection.needs_rollback = False
            after = snapshot()
            if after in (before, complete):
                assert status == 503 or after == complete, (
                    f"statement {n}: answered {status} but stored nothing"
                )
            else:
                assert then is not None, f"statement {n} of {counter.calls}: stored only part"
                then()
                assert snapshot() == complete, f"statement {n}: the sweep did not complete it"
    return counter.calls


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def statement(process):
    return factories.statement(factories.theme_page("Mobilität").theme)


def test_a_conference_registration_is_stored_with_its_mail_or_not_at_all(visitor, process):
    conference = make_conference()
    factories.publish(
        StagePage.objects.get(locale__language_code="de", number=4),
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    table = conference.tables.first()
    data = {
        "name": "Erika Beispiel",
        "email": "erika@example.org",
        "sector": "buergerinnen",
        "consent": "on",
        "round_1": [table.pk],
    }
    url = f"/konferenzen/{conference.slug}/anmelden/"

    def state():
        return list(Registration.objects.values_list("email", "status"))

    assert_all_or_nothing(lambda: visitor.post(url, data).status_code, state)


def test_a_vote_is_stored_with_its_recount_or_not_at_all(visitor, citizen, statement):
    visitor.force_login(citizen)
    url = f"/beteiligung/aussagen/{statement.pk}/bewerten/"

    def state():
        return list(Statement.objects.values_list("agree_count", "disagree_count", "neutral_count"))

    assert_all_or_nothing(lambda: visitor.post(url, {"choice": "agree"}).status_code, state)


def test_a_reply_is_stored_with_its_count_and_its_author_is_told_once(
    visitor, citizen, statement, django_capture_on_commit_callbacks
):
    author = factories.UserFactory(email="autorin@example.org")
    parent = factories.comment(statement, author=author, notified_at=timezone.now())
    visitor.force_login(citizen)
    url = f"/beteiligung/aussagen/{statement.pk}/kommentieren/"

    def send():
        # Without a broker the notification runs in the web process after the commit: a
        # second transaction, whose failure the sweep makes good.
        with django_capture_on_commit_callbacks(execute=True):
            return visitor.post(url, {"text": "Eine Antwort.", "parent": parent.pk}).status_code

    def state():
        return (
            list(Statement.objects.values_list("comment_count", flat=True)),
            [(text, at is None) for text, at in Comment.objects.values_list("text", "notified_at")],
        )

    def sweep():
        for pk in Comment.objects.filter(notified_at__isnull=True).values_list("pk", flat=True):
            notifications.notify_about_comment(pk)

    assert_all_or_nothing(send, state, then=sweep)


def test_the_citys_answer_and_its_followers_mails_are_stored_together_or_not_at_all(db):
    # The worker's (or the sweep's) work alone: no pages needed.
    theme = Theme.objects.create(name="Mobilität", slug="mobilitaet")
    statement = factories.statement(theme)
    moderator = factories.UserFactory(roles=["Moderation"])
    for number in range(3):
        follower = factories.UserFactory(email=f"folgt{number}@example.org")
        Follow.objects.create(user=follower, statement=statement)
    answer = factories.comment(statement, author=moderator, is_official=True)

    def state():
        return list(Comment.objects.filter(notified_at__isnull=True).values_list("pk"))

    def send():
        # The notification task's work, as a worker (or the sweep) does it.
        try:
            notifications.notify_about_comment(answer.pk)
        except OperationalError:
            return 503
        return 200

    assert_all_or_nothing(send, state)


def test_a_proposal_is_stored_or_not_at_all(visitor, citizen, statement):
    visitor.force_login(citizen)
    url = f"/beteiligung/themen/{statement.theme.slug}/vorschlagen/"
    data = {
        "kind": "zielbild",
        "text": "Jeder Stadtteil bekommt bis 2030 einen Platz, an dem man sich trifft.",
        "action": "einreichen",
    }
    assert_all_or_nothing(lambda: visitor.post(url, data).status_code, lambda: None)


def test_a_sign_up_is_stored_with_its_address_and_mail_or_not_at_all(visitor, db):
    data = {
        "email": "neu@example.org",
        "display_name": "Neue Stimme",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    assert_all_or_nothing(lambda: visitor.post("/konto/signup/", data).status_code, lambda: None)
