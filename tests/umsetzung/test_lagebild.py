"""The monitoring dashboard as a "Lagebild": a tile per goal with its state, the shares of its
assessed key figures and how many are assessed; key-figure charts with round, localized axis
ticks; tables that scroll in their own labelled box; and the demo that fills it all."""

import datetime
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from strategie.models import FieldOfAction, Goal, KeyFigure
from umsetzung.models import KeyFigureValue

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2030, 1, 1)
HALFWAY = datetime.date(2027, 1, 1)  # the straight way from 30 to 60 expects 45 here


def key_figure(field, name, value=None, **fields):
    """A key figure on the way from 30 to 60 %; with a value, reported for HALFWAY."""
    figure = KeyFigure.objects.create(
        field=field,
        name=name,
        unit="%",
        direction="up",
        baseline_value=30,
        baseline_date=START,
        target_value=60,
        target_date=END,
        **fields,
    )
    if value is not None:
        KeyFigureValue.objects.create(key_figure=figure, date=HALFWAY, value=value)
    return figure


def tiles(client, path="/monitoring/") -> dict:
    """The dashboard's tiles by goal number: state class, the texts of the tile."""
    cache.clear()
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    found = {}
    for tile in soup.select(".goal-tile"):
        number = int(tile.select_one("a")["href"].removeprefix("#ziel-"))
        state = next(c for c in tile["class"] if c.startswith("goal-tile--"))
        found[number] = {
            "state": state.removeprefix("goal-tile--"),
            "label": tile.select_one(".goal-tile__state").get_text(" ", strip=True),
            "shares": [li.get_text(" ", strip=True) for li in tile.select(".goal-tile__share")],
            "assessed": tile.select_one(".goal-tile__assessed").get_text(" ", strip=True),
            "note": " ".join(p.get_text(" ", strip=True) for p in tile.select(".goal-tile__note")),
        }
    return found


@pytest.fixture
def goals(db):
    """Goal 3 with eleven key figures of which one has a value (on track); goal 5 with four,
    three of them assessed: on track, at risk, off track."""
    attracts = Goal.objects.create(number=3, name="Dortmund zieht an")
    field = FieldOfAction.objects.create(goal=attracts, name="Verkehrswende", slug="verkehr")
    key_figure(field, "Anteil Radverkehr", value=46)
    for n in range(10):
        key_figure(field, f"Noch ohne Wert {n}")
    emancipated = Goal.objects.create(number=5, name="Dortmund ist emanzipiert")
    equal = FieldOfAction.objects.create(goal=emancipated, name="Chancengleichheit", slug="cg")
    key_figure(equal, "Auf Kurs", value=46)
    key_figure(equal, "Gefährdet", value=43)  # 2 short of 45, the tolerance is 3
    key_figure(equal, "Nicht auf Kurs", value=40)
    key_figure(equal, "Ohne Wert")
    return attracts, emancipated


def test_a_goal_with_one_of_eleven_figures_assessed_is_not_shown_on_track(client, goals):
    tile = tiles(client)[3]
    assert tile["state"] == "not_assessable"
    assert tile["label"] == "noch nicht bewertbar"
    assert "auf Kurs" not in tile["label"]
    assert tile["assessed"] == "1 von 11 Kennzahlen bewertet"
    assert tile["shares"] == []  # no shares of too few figures, only what they are
    assert tile["note"].endswith("Bisher bewertet: 1 auf Kurs.")


def test_a_tile_shows_the_shares_of_the_assessed_figures_and_the_weakest_state(client, goals):
    tile = tiles(client)[5]
    assert tile["state"] == "off_track" and tile["label"] == "nicht auf Kurs"
    # Of the three assessed figures (not of all four): a third each, adding up to 100 %.
    assert tile["shares"] == [
        "auf Kurs 34 % (1)",
        "gefährdet 33 % (1)",
        "nicht auf Kurs 33 % (1)",
    ]
    assert tile["assessed"] == "3 von 4 Kennzahlen bewertet"


@pytest.mark.parametrize("grouping", [False, True])
def test_each_tile_links_to_its_goals_section_and_the_state_is_written_not_only_coloured(
    client, goals, settings, grouping
):
    settings.USE_THOUSAND_SEPARATOR = grouping
    cache.clear()
    soup = BeautifulSoup(client.get("/monitoring/").content, "html.parser")
    for tile in soup.select(".goal-tile"):
        target = tile.select_one("a")["href"]
        section = soup.select_one(target)
        assert section is not None and section.name == "section"
        # A sign of its own shape and the state in words, besides the colour.
        assert tile.select_one(".goal-tile__state svg.status-icon") is not None
        assert tile.select_one(".goal-tile__state").get_text(strip=True)
        for part in tile.select(".goal-tile__bar rect"):  # SVG numbers stay unlocalized
            assert part["x"].isdigit() and part["width"].isdigit()


