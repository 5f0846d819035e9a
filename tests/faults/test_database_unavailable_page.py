"""The database away for a moment: every page answers a clean "please try again" (503), in
the visitor's language, without a stack trace and without asking the database again."""

import pytest
from django.db import ProgrammingError, connection
from django.test import Client

from cms.unavailable import RETRY_AFTER_SECONDS, unavailable_response
from tests import factories

from .failing_database import FailingDatabase
from .html_check import structure_problems

GERMAN = "Bitte versuchen Sie es gleich noch einmal"
ENGLISH = "Please try again in a moment"


@pytest.fixture
def visitor():
    # An error in a middleware reaches Django's last-resort handler, which the test client
    # would otherwise re-raise instead of returning the answer a browser gets.
    return Client(raise_request_exception=False)


@pytest.fixture
def theme(process):
    return factories.theme_page("Mobilität")


def while_down(request):
    """Every statement fails from the first one on, as with PostgreSQL stopped."""
    down = FailingDatabase(at=1, every_after=True)
    with connection.execute_wrapper(down):
        response = request()
    return response, down


def assert_clean_503(response, *, language="de"):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert structure_problems(html) == []
    assert f'<html lang="{language}"' in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert "simulated" not in html
    return html


PAGES = [
    "/",
    "/stadtgespraech/stufe-3/",
    "/themen/",
    "/suche/?q=Radweg",
    "/konto/login/",
    "/monitoring/",
    "/eine-seite-die-es-nicht-gibt/",
]


def test_every_page_answers_please_try_again_while_the_database_is_away(visitor, theme):
    for path in [*PAGES, theme.url]:
        response, down = while_down(lambda path=path: visitor.get(path))
        assert response.status_code == 503, path
        assert GERMAN in assert_clean_503(response), path
        assert down.calls >= 1

    # In English under /en/, offering the German page.
    english = "/en" + theme.url
    response, _down = while_down(lambda: visitor.get(english))
    html = assert_clean_503(response, language="en")
    assert ENGLISH in html
    assert 'hreflang="de"' in html


def test_a_form_sent_gets_the_page_and_a_vote_sent_in_the_background_gets_json(
    client, theme, citizen
):
    statement = factories.statement(theme.theme)
    client.force_login(citizen)
    response, _down = while_down(
        lambda: client.post(
            f"/beteiligung/aussagen/{statement.pk}/kommentieren/", {"text": "Mehr Bäume."}
        )
    )
    html = assert_clean_503(response)
    assert "entweder ganz oder gar nicht gespeichert" in html

    response, _down = while_down(
        lambda: client.post(
            f"/beteiligung/aussagen/{statement.pk}/bewerten/",
            {"choice": "agree"},
            headers={"Accept": "application/json"},
        )
    )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "einer Minute noch einmal" in response.json()["error"]


def test_the_admin_answers_the_same_to_a_signed_in_editor(editor):
    visitor = Client(raise_request_exception=False)
    visitor.force_login(editor)
    response, _down = while_down(lambda: visitor.get("/admin/pages/"))
    assert GERMAN in assert_clean_503(response)


def test_the_health_check_answers_503_so_a_load_balancer_takes_the_process_out(visitor, db):
    response, _down = while_down(lambda: visitor.get("/healthz"))
    assert response.status_code == 503
    assert visitor.get("/healthz").json() == {"status": "ok"}


def test_a_failure_in_the_middle_of_a_page_answers_503_and_the_next_request_works(visitor, theme):
    # The first statements succeed, then the connection is lost while the page is built.
    url = theme.url
    down = FailingDatabase(at=3, every_after=True)
    with connection.execute_wrapper(down):
        response = visitor.get(url)
    assert GERMAN in assert_clean_503(response)
    assert visitor.get(url).status_code == 200


def test_the_page_itself_is_rendered_without_a_single_query(rf, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = unavailable_response(rf.get("/en/themen/"))
    assert ENGLISH in response.content.decode()


def test_other_errors_stay_errors(visitor, db):
    def programming_error(execute, sql, params, many, context):
        raise ProgrammingError("a bug, not an outage")

    with connection.execute_wrapper(programming_error):
        response = visitor.get("/healthz")
    assert response.status_code == 500
