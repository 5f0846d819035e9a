"""The main navigation grows with the process: the strategy, the council paper and the
monitoring join it as the process reaches them (cms.navigation and zielbilder's hook)."""

import datetime
import re

import pytest
from django.utils import timezone

from ratsvorlage.compilation import publish
from ratsvorlage.models import PaperVersion
from tests import factories

pytestmark = pytest.mark.django_db


def menu(client, path: str = "/") -> list[tuple[str, str]]:
    html = client.get(path).content.decode()
    navigation = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a class="main-nav__link" href="([^"]+)"[^>]*>([^<]+)</a>', navigation)


def titles(client, path: str = "/") -> list[str]:
    return [title for _url, title in menu(client, path)]


def test_while_the_workshops_run_the_menu_holds_the_process_and_the_themes(client, today):
    factories.process_with_stages(today=today, running=3)
    factories.theme_page("Mobilität")
    assert titles(client) == ["Start", "Stadtgespräch", "Schwerpunktthemen"]


def test_the_council_stage_adds_the_strategy_and_the_paper(client, today):
    factories.process_with_stages(today=today, running=5)
    assert menu(client)[-2:] == [("/strategie/", "Strategie"), ("/ratsvorlage/", "Ratsvorlage")]
    assert "Monitoring" not in titles(client)


def test_the_implementation_adds_the_monitoring(client, today):
    factories.process_with_stages(today=today, running=6)
    assert titles(client)[-3:] == ["Strategie", "Ratsvorlage", "Monitoring"]
    assert ("/monitoring/", "Monitoring") in menu(client)


def test_a_published_paper_is_in_the_menu_before_its_stage_begins(client, today):
    factories.process_with_stages(today=today, running=4)
    assert "Ratsvorlage" not in titles(client)
    draft = PaperVersion.objects.create(
        number=1, title="Stadtstrategie", paper_number="1/26", proposed_resolution="R"
    )
    draft.state = "draft"
    draft.save()
    assert "Ratsvorlage" not in titles(client)
    publish(draft)
    assert titles(client)[-1] == "Ratsvorlage"
    assert "Strategie" not in titles(client)


def test_a_stage_that_begins_by_its_date_changes_the_menu_that_day(client, today, monkeypatch):
    """Nobody publishes anything when a stage begins: the cached header must still show it."""
    # Stage 5 begins tomorrow.
    factories.process_with_stages(today=today + datetime.timedelta(days=15), running=5)
    assert "Strategie" not in titles(client)
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "Strategie" in titles(client)


def test_the_menu_marks_the_section_one_is_in(client, today):
    factories.process_with_stages(today=today, running=6)
    html = client.get("/strategie/").content.decode()
    assert '<a class="main-nav__link" href="/strategie/" aria-current="page">Strategie</a>' in html


def test_the_menu_speaks_english_under_en(client, today):
    factories.process_with_stages(today=today, running=6)
    items = menu(client, "/en/")
    assert ("/en/strategie/", "Strategy") in items
    assert ("/en/monitoring/", "Monitoring") in items
    # Interface words are not marked as German content.
    html = client.get("/en/").content.decode()
    assert 'href="/en/strategie/" lang="de"' not in html
