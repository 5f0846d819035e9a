"""Site search over published pages, filterable by page type, paginated."""

import pytest

from tests import factories


@pytest.fixture
def themes(process):
    return [
        factories.theme_page("Mobilität", teaser="Radwege und Busse für die Verkehrswende."),
        factories.theme_page("Wohnen", teaser="Bezahlbarer Wohnraum."),
    ]


def test_finds_a_theme_by_its_text(client, themes):
    html = client.get("/suche/", {"q": "Verkehrswende"}).content.decode()
    assert "1 Treffer" in html
    assert 'href="/themen/' in html and "Mobilität" in html


def test_filters_by_page_type(client, themes):
    html = client.get("/suche/", {"q": "Stufe", "kind": "participation.themepage"}).content.decode()
    assert "0 Treffer" in html
    html = client.get("/suche/", {"q": "Stufe", "kind": "cms.stagepage"}).content.decode()
    assert "6 Treffer" in html


def test_unpublished_pages_are_not_found(client, themes):
    themes[0].unpublish()
    html = client.get("/suche/", {"q": "Verkehrswende"}).content.decode()
    assert "0 Treffer" in html


def test_results_are_paginated(client, process):
    for number in range(12):
        factories.theme_page(f"Thema {number}", teaser="Sauberkeit im Quartier.")
    first = client.get("/suche/", {"q": "Sauberkeit"}).content.decode()
    assert "12 Treffer" in first
    assert "Seite 1 von 2" in first
    assert 'rel="next"' in first
    second = client.get("/suche/", {"q": "Sauberkeit", "page": 2}).content.decode()
    assert "Seite 2 von 2" in second


def test_a_too_long_query_gets_a_message_next_to_the_field(client, process):
    response = client.get("/suche/", {"q": "x" * 201})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte höchstens 200 Zeichen eingeben." in html
    assert 'id="id_q-error"' in html


@pytest.mark.parametrize(
    "params", [{"q": "Mobilität", "kind": "gibt.es.nicht"}, {"page": "x", "q": "a"}]
)
def test_odd_parameters_do_not_break_the_page(client, themes, params):
    assert client.get("/suche/", params).status_code == 200


def test_search_page_query_count_does_not_grow_with_results(
    client, process, django_assert_max_num_queries
):
    for number in range(15):
        factories.theme_page(f"Thema {number}", teaser="Sauberkeit im Quartier.")
    with django_assert_max_num_queries(20):
        client.get("/suche/", {"q": "Sauberkeit"})


@pytest.mark.parametrize("query", ['"><script>', "Radwege (Busse", "Verkehrs-*wende^", "<>"])
def test_quotes_and_brackets_in_a_query_are_no_database_error(client, themes, query):
    """SQLite's full-text index reads them as its syntax; they used to answer 503."""
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "Treffer" in response.content.decode()


def test_the_words_of_a_query_with_punctuation_are_found(client, themes):
    html = client.get("/suche/", {"q": "„Verkehrswende“!"}).content.decode()
    assert "1 Treffer" in html
