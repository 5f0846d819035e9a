"""The overview of the Schwerpunktthemen: one card per theme with its image, whether input is
open and until when, and what people did there – counted as the results page counts it, in
queries that do not grow with the themes or the votes."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format
from wagtail.images import get_image_model

from accounts.models import User
from cms.stages import Consultation
from participation import tasks
from participation.models import Proposal, Vote
from participation.pictograms import pictogram_svg
from participation.results import theme_summary
from participation.theme_figures import (
    PARTICIPANTS_CACHE_KEY,
    PARTICIPANTS_CACHE_SECONDS,
    PARTICIPANTS_REFRESH_SECONDS,
    input_window,
    participants_per_theme,
)
from participation.votes import recount_votes
from tests import factories

# A number as the page prints it, with or without thousands separators ("54.440", "54,440").
FIGURE = re.compile(r'class="theme-card__number">([\d.,]+)</span>\s*([^<]+?)</li>')


def number(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def cards(html: str) -> dict[str, str]:
    """Each card's HTML by the theme's title."""
    found = {}
    for part in html.split('<li class="kern-card kern-card--interactive theme-card">')[1:]:
        card = part.split("</ul>\n                </div>\n            </li>")[0]
        title = re.search(r'kern-link--stretched" href="[^"]+">([^<]+)</a>', card).group(1)
        found[title] = card
    return found


def figures(card: str) -> dict[str, int]:
    return {label.split()[0]: number(value) for value, label in FIGURE.findall(card)}


def busy_theme(name: str, *, voters: list[User]):
    """A theme with published, withdrawn and draft statements, votes, visible and hidden
    comments and proposals: each thing the figures count, and each they must leave out."""
    page = factories.theme_page(name)
    theme = page.theme
    first = factories.statement(theme, text="Veröffentlicht.")
    second = factories.statement(theme, kind="ausgangsbild", stage=1, text="Auch öffentlich.")
    withdrawn = factories.statement(theme, state="withdrawn", text="Zurückgezogen.")
    factories.statement(theme, state="draft", text="Entwurf.")
    for statement, people in ((first, voters), (second, voters[:3]), (withdrawn, voters[:2])):
        for person in people:
            Vote.objects.create(statement=statement, user=person, choice="agree")
        recount_votes(statement)
    commenter = factories.UserFactory()
    factories.comment(first, author=commenter)
    factories.comment(first, author=voters[0])
    factories.comment(second, author=factories.UserFactory(), visibility="hidden")
    Proposal.objects.create(
        theme=theme, kind="zielbild", stage=3, author=factories.UserFactory(), text="x" * 40
    )
    return page


def test_every_theme_is_a_card_linking_to_its_page(client, process):
    for name in ("Wohnen", "Klima", "Mobilität"):
        factories.theme_page(name, teaser=f"Kurztext {name}.")
    html = client.get("/themen/").content.decode()
    found = cards(html)
    assert sorted(found) == ["Klima", "Mobilität", "Wohnen"]
    for name, card in found.items():
        assert f"Kurztext {name}." in card
        # The title's link stretches over the card; nothing else in it may be interactive.
        assert card.count("<a ") == 1 and "<button" not in card and "<input" not in card


def results_page_figures(client, theme) -> dict[str, int]:
    html = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    pairs = re.findall(
        r'__key">([^<]+)</dt><dd class="kern-description-list-item__value">([\d.,]+)', html
    )
    shown = {"Aussagen", "Bewertungen", "Kommentare", "Teilnehmende"}
    return {label: number(value) for label, value in pairs if label in shown}


def test_a_card_counts_what_the_results_page_counts(client, process):
    voters = [factories.UserFactory() for _ in range(5)]
    page = busy_theme("Mobilität", voters=voters)
    factories.theme_page("Wohnen")

    found = cards(client.get("/themen/").content.decode())

    assert figures(found["Mobilität"]) == results_page_figures(client, page.theme)
    # That is: 2 published statements (the withdrawn one and the draft left out), 5 + 3 votes
    # on them, 2 visible comments, and 7 people: 5 voters, a commenter and a proposer.
    assert figures(found["Mobilität"]) == {
        "Aussagen": 2,
        "Bewertungen": 8,
        "Kommentare": 2,
        "Teilnehmende": 7,
    }
    assert set(figures(found["Wohnen"]).values()) == {0}


def test_participants_per_theme_in_one_query_equal_the_results_pages_count(
    process, django_assert_num_queries
):
    voters = [factories.UserFactory() for _ in range(4)]
    pages = [busy_theme(f"Thema {n}", voters=voters[: n + 2]) for n in range(3)]
    with django_assert_num_queries(1):
        counts = participants_per_theme()
    for page in pages:
        assert counts[page.theme_id] == theme_summary(page.theme).participants


def test_cards_say_until_when_input_is_open(client, process, today):
    factories.theme_page("Mobilität")
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    closes = date_format(today + datetime.timedelta(days=14), "DATE_FORMAT")
    assert f"Eingaben bis {closes} möglich" in card
    assert "Beteiligung beendet" not in card


def test_cards_say_when_input_has_ended(client, db, today):
    factories.process_with_stages(today=today, running=5)
    factories.theme_page("Mobilität")
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    assert "Beteiligung beendet" in card
    assert "Eingaben bis" not in card


def test_cards_say_from_when_input_will_be_possible(client, db, today):
    factories.process_with_stages(today=today, running=1, consultation=(3,))
    factories.theme_page("Mobilität")
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    opens = date_format(today + datetime.timedelta(days=60 - 14), "DATE_FORMAT")
    assert f"Eingaben ab {opens} möglich" in card


def consultation(state: str, day: int) -> Consultation:
    date = datetime.date(2027, 2, day)
    if state == "open":
        return Consultation(offered=True, is_open=True, opens=date, closes=date)
    if state == "not_yet":
        return Consultation(offered=True, is_open=False, opens=date, closes=date, not_yet=True)
    return Consultation(offered=True, is_open=False, opens=date, closes=date)


def test_a_themes_input_window_follows_the_stages_of_its_statements():
    """Proposals are open to every theme while their stage's consultation runs; beyond that,
    a theme is open while a stage it has statements in is."""
    proposals = {1, 3}
    windows = {1: consultation("closed", 1), 3: consultation("not_yet", 20)}
    assert input_window({1}, windows, proposals=proposals).state == "not_yet"
    assert input_window({1}, windows, proposals=proposals).date == datetime.date(2027, 2, 20)
    assert input_window({1}, windows).state == "closed"
    windows[5] = consultation("open", 10)
    assert input_window({1, 5}, windows, proposals=proposals).state == "open"
    assert input_window({1}, windows, proposals=proposals).state == "not_yet"
    windows[3] = consultation("open", 28)
    assert input_window({1, 5}, windows, proposals=proposals).date == datetime.date(2027, 2, 28)
    assert input_window(set(), {1: consultation("closed", 3)}, proposals=proposals).state == (
        "closed"
    )
    assert input_window({1}, {}, proposals=proposals).state == "none"


def test_a_theme_without_online_participation_says_nothing_about_input(client, db, today):
    factories.process_with_stages(today=today, running=3, consultation=())
    factories.theme_page("Mobilität")
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    assert "Eingaben" not in card and "Beteiligung beendet" not in card


def many_votes(theme_pages, count: int) -> int:
    """`count` votes spread over the themes' statements, most on the first (early statements
    are seen far more than late ones)."""
    statements = [factories.statement(page.theme) for page in theme_pages for _ in range(2)]
    people = User.objects.bulk_create(
        User(email=f"waehler{n}@example.org", display_name=f"W {n}")
        for n in range(count // len(statements) + count // 2)
    )
    votes, person = [], 0
    for index, statement in enumerate(statements):
        share = count // 2 if index == 0 else (count - count // 2) // (len(statements) - 1)
        for _ in range(share):
            choice = "agree" if person % 3 else "disagree"
            votes.append(
                Vote(statement=statement, user=people[person % len(people)], choice=choice)
            )
            person += 1
    Vote.objects.bulk_create(votes)
    for statement in statements:
        recount_votes(statement)
    return len(votes)


# The site's chrome in two languages (locales, translations), the pages, the renditions
# (prefetched), the counters, the participants.
QUERIES = 19


@pytest.mark.parametrize("themes, votes", [(3, 10), (19, 10), (3, 2000), (19, 2000)])
def test_the_overview_costs_the_same_for_3_or_19_themes_and_10_or_2000_votes(
    client, process, themes, votes, django_assert_max_num_queries
):
    pages = [factories.theme_page(f"Thema {n}") for n in range(themes)]
    for page in pages:
        page.image = svg_image("wohnen")
        page.save_revision().publish()
    cast = many_votes(pages, votes)
    client.get("/themen/")  # renders the images once, as the first visitor does
    cache.delete(PARTICIPANTS_CACHE_KEY)
    with django_assert_max_num_queries(QUERIES):
        html = client.get("/themen/").content.decode()
    assert len(cards(html)) == themes
    assert sum(figures(card)["Bewertungen"] for card in cards(html).values()) == cast
    for page in pages[:3]:
        voters = Vote.objects.filter(statement__theme=page.theme).values("user").distinct()
        assert figures(cards(html)[page.title])["Teilnehmende"] == voters.count()


def test_the_participants_figure_is_counted_once_for_a_few_minutes(client, process):
    factories.theme_page("Mobilität")
    with CaptureQueriesContext(connection) as first:
        client.get("/themen/")
    with CaptureQueriesContext(connection) as second:
        client.get("/themen/")
    union = [q["sql"] for q in first.captured_queries if "UNION" in q["sql"]]
    assert len(union) == 1
    assert not [q for q in second.captured_queries if "UNION" in q["sql"]]


def test_a_periodic_task_keeps_the_participants_count_fresh(client, process, settings):
    """Counting the participants reads every vote; the overview shows the task's count."""
    page = factories.theme_page("Mobilität")
    statement = factories.statement(page.theme)
    client.get("/themen/")  # no count kept yet: this request counts (0)
    Vote.objects.create(statement=statement, user=factories.UserFactory(), choice="agree")
    recount_votes(statement)
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    assert figures(card)["Teilnehmende"] == 0 and figures(card)["Bewertung"] == 1

    assert tasks.count_theme_participants.delay().get() == 1

    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    assert figures(card)["Teilnehmende"] == 1
    schedule = settings.CELERY_BEAT_SCHEDULE["participation-count-theme-participants"]
    assert schedule["task"] == "participation.tasks.count_theme_participants"
    assert schedule["schedule"] == PARTICIPANTS_REFRESH_SECONDS < PARTICIPANTS_CACHE_SECONDS


