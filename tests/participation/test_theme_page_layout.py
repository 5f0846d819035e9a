"""A theme page on a phone: the statements come first, the filters fold into one
„Filtern und sortieren“ disclosure that works without JavaScript, and where nobody can vote
the cards show the result and a short note instead of buttons nobody can press."""

import datetime
import re

from django.utils.formats import date_format

from tests import factories


def card_of(html: str, statement) -> str:
    start = html.index(f'id="aussage-{statement.pk}"')
    return html[start : html.index("</article>", start)]


def disclosure(html: str) -> str:
    start = html.index('<details class="kern-accordion statement-filter-disclosure"')
    return html[start : html.index("</details>", start) + len("</details>")]


def test_the_filters_fold_into_one_disclosure_with_a_get_form_inside(client, zielbild):
    html = client.get(zielbild.theme.page.url).content.decode()
    folded = disclosure(html)
    assert folded.startswith('<details class="kern-accordion statement-filter-disclosure">')
    assert re.search(r"<summary[^>]*>.*Filtern und sortieren\s*<", folded, re.S)
    assert '<form method="get"' in folded
    for field in ('name="q"', 'name="kind"', 'name="sector"', 'name="stage"', 'name="sort"'):
        assert field in folded
    assert "Anwenden" in folded
    assert "Filter zurücksetzen" not in html


def test_the_summary_counts_the_active_filters_and_offers_to_reset_them(client, zielbild):
    url = zielbild.theme.page.url
    html = client.get(url + "?kind=zielbild&q=Platz&sort=neu").content.decode()
    assert "Filtern und sortieren (2 aktiv)" in disclosure(html)
    assert f'<a class="kern-link" href="{url}">Filter zurücksetzen</a>' in html
    html = client.get(url + "?sort=umstritten").content.decode()
    assert "Filtern und sortieren (1 aktiv)" in disclosure(html)
    html = client.get(url + "?q=&kind=").content.decode()
    assert "aktiv)" not in disclosure(html)


def test_filters_that_need_a_correction_are_shown_open(client, zielbild):
    html = client.get(zielbild.theme.page.url + "?q=" + "x" * 300).content.decode()
    folded = disclosure(html)
    assert folded.startswith('<details class="kern-accordion statement-filter-disclosure" open>')
    assert "Bitte höchstens 200 Zeichen eingeben." in folded


def test_the_filters_work_without_javascript(client, zielbild, ausgangsbild):
    html = client.get(zielbild.theme.page.url + "?kind=ausgangsbild").content.decode()
    assert f'id="aussage-{ausgangsbild.pk}"' in html
    assert f'id="aussage-{zielbild.pk}"' not in html


def test_the_statements_come_before_the_ways_to_take_part(client, zielbild):
    html = client.get(zielbild.theme.page.url).content.decode()
    first_card = html.index('class="statement-card"')
    assert first_card < html.index('id="mitmachen"')
    assert first_card < html.index("Eigene Aussage vorschlagen")
    assert first_card < html.index("Thema folgen")
    assert html.index("<h1") < html.index('id="aussagen"') < first_card


def test_closed_cards_show_the_result_and_a_note_not_disabled_buttons(
    client, citizen, ausgangsbild, today
):
    client.force_login(citizen)
    html = client.get(ausgangsbild.theme.page.url).content.decode()
    card = card_of(html, ausgangsbild)
    ended = date_format(today - datetime.timedelta(days=46), "DATE_FORMAT")
    assert f"Bewertung beendet am {ended}" in card
    assert 'name="choice"' not in card and "disabled" not in card
    assert 'class="vote-result"' in card or "data-vote-result" in card


def test_open_cards_keep_their_buttons_for_a_verified_citizen(client, citizen, zielbild):
    client.force_login(citizen)
    html = client.get(zielbild.theme.page.url).content.decode()
    card = card_of(html, zielbild)
    assert card.count('name="choice"') == 3
    assert "disabled" not in card and "Bewertung beendet" not in card
    assert 'name="csrfmiddlewaretoken"' in card


def test_visitors_see_the_open_cards_buttons_with_the_way_to_sign_in(client, zielbild):
    html = client.get(zielbild.theme.page.url).content.decode()
    card = card_of(html, zielbild)
    assert card.count('name="choice"') == 3
    assert "Melden Sie sich an, um mitzumachen." in card
    assert "Zur Anmeldung" in card


def test_the_consultation_note_is_said_once_per_list_not_once_per_card(client, theme_page):
    for _ in range(3):
        factories.statement(theme_page.theme, kind="ausgangsbild", stage=1)
    html = client.get(theme_page.url).content.decode()
    assert html.count("Die Beteiligung ist beendet.") == 1
    assert html.count("Bewertung beendet am") == 3


def test_a_stage_not_yet_open_says_from_when(client, db, today):
    factories.process_with_stages(today=today, running=1)
    zielbild = factories.statement(factories.theme_page().theme, stage=3)
    html = client.get(zielbild.theme.page.url).content.decode()
    opens = date_format(today + datetime.timedelta(days=60 - 14), "DATE_FORMAT")
    card = card_of(html, zielbild)
    assert f"Bewertung ab {opens} möglich" in card
    assert 'name="choice"' not in card


def test_a_withdrawn_statement_in_an_open_stage_has_no_buttons(client, citizen, theme_page):
    withdrawn = factories.statement(theme_page.theme, state="withdrawn")
    client.force_login(citizen)
    card = card_of(client.get(theme_page.url).content.decode(), withdrawn)
    assert "Zurückgezogen: Sie kann nicht mehr bewertet werden." in card
    assert 'name="choice"' not in card


def test_a_stage_closed_early_by_an_editor_names_no_date_still_ahead(client, db, today):
    from cms.models import StagePage

    factories.process_with_stages(today=today, running=3)
    zielbild = factories.statement(factories.theme_page().theme, stage=3)
    stage = StagePage.objects.get(locale__language_code="de", number=3)
    stage.state_override = "closed"
    stage.save_revision().publish()
    card = card_of(client.get(zielbild.theme.page.url).content.decode(), zielbild)
    assert re.search(r"Bewertung beendet\s*<", card)
    assert 'name="choice"' not in card


def test_with_thousands_separators_statement_numbers_stay_identifiers(
    client, citizen, theme_page, settings
):
    """The lead switches on Django's thousands separator ("54.440"): figures are grouped,
    but a statement's number in its anchor, its ids and its title is not."""
    settings.USE_THOUSAND_SEPARATOR = True
    statement = factories.statement(theme_page.theme, id=12345)
    client.force_login(citizen)
    html = client.get(theme_page.url).content.decode()
    card = card_of(html, statement)
    assert 'id="aussage-12345"' in html and "12.345" not in card
    assert 'aria-labelledby="aussage-12345-titel"' in card
    assert "Zielbild Nr. 12345" in card
