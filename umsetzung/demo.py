"""Made-up key-figure values for `manage.py demo_data`, so that the monitoring dashboard shows
what it is for: most key figures of the seed with a unit, a baseline, a target and two years
of reports – some on track, some at risk, some off track – and a few still without values.

The council paper gives no units, baselines, targets or values for its key figures; all of
them here are invented, and every figure and value says so in its source (DEMO_SOURCE). The
figures the paper leaves to be agreed (a note such as "abzustimmen mit WF") stay without
values, as they would in reality, and so do a few others, so that goals 1, 8 and 9 show the
state "noch nicht bewertbar".
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from accounts.models import User
from strategie.models import KeyFigure, Office, Participation, Project

from . import monitoring_cache
from .models import KeyFigureValue, OfficeMembership, ProjectReport

DEMO_SOURCE = "Demo: erfundene Werte zur Vorführung, nicht aus der Ratsvorlage"
YEARS_OF_VALUES = 2
REPORTING_DELAY = datetime.timedelta(days=30)  # a value is reported weeks after its date
TARGET_YEARS_AHEAD = 4

# How far the latest value lies from the straight way from baseline to target, as a share of
# that way (figure_status: at risk is short by at most a tenth of it, off track by more).
COURSE_SHORTFALL = {
    "on_track": Decimal("-0.04"),
    "at_risk": Decimal("0.05"),
    "off_track": Decimal("0.2"),
}


@dataclass(frozen=True)
class DemoFigure:
    field: str
    name: str  # the key figure's name, or how it begins
    unit: str
    direction: str  # "up" or "down"
    baseline: Decimal
    target: Decimal
    course: str  # a key of COURSE_SHORTFALL
    interval: int = 3  # months between reports
    decimals: int = 0


UP, DOWN = "up", "down"
ON, RISK, OFF = "on_track", "at_risk", "off_track"

# Field by field, goal by goal in the order of the seed: (name or how it begins, unit,
# direction, baseline, target, course, months between reports = 3, decimals = 0). Figures not
# listed get no values.
# fmt: off
TABLE: dict[str, tuple[tuple, ...]] = {
    # Ziel 1: only three of eight figures reported so far – "noch nicht bewertbar".
    "Digitale Verwaltung": (("Digitalisierte Verwaltungsprozesse", "Prozesse", UP, 120, 600, ON),),
    "Smart City": (
        ("BITKOM Ranking", "Rang", DOWN, 24, 10, RISK, 12),
        ("Anzahl Datensätze Open Data", "Datensätze", UP, 310, 900, ON),
    ),
    # Ziel 2: one figure at risk.
    "Ausbau Betreuung U3/Ü3": (
        ("Anzahl KiTa-Plätze", "Plätze", UP, 29800, 34500, ON),
        ("Neubauleistung pro Jahr", "Plätze pro Jahr", UP, 400, 1200, RISK, 12),
        ("Verhältnis der Kita Plätze", "%", UP, 88, 100, ON, 6, 1),
    ),
    "Mehr Platz für Kinder und Jugendliche": (
        ("Anzahl Aufenthaltsinfrastruktur", "Orte", UP, 140, 220, ON),
        ("Nutzungsintensität", "Besuche pro Woche und Ort", UP, 85, 120, ON, 6),
    ),
    # Ziel 3: new housing and the modal split off track.
    "Wohnen": (
        ("Neue Wohnungen pro Jahr", "Wohnungen", UP, 1450, 2500, OFF, 12),
        ("Preis-Leistungs-Index", "Punkte", DOWN, 104, 98, RISK, 6, 1),
    ),
    "Attraktivität": (
        ("Aufenthaltszeiten", "Minuten", UP, 74, 95, ON),
        ("Anzahl Wohnungen in der City", "Wohnungen", UP, 5200, 6000, ON, 12),
        ("Anzahl „Nicht-Ketten“ in der City", "Geschäfte", UP, 310, 380, RISK, 6),
    ),
    "Verkehrswende": (
        ("Modal Split", "% Umweltverbund", UP, 52, 70, OFF, 12, 1),
        ("Anzahl Ladeinfrastruktur", "Ladepunkte", UP, 400, 3000, ON, 6),
    ),
    "Internationalität": (
        ("Anzahl internationale Arbeitskräfte", "Beschäftigte", UP, 41000, 52000, ON, 6),
        ("Anzahl internationale Studierende", "Studierende", UP, 7400, 9500, ON, 6),
    ),
    # Ziel 4: on track.
    "Wir sind Dortmund": (("Anzahl Aktionen", "Aktionen", UP, 40, 120, ON),),
    # Ziel 5: every assessed figure on track.
    "Chancengleichheit in der Verwaltung": (
        ("Weibliche Führungskräfte", "%", UP, 38, 50, ON, 12, 1),
        ("Anzahl teilnehmende Frauen", "Teilnehmerinnen", UP, 60, 250, ON, 6),
    ),
    "Beschäftigungsquote Frauen steigern": (
        ("Beschäftigungsquoten von Frauen", "%", UP, 50.5, 56, ON, 6, 1),
        ("Anteil der in Dortmund lebenden", "%", UP, 49.8, 55, ON, 6, 1),
    ),
    # Ziel 6: the volunteer walks and the sense of safety at risk.
    "Gute Nachbarschaft": (
        ("Anzahl der Nachbarschaftsprojekte", "Projekte", UP, 85, 150, ON),
        ("Anzahl Förderanträge", "Anträge", UP, 40, 120, ON),
        ("Anzahl der Ehrenamtsspaziergänge", "Spaziergänge", UP, 12, 40, RISK, 6),
    ),
    "Mitmachen": (
        ("Anzahl der Beteiligten", "Personen", UP, 2500, 8000, ON),
        ("Anzahl der Anlaufstellen", "Anlaufstellen", UP, 28, 40, ON, 6),
        ("Anzahl der (digitalen) Mitwirkungsangebote", "Angebote", UP, 9, 25, ON, 6),
    ),
    "Sicherheit & Sauberkeit": (
        ("Wahrgenommenes Sicherheitsgefühl", "%", UP, 62, 70, RISK, 12),
        ("Anzahl Aktionstage", "Aktionstage", UP, 20, 45, ON),
        ("Anzahl Abfallpaten", "Pat*innen", UP, 900, 1600, ON),
    ),
    # Ziel 7: the climate programme's CO₂ effect off track.
    "Neue lokale Arbeit": (("Anzahl Arbeitskräfte", "Beschäftigte", UP, 12000, 15000, ON, 6),),
    "Innovation & Technologie": (("CO₂-Effekt", "t CO₂ pro Jahr", UP, 0, 60000, OFF, 6),),
}
# fmt: on


def _spec(field, name, unit, direction, baseline, target, course, interval=3, decimals=0):
    return DemoFigure(
        field, name, unit, direction, Decimal(str(baseline)), Decimal(str(target)), course,
        interval, decimals,
    )  # fmt: skip


FIGURES: tuple[DemoFigure, ...] = tuple(
    _spec(field, *row) for field, rows in TABLE.items() for row in rows
)


def month_end(year: int, month: int) -> datetime.date:
    """The last day of a month; months beyond 12 or below 1 run into the next or last year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def report_dates(today: datetime.date, interval: int) -> tuple[datetime.date, list]:
    """The baseline's date and the dates of the reports after it: the ends of every
    `interval` months (quarters, half years, years) over the last two years, the latest one
    old enough to have been reported by today."""
    cutoff = today - REPORTING_DELAY
    months = cutoff.year * 12 + cutoff.month - 1  # months since year 0 of the cutoff's month
    latest = months - (months + 1) % interval  # the last month that ends a period
    if month_end(0, latest + 1) > cutoff:
        latest -= interval
    dates = [
        month_end(0, latest + 1 - back) for back in range(0, YEARS_OF_VALUES * 12 + 1, interval)
    ]
    dates.reverse()
    return dates[0], dates[1:]