def svg_image(slug: str):
    return get_image_model().objects.create(
        title=f"Piktogramm {slug}",
        file=ContentFile(pictogram_svg(slug).encode(), name=f"piktogramm-{slug}.svg"),
    )


def test_a_pictogram_shows_as_an_svg_with_empty_alt_text(client, process):
    page = factories.theme_page("Mobilität")
    page.image = svg_image("mobilitaet")
    page.save_revision().publish()
    card = cards(client.get("/themen/").content.decode())["Mobilität"]
    image = re.search(r"<img [^>]+>", card).group(0)
    assert 'alt=""' in image
    assert re.search(r'src="/media/images/piktogramm-mobilitaet[^"]*\.svg"', image)
    theme_html = client.get(page.url).content.decode()
    assert re.search(r'<img alt="" [^>]*src="/media/images/piktogramm-mobilitaet', theme_html)


def test_an_editors_photo_keeps_its_alternative_text(client, process):
    from wagtail.images.tests.utils import get_test_image_file

    page = factories.theme_page("Wohnen")
    page.image = get_image_model().objects.create(
        title="Neubau in Hörde", file=get_test_image_file(size=(1200, 800))
    )
    page.image_alt = "Neue Wohnhäuser am Phoenix-See"
    page.save_revision().publish()
    card = cards(client.get("/themen/").content.decode())["Wohnen"]
    image = re.search(r"<img [^>]+>", card).group(0)
    assert 'alt="Neue Wohnhäuser am Phoenix-See"' in image
    assert ".webp" in image  # a photo becomes a small WebP, a pictogram stays an SVG


def test_a_card_without_an_image_has_no_empty_media_box(client, process):
    factories.theme_page("Kultur")
    card = cards(client.get("/themen/").content.decode())["Kultur"]
    assert "kern-card__media" not in card
