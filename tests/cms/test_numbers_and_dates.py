"""Numbers and dates as the reader writes them: "54.440 Bewertungen" and "5. Februar 2027" in
German, "54,440" and "Feb. 5, 2027" in English; what is no quantity (an id in an address or an
attribute, "Nr. 12345") stays as it is."""

import datetime
import re

import pytest
from django.utils import translation

from cms.numbers import grouped
from participation.frontdoor import waiting_sentence
from participation.models import Statement
from tests import factories

BIG_ID = 12345
GROUPED_ID = re.compile(r"12[.,]345")


@pytest.fixture
def theme_page(process):
    return factories.theme_page("Mobilität")


@pytest.fixture
def big(theme_page):
    """A statement whose id and counts are past a thousand."""
    statement = factories.statement(theme_page.theme, stage=3, id=BIG_ID)
    Statement.objects.filter(pk=statement.pk).update(
        agree_count=54440, disagree_count=1200, neutral_count=7, agreement=0.9
    )
    factories.comment(statement)
    return statement


def test_quantities_have_thousands_separators_in_each_language(client, big, theme_page):
    german = client.get(f"/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/").content
    assert "55.647" in german.decode()  # all votes of the theme
    english = client.get(f"/en/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/").content
    assert "55,647" in english.decode()
    assert "55647" not in german.decode() + english.decode()


@pytest.mark.parametrize("language", ["", "/en"])
def test_ids_are_never_grouped(client, big, theme_page, language):
    pages = [
        f"{language}/beteiligung/aussagen/{BIG_ID}/",
        f"{language}{theme_page.url}",
        f"{language}/beteiligung/mitmachen/",
        f"{language}/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/",
    ]
    for path in pages:
        html = client.get(path).content.decode()
        assert str(BIG_ID) in html, path
        assert not GROUPED_ID.search(html), path


def test_a_signed_in_citizen_sees_ids_ungrouped_in_the_forms(client, citizen, big):
    client.force_login(citizen)
    html = client.get(f"/beteiligung/aussagen/{BIG_ID}/").content.decode()
    assert f'action="/beteiligung/aussagen/{BIG_ID}/bewerten/"' in html
    assert not GROUPED_ID.search(html)


def test_sentences_built_in_python_group_their_numbers(process):
    from cms.process import current_stage

    stage = current_stage()
    with translation.override("de"):
        assert waiting_sentence(stage, 1234, 19).startswith("1.234 ")
        assert grouped(54440) == "54.440"
    with translation.override("en"):
        assert waiting_sentence(stage, 1234, 19).startswith("1,234 ")
        assert grouped(54440) == "54,440"


def test_dates_are_written_out_on_pages_and_short_in_tables(client, citizen, big):
    day = datetime.date(2027, 2, 5)
    with translation.override("de"):
        from django.template import Context, Template

        page = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": day}))
        table = Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": day}))
    assert (page, table) == ("5. Februar 2027", "05.02.2027")
    with translation.override("en"):
        page = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": day}))
    assert page == "Feb. 5, 2027"
    # The statement page says when each comment was written, in words.
    html = client.get(f"/beteiligung/aussagen/{BIG_ID}/").content.decode()
    assert re.search(r"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                     r"Oktober|November|Dezember) \d{4}", html)  # fmt: skip
