"""The public pages of the process: home, timeline, stage page with its results."""

import re

import pytest
from wagtail.models import Page

from cms.models import StagePage, StageResults
from tests import factories


def test_home_page_names_the_running_stage(client, process):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stufe 3 von 6 läuft" in html
    assert 'href="/stadtgespraech/stufe-3/"' in html


def test_timeline_is_an_ordered_list_marking_the_running_stage(client, process):
    html = client.get("/stadtgespraech/").content.decode()
    timeline = re.search(r'<ol class="timeline".*?</ol>', html, re.S).group(0)
    items = re.findall(r"<li class=\"timeline__item[^>]*>", timeline)
    assert len(items) == 6
    current = [item for item in items if 'aria-current="step"' in item]
    assert current == ['<li class="timeline__item timeline__item--running" aria-current="step">']
    # Screen readers hear the number even though the visual circle is hidden from them.
    assert "Stufe 3: </span><span>Stufe Nummer 3</span>" in timeline
    assert "Diese Stufe läuft jetzt." in timeline


def test_stage_page_shows_state_dates_and_neighbours(client, process):
    html = client.get("/stadtgespraech/stufe-3/").content.decode()
    assert "Stufe 3 von 6" in html
    assert "läuft" in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_stage_results_appear_only_once_published(client, process):
    stage = StagePage.objects.get(locale__language_code="de", number=2)
    results = StageResults.objects.create(
        stage=stage, summary="<p>Gemeinsame Ausgangsbilder vereinbart.</p>", live=False
    )
    results.save_revision()
    html = client.get(stage.url).content.decode()
    assert "Gemeinsame Ausgangsbilder vereinbart." not in html
    assert "werden gerade aufbereitet" in html

    results.save_revision().publish()
    html = client.get(stage.url).content.decode()
    assert "Gemeinsame Ausgangsbilder vereinbart." in html


def test_pages_render_in_english_under_the_en_prefix(client, process):
    html = client.get("/en/stadtgespraech/").content.decode()
    assert '<html lang="en"' in html
    assert "Timeline" in html
    assert 'href="/en/stadtgespraech/stufe-3/"' in html


def test_every_page_has_landmarks_and_a_skip_link(client, process):
    html = client.get("/stadtgespraech/stufe-1/").content.decode()
    assert 'href="#main"' in html
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in html


def test_footer_links_to_the_legal_pages_an_editor_chose(client, process):
    from wagtail.models import Site

    from cms.models import ContentPage, FooterSettings

    home = factories.home_page()
    imprint = factories.publish(home, ContentPage(title="Impressum", slug="impressum"))
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.imprint_page = imprint
    footer.save()
    html = client.get("/").content.decode()
    assert 'href="/impressum/"' in html


@pytest.mark.parametrize("path", ["/", "/stadtgespraech/", "/stadtgespraech/stufe-3/"])
def test_page_queries_do_not_grow_with_content(
    client, process, path, django_assert_max_num_queries
):
    # A cold cache: with content in two languages, filling the site cache looks up locales
    # and translations (two queries more than with one language), and a stage asks the apps
    # for its primary action (two more); none grows with content.
    with django_assert_max_num_queries(29):
        assert client.get(path).status_code == 200


def test_unknown_page_is_a_friendly_404(client, process):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_wagtails_placeholder_root_is_not_served_as_home(client, process):
    assert Page.objects.get(depth=2, slug="start").specific.__class__.__name__ == "HomePage"
