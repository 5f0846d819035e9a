"""Themes in English under /en/: the name an editor gave in English (`Theme.name_en`) and
the theme page's translation; what citizens wrote stays German and says so."""

import re

import pytest
from wagtail.models import Locale

from cms.translation import translate_page
from participation.models import Theme, ThemePage
from tests import factories


def english_theme(name: str, name_en: str, teaser: str = "") -> ThemePage:
    page = factories.theme_page(name, teaser=teaser)
    Theme.objects.filter(pk=page.theme_id).update(name_en=name_en)
    pairs = [(name, name_en)] + ([(teaser, f"{name_en}: in English.")] if teaser else [])
    translate_page(page, pairs)
    return page


@pytest.fixture
def mobility(db, process):
    return english_theme("Mobilität", "Mobility", teaser="Die Verkehrswende gestalten.")


def test_the_english_theme_index_lists_english_names_and_teasers(client, mobility):
    factories.theme_page("Wohnen")  # no English name, no translation
    html = client.get("/en/themen/").content.decode()
    assert '<h2 class="kern-title" lang="en"><a class="kern-link kern-link--stretched" ' in html
    assert 'href="/en/themen/' + mobility.slug + '/">Mobility</a>' in html
    assert '<p class="kern-body" lang="en">Mobility: in English.</p>' in html
    # Untranslated: the German name, marked German.
    assert '<h2 class="kern-title" lang="de">' in html and ">Wohnen</a>" in html


def test_the_english_theme_page_has_its_english_title(client, mobility):
    response = client.get(f"/en/themen/{mobility.slug}/")
    assert response.status_code == 200
    assert '<h1 class="kern-heading-x-large" lang="en">Mobility</h1>' in response.content.decode()


def test_a_statement_names_its_theme_in_english_and_stays_german_itself(client, mobility):
    statement = factories.statement(mobility.theme, text="Mehr Radwege in der Innenstadt.")
    html = client.get(f"/en/beteiligung/aussagen/{statement.pk}/").content.decode()
    assert f'<a class="kern-link" href="/en/themen/{mobility.slug}/" lang="en">Mobility</a>' in html
    assert '<p class="kern-preline" lang="en">Mobility</p>' in html
    assert re.search(r"<title>[^<]*– Mobility –", html)
    assert (
        '<blockquote class="site-quote kern-body kern-body--large" lang="de">Mehr Radwege' in html
    )
    # German readers read the German name and go to the German page.
    html = client.get(f"/beteiligung/aussagen/{statement.pk}/").content.decode()
    assert f'<a class="kern-link" href="/themen/{mobility.slug}/">Mobilität</a>' in html


def test_comments_stay_german_on_the_english_site(client, mobility):
    statement = factories.statement(mobility.theme)
    factories.comment(statement, text="Das sehe ich genauso.")
    html = client.get(f"/en/beteiligung/aussagen/{statement.pk}/").content.decode()
    assert '<p class="kern-body comment__text" lang="de">Das sehe ich genauso.</p>' in html


def test_results_and_proposals_name_the_theme_in_english(client, mobility):
    html = client.get(f"/en/beteiligung/themen/{mobility.theme.slug}/ergebnisse/").content.decode()
    assert '<span lang="en">Mobility</span>' in html
    html = client.get(f"/en/beteiligung/themen/{mobility.theme.slug}/vorschlaege/").content.decode()
    assert '<span lang="en">Mobility</span>' in html


def test_a_theme_without_english_name_is_german_and_marked_so(client, process):
    page = factories.theme_page("Sauberkeit")
    statement = factories.statement(page.theme)
    html = client.get(f"/en/beteiligung/aussagen/{statement.pk}/").content.decode()
    assert '<p class="kern-preline" lang="de">Sauberkeit</p>' in html
    # The untranslated page is reached at its English address all the same.
    assert f'href="/en/themen/{page.slug}/" lang="de">Sauberkeit</a>' in html


def test_the_theme_page_in_the_reader_language(mobility):
    from django.utils import translation

    theme = Theme.objects.get(pk=mobility.theme_id)
    assert theme.page.pk == mobility.pk
    with translation.override("en"):
        theme = Theme.objects.get(pk=mobility.theme_id)
        assert theme.page.locale.language_code == "en"
        assert str(theme) == "Mobility"
    assert str(theme) == "Mobilität"


def test_a_second_german_page_for_the_same_theme_is_refused(mobility):
    from django.core.exceptions import ValidationError

    other = ThemePage(title="Noch einmal", slug="noch-einmal", theme=mobility.theme)
    other.locale = Locale.objects.get(language_code="de")
    with pytest.raises(ValidationError) as refused:
        other.clean()
    assert refused.value.message_dict["theme"] == ["Dieses Schwerpunktthema hat schon eine Seite."]


@pytest.mark.parametrize("count", [3, 12])
def test_the_english_theme_index_costs_the_same_for_few_or_many_themes(
    client, process, count, django_assert_max_num_queries
):
    for number in range(count):
        english_theme(f"Thema {number}", f"Theme {number}", teaser=f"Kurz {number}.")
    client.get("/en/themen/")  # the site's routes and navigation into the cache
    # With the cards' counters and participants (two grouped queries for all themes).
    with django_assert_max_num_queries(21):
        response = client.get("/en/themen/")
    assert response.content.decode().count('lang="en"><a class="kern-link') == count


@pytest.mark.parametrize("count", [1, 8])
def test_an_english_statement_page_costs_the_same_however_many_themes_have_pages(
    client, process, count, django_assert_max_num_queries
):
    pages = [english_theme(f"Thema {n}", f"Theme {n}") for n in range(count)]
    statement = factories.statement(pages[0].theme)
    client.get(f"/en/beteiligung/aussagen/{statement.pk}/")
    with django_assert_max_num_queries(25):
        response = client.get(f"/en/beteiligung/aussagen/{statement.pk}/")
    assert response.status_code == 200
