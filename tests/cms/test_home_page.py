"""The home page leads to taking part: the running stage, its deadline and one primary action
at the top, and below it what else is open now (cms.teasers and the apps' hooks)."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from cms.models import StagePage, StageResults
from konferenzen.models import Conference
from strategie.models import FieldOfAction, Goal, KeyFigure
from tests import factories

pytestmark = pytest.mark.django_db


def hero(html: str) -> str:
    return re.search(r'<section class="home-now".*?</section>', html, re.S).group(0)


def teasers(html: str) -> str:
    found = re.search(r'<ul class="site-cards home-teasers">.*?</ul>', html, re.S)
    return found.group(0) if found else ""


def conference(*, stage: int, opens_in_days: int = -5, closes_in_days: int = 15, **fields):
    now = timezone.now()
    defaults = {
        "title": "Unser Dortmund – Wie wir es wollen",
        "slug": f"konferenz-{stage}",
        "stage": stage,
        "starts_at": now + datetime.timedelta(days=20),
        "ends_at": now + datetime.timedelta(days=20, hours=6),
        "venue_name": "Rathaus",
        "venue_address": "Friedensplatz 1\n44135 Dortmund",
        "capacity": 120,
        "registration_opens": now + datetime.timedelta(days=opens_in_days),
        "registration_closes": now + datetime.timedelta(days=closes_in_days),
        "contact_email": "konferenzteam@example.org",
    }
    return Conference.objects.create(**{**defaults, **fields})


def test_a_running_consultation_is_the_primary_action_with_its_deadline(client, process, today):
    html = client.get("/").content.decode()
    top = hero(html)
    assert "Stufe 3 von 6 läuft" in top
    assert 'href="/stadtgespraech/stufe-3/"' in top
    button = re.search(r'<a class="kern-btn kern-btn--primary[^"]*" href="([^"]+)">(.*?)</a>', top)
    assert button.group(1) == "/beteiligung/mitmachen/"
    assert "Jetzt mitmachen: Zielbilder bewerten und kommentieren" in button.group(2)
    closes = StagePage.objects.get(locale__language_code="de", number=3).end_date
    assert f'<time datetime="{closes.isoformat()}">' in top
    assert "Mitmachen bis einschließlich" in top
    assert f"noch {(closes - today).days} Tage" in top
    # One primary action on the page, at the top.
    assert html.count("kern-btn--primary") == 1


def test_the_action_counts_what_waits_for_a_vote(client, process):
    theme = factories.theme_page("Mobilität").theme
    other = factories.theme_page("Wohnen").theme
    for _ in range(3):
        factories.statement(theme, stage=3)
    factories.statement(other, stage=3)
    factories.statement(other, stage=3, state="withdrawn")
    factories.statement(other, stage=1, kind="ausgangsbild")
    top = hero(client.get("/").content.decode())
    assert "4 Zielbilder aus 2 Schwerpunktthemen warten auf Ihre Meinung." in top


def test_a_conference_stage_taking_registrations_offers_to_register(client, today):
    factories.process_with_stages(today=today, running=2)
    registration = conference(stage=2, title="Unser Dortmund – Wie wir es sehen")
    html = client.get("/").content.decode()
    top = hero(html)
    assert "Jetzt anmelden: Unser Dortmund – Wie wir es sehen" in top
    assert f'href="/konferenzen/{registration.slug}/anmelden/"' in top
    assert "Anmeldung bis" in top
    # The same registration is not offered a second time as a teaser.
    assert f"/konferenzen/{registration.slug}/anmelden/" not in teasers(html)


def test_a_stage_with_nothing_to_do_online_shows_no_action(client, today):
    factories.process_with_stages(today=today, running=5)
    html = client.get("/").content.decode()
    top = hero(html)
    assert "Stufe 5 von 6 läuft" in top
    assert "Kurzbeschreibung der Stufe 5." in top
    assert "kern-btn" not in top


def test_when_no_stage_runs_the_home_page_says_what_comes_next(client, today):
    factories.process_with_stages(today=today, running=0)
    top = hero(client.get("/").content.decode())
    assert "Gerade läuft keine Stufe" in top
    start = StagePage.objects.get(locale__language_code="de", number=1).start_date
    assert "beginnt Stufe 1" in top and 'href="/stadtgespraech/stufe-1/"' in top
    assert f"{start.day}." in top
    assert "kern-btn" not in top


def test_an_open_registration_is_a_teaser_while_it_is_open(client, process):
    registration = conference(stage=4)
    html = client.get("/").content.decode()
    cards = teasers(html)
    assert "Stadtkonferenz · Anmeldung offen" in cards
    assert "Unser Dortmund – Wie wir es wollen" in cards
    assert "noch 120 Plätze" in cards
    assert f'href="/konferenzen/{registration.slug}/anmelden/"' in cards
    assert "Jetzt anmelden" in cards

    registration.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    registration.registration_opens = timezone.now() - datetime.timedelta(days=5)
    registration.save()
    assert "/anmelden/" not in teasers(client.get("/").content.decode())


def test_a_registration_not_yet_open_is_no_teaser(client, process):
    conference(stage=4, opens_in_days=3, closes_in_days=15)
    assert "Anmeldung offen" not in client.get("/").content.decode()


def test_the_latest_published_results_are_a_teaser(client, process):
    assert "Ergebnisse lesen" not in client.get("/").content.decode()
    first = StageResults.objects.create(
        stage=StagePage.objects.get(locale__language_code="de", number=1),
        summary="<p>Ausgangsbilder zu allen Themen.</p>",
    )
    first.save_revision().publish()
    second = StageResults.objects.create(
        stage=StagePage.objects.get(locale__language_code="de", number=2),
        summary="<p>Die Konferenz hat sich auf <b>gemeinsame</b> Ausgangsbilder verständigt.</p>",
        live=False,
    )
    second.save_revision()
    cards = teasers(client.get("/").content.decode())
    assert "Ausgangsbilder zu allen Themen." in cards
    assert 'href="/stadtgespraech/stufe-1/#results-heading"' in cards

    second.save_revision().publish()
    cards = teasers(client.get("/").content.decode())
    assert "Stufe 2: Stufe Nummer 2" in cards
    assert "Die Konferenz hat sich auf gemeinsame Ausgangsbilder verständigt." in cards
    assert "Ausgangsbilder zu allen Themen." not in cards


def strategy_with_goals(count: int = 1, *, first: int = 1) -> None:
    for number in range(first, first + count):
        goal = Goal.objects.create(number=number, name=f"Stadtziel {number}")
        field = FieldOfAction.objects.create(goal=goal, name=f"Feld {number}", slug=f"f-{number}")
        KeyFigure.objects.create(field=field, name=f"Kennzahl {number}", unit="%")


def test_the_goals_on_track_are_a_teaser_once_the_implementation_runs(client, today):
    factories.process_with_stages(today=today, running=6)
    strategy_with_goals(2)
    cards = teasers(client.get("/").content.decode())
    assert "Stadtziele auf Kurs" in cards
    # Goals without any assessed key figure are not on track.
    assert "0 von 2" in cards
    assert 'href="/monitoring/"' in cards


def test_no_key_figures_on_the_home_page_before_the_implementation(client, process):
    strategy_with_goals(2)
    assert "Stadtziele auf Kurs" not in client.get("/").content.decode()


def test_a_consultation_outlasting_its_stage_is_a_teaser(client, today):
    """The Ausgangsbilder stay open into the conference stage, which has its own action."""
    factories.process_with_stages(today=today, running=2)
    stage = StagePage.objects.get(locale__language_code="de", number=1)
    stage.consultation_until = today + datetime.timedelta(days=3)
    stage.save_revision().publish()
    html = client.get("/").content.decode()
    cards = teasers(html)
    assert "Ausgangsbilder bewerten und kommentieren" in cards
    assert 'href="/beteiligung/mitmachen/"' in cards
    assert "kern-btn" not in hero(html)  # the conference takes no registrations yet


def test_the_home_page_in_english(client, process):
    html = client.get("/en/").content.decode()
    top = hero(html)
    assert "Take part now: rate and comment on vision statements" in top
    assert 'href="/en/beteiligung/mitmachen/"' in top


def test_the_home_page_asks_the_database_the_same_whatever_the_data(
    client, today, django_assert_max_num_queries
):
    factories.process_with_stages(today=today, running=6, consultation=(1, 3, 6))
    theme = factories.theme_page("Mobilität").theme
    factories.statement(theme, stage=6)
    for number in range(2):
        conference(stage=4, slug=f"konferenz-{number}")
    strategy_with_goals(1)
    results = StageResults.objects.create(
        stage=StagePage.objects.get(locale__language_code="de", number=2), summary="<p>A</p>"
    )
    results.save_revision().publish()
    client.get("/")
    with django_assert_max_num_queries(30) as few:
        assert client.get("/").status_code == 200
    # Counted now: the connection keeps only the latest queries, and more are coming.
    few = len(few.captured_queries)

    for number in range(2, 8):
        conference(stage=4, slug=f"konferenz-{number}")
    for _ in range(40):
        factories.statement(theme, stage=6)
    strategy_with_goals(8, first=2)
    for number in (1, 3):
        more = StageResults.objects.create(
            stage=StagePage.objects.get(locale__language_code="de", number=number),
            summary="<p>B</p>",
        )
        more.save_revision().publish()
    client.get("/")
    with django_assert_max_num_queries(few):
        assert client.get("/").status_code == 200


def test_favicon_ico_leads_to_the_icon_the_pages_name(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon-32.png")
    assert finders.find("img/favicon-32.png")
