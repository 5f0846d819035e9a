"""The page tree is cached (cms.sitecache), and what an editor changes still shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from cms.models import ContentPage, FooterSettings, ProcessPage
from tests import factories


def navigation_of(html: str) -> str:
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_page_seen_before_is_found_without_walking_the_tree(client, process):
    client.get("/")  # the site's footer settings are created on first use
    with CaptureQueriesContext(connection) as first:
        assert client.get("/stadtgespraech/stufe-3/").status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get("/stadtgespraech/stufe-3/").status_code == 200
    assert len(again) <= len(first) - 4
    assert not [q for q in again.captured_queries if "wagtailcore_site" in q["sql"]]
    assert not [q for q in again.captured_queries if "cms_footersettings" in q["sql"]]


def test_a_newly_published_page_is_in_the_navigation_and_reachable_at_once(client, process):
    client.get("/")
    factories.publish(
        factories.home_page(), ContentPage(title="Mitmachen", slug="mitmachen", show_in_menus=True)
    )
    assert 'href="/mitmachen/"' in navigation_of(client.get("/").content.decode())
    assert client.get("/mitmachen/").status_code == 200


def test_an_unpublished_page_leaves_the_navigation_and_its_address_at_once(client, process):
    page = factories.publish(
        factories.home_page(), ContentPage(title="Mitmachen", slug="mitmachen", show_in_menus=True)
    )
    assert client.get("/mitmachen/").status_code == 200
    assert 'href="/mitmachen/"' in navigation_of(client.get("/").content.decode())
    page.unpublish()
    assert client.get("/mitmachen/").status_code == 404
    assert 'href="/mitmachen/"' not in navigation_of(client.get("/").content.decode())


def test_a_renamed_page_answers_at_its_new_address_only(client, process):
    assert client.get("/stadtgespraech/").status_code == 200
    page = ProcessPage.objects.get(locale__language_code="de")
    page.slug = "strategieprozess"
    page.save_revision().publish()
    assert client.get("/stadtgespraech/").status_code == 404
    assert client.get("/strategieprozess/").status_code == 200
    assert 'href="/strategieprozess/"' in navigation_of(client.get("/").content.decode())


def test_a_page_made_private_leaves_the_navigation_and_asks_for_a_login(client, process):
    assert client.get("/stadtgespraech/").status_code == 200
    PageViewRestriction.objects.create(
        page=ProcessPage.objects.get(locale__language_code="de"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert 'href="/stadtgespraech/"' not in navigation_of(client.get("/").content.decode())
    response = client.get("/stadtgespraech/")
    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_a_changed_footer_shows_at_once(client, process):
    assert "Stadt Dortmund" not in client.get("/").content.decode()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.operator = "Stadt Dortmund"
    footer.save()
    assert "Stadt Dortmund" in client.get("/").content.decode()


@pytest.mark.parametrize("language,prefix", [("de", ""), ("en", "/en")])
def test_the_navigation_is_kept_per_language(client, process, language, prefix):
    client.get("/")
    html = client.get(f"{prefix}/").content.decode()
    assert f'href="{prefix}/stadtgespraech/"' in navigation_of(html)