def test_the_tables_scroll_in_their_own_labelled_focusable_box(client, goals):
    cache.clear()
    soup = BeautifulSoup(client.get("/monitoring/").content, "html.parser")
    tables = soup.select("table")
    assert len(tables) == 3  # the overview and one per goal
    for table in tables:
        box = table.parent
        assert "table-scroll" in box["class"]
        assert box["tabindex"] == "0" and box["role"] == "region"
        assert soup.find(id=box["aria-labelledby"]).get_text(strip=True)
    overview = soup.select_one("#ziele-tabelle").find_next("table")
    rows = [r.get_text(" ", strip=True) for r in overview.select("tbody tr")]
    assert rows[0].startswith("Ziel 3: Dortmund zieht an noch nicht bewertbar 1 0 0 1 von 11")


def test_a_goal_becomes_assessable_once_half_of_its_figures_are(client, goals):
    for figure in KeyFigure.objects.filter(name__startswith="Noch ohne Wert")[:5]:
        KeyFigureValue.objects.create(key_figure=figure, date=HALFWAY, value=47)
    tile = tiles(client)[3]
    assert tile["assessed"] == "6 von 11 Kennzahlen bewertet"
    assert tile["state"] == "on_track" and tile["label"] == "auf Kurs"


def test_the_english_dashboard_says_the_same_in_english(client, goals):
    tile = tiles(client, "/en/monitoring/")[3]
    assert tile["label"] == "not yet assessable"
    assert tile["assessed"] == "1 of 11 key figures assessed"


# --- the key figure's chart ---------------------------------------------------------------------


@pytest.fixture
def charging(db):
    goal = Goal.objects.create(number=3, name="Dortmund zieht an")
    field = FieldOfAction.objects.create(goal=goal, name="Verkehrswende", slug="verkehr")
    figure = KeyFigure.objects.create(
        field=field,
        name="Anzahl Ladeinfrastruktur",
        unit="Ladepunkte",
        direction="up",
        baseline_value=192,
        baseline_date=datetime.date(2024, 6, 30),
        target_value=3000,
        target_date=datetime.date(2030, 12, 31),
    )
    for day, value in (
        (datetime.date(2024, 12, 31), 530),
        (datetime.date(2025, 6, 30), 946),
        (datetime.date(2025, 12, 31), 1212.5),
    ):
        KeyFigureValue.objects.create(key_figure=figure, date=day, value=Decimal(str(value)))
    return figure


def chart_texts(client, path) -> dict:
    cache.clear()
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    charts = {}
    for svg in soup.select("svg.series-chart"):
        size = next(c for c in svg["class"] if c.startswith("series-chart--"))
        charts[size.removeprefix("series-chart--")] = {
            "viewBox": svg["viewbox"],  # html.parser writes attribute names in lower case
            "texts": [t.get_text() for t in svg.select("text")],
            "numbers": [svg[a] for a in ("font-size",)]
            + [el[a] for el in svg.select("line, circle, rect, text") for a in el.attrs
               if a in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height")],
        }  # fmt: skip
    return charts


@pytest.mark.parametrize("grouping", [False, True])
def test_the_chart_ticks_are_round_and_german(client, charging, settings, grouping):
    settings.USE_THOUSAND_SEPARATOR = grouping  # the site's setting must not change the drawing
    charts = chart_texts(client, f"/monitoring/kennzahlen/{charging.pk}/")
    assert set(charts) == {"narrow", "medium", "wide"}  # one drawing per range of widths
    wide = charts["wide"]
    assert wide["viewBox"] == "0 0 1200 440"
    for text in ("0", "500", "1.000", "1.500", "2.000", "2.500", "3.000"):
        assert text in wide["texts"]
    assert "Ladepunkte" in wide["texts"]  # the value axis says its unit
    assert "Jahr" in wide["texts"] and "2026" in wide["texts"]
    assert "Ziel: 3.000" in wide["texts"] and "1.212,5" in wide["texts"]  # target and latest
    for chart in charts.values():
        assert not [t for t in chart["texts"] if re.fullmatch(r"[\d.]+,0+", t)], chart["texts"]
        # SVG geometry is written unlocalized: "1234.5", never "1.234,5".
        assert all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in chart["numbers"]), chart["numbers"]