def series(spec: DemoFigure, baseline_date, dates, target_date) -> list[Decimal]:
    """Values along the way from baseline to target, wobbling a little, the latest one as far
    ahead of or behind the straight way as the figure's course says."""
    rng = random.Random(spec.name)
    way = spec.target - spec.baseline
    total_days = (target_date - baseline_date).days
    latest_share = Decimal((dates[-1] - baseline_date).days) / total_days
    pace = (latest_share - COURSE_SHORTFALL[spec.course]) / latest_share
    step = Decimal(1).scaleb(-spec.decimals)
    values = []
    for day in dates:
        share = Decimal((day - baseline_date).days) / total_days * pace
        if day != dates[-1]:
            share += Decimal(str(round(rng.uniform(-0.015, 0.015), 4)))
        values.append((spec.baseline + way * share).quantize(step))
    return values


def load(*, today: datetime.date, report) -> None:
    if KeyFigureValue.objects.exists():
        return
    figures = list(KeyFigure.objects.select_related("field").order_by("pk"))
    # Each field's values come from its lead office, else from the first office taking part.
    reporting = {}
    for cell in Participation.objects.select_related("office", "field").order_by("-role", "pk"):
        reporting.setdefault(cell.field.name, cell.office)  # "F" sorts before "B" descending
    target_date = datetime.date(today.year + TARGET_YEARS_AHEAD, 12, 31)
    changed, values, states = [], [], {}
    for spec in FIGURES:
        figure = next(
            (f for f in figures if f.field.name == spec.field and f.name.startswith(spec.name)),
            None,
        )
        if figure is None or figure.note:
            continue  # not in this strategy model, or not agreed yet
        baseline_date, dates = report_dates(today, spec.interval)
        figure.unit, figure.direction = spec.unit, spec.direction
        figure.baseline_value, figure.baseline_date = spec.baseline, baseline_date
        figure.target_value, figure.target_date = spec.target, target_date
        figure.reporting_interval = spec.interval
        if DEMO_SOURCE not in figure.source:
            figure.source = f"{figure.source}; {DEMO_SOURCE}" if figure.source else DEMO_SOURCE
        changed.append(figure)
        office = reporting.get(spec.field)
        for day, value in zip(dates, series(spec, baseline_date, dates, target_date), strict=True):
            values.append(
                KeyFigureValue(
                    key_figure=figure, date=day, value=value, source=DEMO_SOURCE, office=office
                )
            )
        states[spec.course] = states.get(spec.course, 0) + 1
    KeyFigure.objects.bulk_update(
        changed,
        [
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "reporting_interval",
            "source",
        ],
    )
    created = KeyFigureValue.objects.bulk_create(values)
    # auto_now_add stamped them all now; a value was reported some weeks after its date.
    for value in created:
        value.reported_at = datetime.datetime.combine(
            value.date + datetime.timedelta(days=21), datetime.time(9, 30), datetime.UTC
        )
    KeyFigureValue.objects.bulk_update(created, ["reported_at"], batch_size=500)
    monitoring_cache.structure_changed()
    monitoring_cache.figures_changed(figure.pk for figure in changed)

    office = Office.objects.filter(number="61").first()
    member = User.objects.filter(email="amt61@example.org").first()
    if office is not None and member is not None:
        OfficeMembership.objects.get_or_create(user=member, office=office)
    mobility = Project.objects.filter(field__name="Verkehrswende", strategic=True).first()
    if mobility is not None:
        ProjectReport.objects.create(project=mobility, state="running", progress=35, office=office)
    report.created(
        f"Monitoring: {len(values)} Werte für {len(changed)} von {len(figures)} Kennzahlen "
        f"über zwei Jahre (erfunden, als Demo gekennzeichnet; {states.get('on_track', 0)} auf "
        f"Kurs, {states.get('at_risk', 0)} gefährdet, {states.get('off_track', 0)} nicht auf "
        f"Kurs), Amt 61 mit Demo-Konto"
    )
