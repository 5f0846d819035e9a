"""The Stadtgespräch explained in Leichte Sprache: a page editors keep in the admin, linked
from the header of every page, German in every interface language."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from cms.models import EasyLanguagePage
from tests import factories

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Worum geht es?", "level": "h2"}),
    ("paragraph", "<p>Dortmund ist eine große Stadt.</p>"),
    ("explanation", {"word": "Rat", "explanation": "Der Rat sind Politiker.\nSie entscheiden."}),
]


@pytest.fixture
def easy_page(db):
    home = factories.home_page()
    return factories.publish(
        home, EasyLanguagePage(title="Leichte Sprache", slug="leichte-sprache", body=BODY)
    )


def header_of(client, path: str) -> str:
    html = client.get(path).content.decode()
    return html[html.index("<header") : html.index("</header>")]


def test_every_page_links_to_it_in_the_header(client, easy_page, process):
    for path in ("/", "/stadtgespraech/", "/suche/", "/konto/login/"):
        header = header_of(client, path)
        link = re.search(
            r'class="kern-link easy-language-link" href="([^"]+)" hreflang="de"', header
        )
        assert link and link.group(1) == "/leichte-sprache/", path
        assert '<svg class="easy-language-link__icon"' in header
        assert "<span>Leichte Sprache</span>" in header


def test_the_english_site_links_to_the_german_page_and_says_what_it_is(client, easy_page):
    header = header_of(client, "/en/")
    assert 'href="/leichte-sprache/" hreflang="de"' in header
    assert 'Easy-to-read German / <span lang="de">Leichte Sprache</span>' in header


def test_the_page_is_german_whatever_the_interface_speaks(client, easy_page):
    html = client.get("/en/leichte-sprache/").content.decode()
    assert '<html lang="en"' in html
    assert '<article class="easy-read" lang="de">' in html
    assert "Dortmund ist eine große Stadt." in html
    assert 'role="note"' in html and "<strong>Rat</strong>" in html


def test_without_the_page_there_is_no_link(client, easy_page):
    easy_page.unpublish()
    assert "easy-language-link" not in header_of(client, "/")


def test_editors_change_it_in_the_admin_with_the_rules_at_hand(client, easy_page):
    editor = factories.UserFactory(roles=["Redaktion"])
    client.force_login(editor)
    response = client.get(f"/admin/pages/{easy_page.pk}/edit/")
    assert response.status_code == 200
    assert "Regeln für Leichte Sprache" in response.content.decode()
    assert easy_page.permissions_for_user(editor).can_edit()
    # One per site: the header links to exactly one.
    assert not EasyLanguagePage.can_create_at(easy_page.get_parent())


# --- The demo's text follows the rules that a machine can check ------------------------------


@pytest.fixture
def demo_text(db):
    call_command("demo_data", force=True, stdout=io.StringIO())
    page = EasyLanguagePage.objects.get(locale__language_code="de")
    sentences = []
    for block in page.body:
        if block.block_type == "paragraph":
            html = block.value.source.replace("</p>", "\n").replace("</li>", "\n")
            sentences += strip_tags(html).split("\n")
        elif block.block_type == "explanation":
            sentences += block.value["explanation"].split("\n")
    headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
    return page, headings, [s.strip() for s in sentences if s.strip()]


def test_the_demo_explains_the_six_stages_how_to_take_part_and_who_decides(demo_text):
    page, headings, _sentences = demo_text
    assert page.live and page.url == "/leichte-sprache/"
    assert "Das Stadt·gespräch hat 6 Schritte" in headings
    assert [h for h in headings if h.startswith("Schritt ")] == [
        f"Schritt {n}: {title}"
        for n, title in enumerate(
            [
                "Treffen in Gruppen",
                "Die 1. große Konferenz",
                "Wieder Treffen in Gruppen",
                "Die 2. große Konferenz",
                "Der Rat entscheidet",
                "Die Stadt setzt den Plan um",
            ],
            start=1,
        )
    ]
    assert set(headings) >= {"So können Sie mitmachen", "Wer entscheidet?"}


def test_the_demo_uses_short_sentences_digits_and_no_abbreviations(demo_text):
    _page, _headings, sentences = demo_text
    assert len(sentences) > 40
    too_long = [s for s in sentences if len(s.split()) > 14]
    assert too_long == []
    number_words = re.compile(r"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\b", re.I)
    assert [s for s in sentences if number_words.search(s)] == []
    abbreviations = re.compile(r"\b(z\. ?B|bzw|usw|d\. ?h|ca|u\. ?a|ggf|evtl|Nr)\.")
    assert [s for s in sentences if abbreviations.search(s)] == []
    # "wird gewählt": werden with a participle; "daraus wird ein Vorschlag" is no passive.
    passive = re.compile(r"\b(wird|werden|wurde|wurden)\b.*\bge\w+(t|en)\b")
    assert [s for s in sentences if passive.search(s)] == []