def test_the_chart_ticks_are_english_under_english(client, charging):
    wide = chart_texts(client, f"/en/monitoring/kennzahlen/{charging.pk}/")["wide"]
    for text in ("1,000", "1,500", "3,000", "Year", "Target: 3,000", "1,212.5"):
        assert text in wide["texts"]
    assert "1.500" not in wide["texts"]


def test_the_values_table_stays_as_the_charts_text_alternative(client, charging):
    cache.clear()
    soup = BeautifulSoup(
        client.get(f"/monitoring/kennzahlen/{charging.pk}/").content, "html.parser"
    )
    box = soup.select_one("table.figure-values").parent
    assert box["role"] == "region" and box["tabindex"] == "0"
    cells = [td.get_text(" ", strip=True) for td in soup.select("table.figure-values td")]
    assert (
        "1.212,5 Ladepunkte" in cells and "3.000 Ladepunkte" in cells and "192 Ladepunkte" in cells
    )
    facts = soup.select_one(".figure-facts").get_text(" ", strip=True)
    assert "Zuletzt gemeldet 1.212,5 Ladepunkte" in facts


# --- the demo ------------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.lines = []

    def created(self, text):
        self.lines.append(text)


@pytest.fixture
def demo_monitoring(db):
    from strategie import demo
    from umsetzung import demo as demo_monitoring

    report = Report()
    demo.load_strategy(report)
    demo_monitoring.load(today=timezone.localdate(), report=report)
    return report


def test_the_demo_reports_most_key_figures_over_two_years_marked_as_demo(demo_monitoring):
    from umsetzung.demo import DEMO_SOURCE

    figures = list(KeyFigure.objects.all())
    reported = [f for f in figures if f.values.exists()]
    assert len(reported) > len(figures) * 0.6
    for figure in reported:
        dates = sorted(figure.values.values_list("date", flat=True))
        assert len(dates) >= 2 and (dates[-1] - figure.baseline_date).days >= 2 * 365 - 1
        assert dates[-1] < timezone.localdate()
        assert DEMO_SOURCE in figure.source
        assert figure.unit and figure.baseline_value is not None and figure.target_value
        assert not figure.values.exclude(source=DEMO_SOURCE).exists()
    # What the council paper leaves to be agreed stays without values.
    assert not KeyFigureValue.objects.exclude(key_figure__note="").exists()


def test_the_demos_values_are_plausible_for_their_figures(demo_monitoring):
    from umsetzung.demo import FIGURES
    from umsetzung.figure_status import assess

    for spec in FIGURES:
        figure = KeyFigure.objects.get(field__name=spec.field, name__startswith=spec.name)
        values = list(figure.values.order_by("date"))
        low = min(figure.baseline_value, figure.target_value)
        high = max(figure.baseline_value, figure.target_value)
        assert all(low <= v.value <= high for v in values), figure.name  # between the two
        latest = values[-1]
        assert assess(figure, latest.value, latest.date).status == spec.course, figure.name


def test_the_demo_dashboard_shows_tiles_in_several_states(client, demo_monitoring):
    states = {number: tile["state"] for number, tile in tiles(client).items()}
    assert len(states) == 9
    assert set(states.values()) == {"on_track", "at_risk", "off_track", "not_assessable"}
    assert states[8] == states[9] == "not_assessable"  # their figures are still being agreed
    assert tiles(client)[1]["assessed"] == "3 von 8 Kennzahlen bewertet"


@pytest.mark.parametrize(
    "fields, values",
    [
        ({}, [("2025-06-30", "12")]),  # one value, no baseline or target
        ({"target_value": 100, "target_date": END}, []),  # only a target
        ({"baseline_value": 5, "baseline_date": START}, [("2024-01-01", "5")]),  # same day
        (
            {"baseline_value": -3, "baseline_date": START, "target_value": 7, "target_date": END},
            [("2025-01-01", "-2.5"), ("2026-01-01", "0")],
        ),
        (
            {"baseline_value": "99999999999", "baseline_date": START},
            [("2025-01-01", "0.001")],
        ),
    ],
)
def test_odd_series_are_drawn_without_failing(fields, values):
    from types import SimpleNamespace

    from umsetzung.series_charts import series_charts

    figure = KeyFigure(name="Kennzahl", unit="", **fields)
    reported = [
        SimpleNamespace(date=datetime.date.fromisoformat(day), value=Decimal(value))
        for day, value in values
    ]
    charts = series_charts(figure, reported)
    assert len(charts) == 3
    for chart in charts:
        assert chart.y_label == "Wert" and len(chart.y_ticks) >= 2
        assert all(chart.top <= y <= chart.bottom for _x, y in chart.marks)
