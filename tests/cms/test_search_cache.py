"""Results are kept for a minute (cms.search.caching): a repeated search costs no search
queries; what leaves the public eye leaves the kept results at once; what is new appears when
they expire."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from participation.moderation import hide
from tests import factories

from .test_search import hits, search


@pytest.fixture
def mobility(process):
    return factories.theme_page("Mobilität", teaser="Radwege und Busse für die Verkehrswende.")


def _sql(client, **params) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        search(client, **params)
    return [query["sql"] for query in captured.captured_queries]


def test_a_repeated_search_is_answered_from_the_kept_results(client, mobility):
    factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.")
    first = _sql(client, q="Seilbahn")
    again = _sql(client, q="Seilbahn")
    assert any("participation_statement" in sql for sql in first)
    assert not any("participation_statement" in sql for sql in again)
    assert len(again) < len(first)
    # Another kind, page or language is another result.
    assert any(
        "participation_statement" in sql for sql in _sql(client, q="Seilbahn", kind="aussagen")
    )
    english = client.get("/en/suche/", {"q": "Seilbahn"}).content.decode()
    assert "Statements" in english


def test_a_hidden_comment_leaves_the_kept_results_at_once(client, mobility):
    statement = factories.statement(mobility.theme, text="Mehr Grün.")
    comment = factories.comment(statement, text="Eine Seilbahn wäre schön.")
    assert hits(search(client, q="Seilbahn"))
    hide(actor=factories.UserFactory(roles=["Moderation"]), target=comment, reason="Werbung.")
    assert hits(search(client, q="Seilbahn")) == []


def test_an_unpublished_page_leaves_the_kept_results_at_once(client, mobility):
    assert hits(search(client, q="Verkehrswende"))
    mobility.unpublish()
    assert hits(search(client, q="Verkehrswende")) == []


def test_a_page_made_private_leaves_the_kept_results_at_once(client, mobility):
    assert hits(search(client, q="Verkehrswende"))
    restriction = PageViewRestriction.objects.create(
        page=mobility, restriction_type=PageViewRestriction.LOGIN
    )
    assert hits(search(client, q="Verkehrswende")) == []
    restriction.delete()
    assert hits(search(client, q="Verkehrswende"))


def test_a_new_statement_appears_when_the_kept_results_expire(client, mobility, settings):
    settings.SEARCH_CACHE_SECONDS = 1
    factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.")
    assert len(hits(search(client, q="Seilbahn"))) == 1
    factories.statement(mobility.theme, text="Noch eine Seilbahn.")
    assert len(hits(search(client, q="Seilbahn"))) == 1
    time.sleep(1.2)
    assert len(hits(search(client, q="Seilbahn"))) == 2
