"""The focus themes: an index page and one page per theme, owned by participation."""

import pytest

from participation.models import Theme
from tests import factories


def test_theme_index_lists_the_themes_in_their_order(client, process):
    factories.theme_page("Wohnen", teaser="Bezahlbarer Wohnraum.")
    factories.theme_page("Arbeitsmarkt")
    Theme.objects.filter(name="Wohnen").update(sort_order=2)
    Theme.objects.filter(name="Arbeitsmarkt").update(sort_order=1)
    html = client.get("/themen/").content.decode()
    assert "2 Schwerpunktthemen" in html
    assert html.index("Arbeitsmarkt") < html.index("Wohnen")
    assert "Bezahlbarer Wohnraum." in html


def test_theme_page_shows_its_intro_and_links_back(client, process):
    page = factories.theme_page("Mobilität", teaser="Verkehrswende.")
    page.intro = "<p>Wie wir uns in Dortmund bewegen.</p>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Wie wir uns in Dortmund bewegen." in html
    assert 'href="/themen/"' in html


def test_theme_index_queries_do_not_grow_with_the_number_of_themes(
    client, process, django_assert_max_num_queries
):
    for number in range(19):
        factories.theme_page(f"Thema {number}")
    # A cold cache in two languages, and the cards' counters: none grows with the themes.
    with django_assert_max_num_queries(25):
        assert client.get("/themen/").status_code == 200


@pytest.mark.parametrize("roles", [["Redaktion"]])
def test_editors_manage_themes_in_the_admin(client, db, roles):
    client.force_login(factories.UserFactory(roles=roles))
    response = client.post(
        "/admin/snippets/participation/theme/add/",
        {"name": "Neues Thema", "slug": "neues-thema", "sort_order": 20},
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="neues-thema").exists()


def test_moderators_may_not_manage_themes(client, db):
    client.force_login(factories.UserFactory(roles=["Moderation"]))
    response = client.post(
        "/admin/snippets/participation/theme/add/",
        {"name": "Neues Thema", "slug": "neues-thema", "sort_order": 20},
    )
    assert response.status_code in (302, 403)
    assert not Theme.objects.filter(slug="neues-thema").exists()


def test_a_duplicate_theme_name_gets_a_german_message(client, db):
    Theme.objects.create(name="Klima", slug="klima")
    client.force_login(factories.UserFactory(roles=["Redaktion"]))
    response = client.post(
        "/admin/snippets/participation/theme/add/",
        {"name": "Klima", "slug": "klima-2", "sort_order": 3},
    )
    assert response.status_code == 200
    assert "existiert bereits" in response.content.decode()
