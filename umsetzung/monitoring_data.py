"""The key figures and their values as open data (stage 6): CSV and JSON at stable URLs,
format documented on /monitoring/offene-daten/. One row per key figure and date (the latest
report for that date); key figures without values appear once, with empty value columns."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse

from participation.opendata import LICENCE, LICENCE_URL
from strategie.models import KeyFigure

from .models import KeyFigureValue

FORMAT = "stadtgespraech-kennzahlen"
FORMAT_VERSION = 1
FIELDS = [
    ("kennzahl_id", "Nummer der Kennzahl; bleibt gleich"),
    ("kennzahl", "Name der Kennzahl"),
    ("url", "Seite der Kennzahl"),
    ("ziel_nummer", "Nummer des Stadtziels (1–9)"),
    ("ziel", "Stadtziel"),
    ("handlungsfeld", "Handlungsfeld"),
    ("strategisch", "ja: strategische Kennzahl; nein: weitere Kennzahl"),
    ("einheit", "Einheit der Werte"),
    ("richtung", "up: höher ist besser; down: niedriger ist besser; target: nah am Zielwert"),
    ("ausgangswert", "Ausgangswert (Dezimalpunkt)"),
    ("ausgangswert_datum", "Datum des Ausgangswerts (JJJJ-MM-TT)"),
    ("zielwert", "Zielwert (Dezimalpunkt)"),
    ("zielwert_datum", "Datum, bis zu dem der Zielwert erreicht sein soll"),
    ("stichtag", "Stichtag des Werts (JJJJ-MM-TT); leer, solange keiner gemeldet ist"),
    ("wert", "gemeldeter Wert (Dezimalpunkt); bei Korrekturen der zuletzt gemeldete"),
    ("quelle", "Quelle des Werts"),
    ("amt", "meldendes Amt"),
]
FIELD_NAMES = [name for name, _description in FIELDS]


def _number(value) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _figure_columns(figure) -> dict:
    return {
        "kennzahl_id": figure.pk,
        "kennzahl": figure.name,
        "url": settings.BASE_URL + reverse("umsetzung:key_figure", args=[figure.pk]),
        "ziel_nummer": figure.field.goal.number,
        "ziel": figure.field.goal.name,
        "handlungsfeld": figure.field.name,
        "strategisch": figure.strategic,
        "einheit": figure.unit,
        "richtung": figure.direction,
        "ausgangswert": _number(figure.baseline_value),
        "ausgangswert_datum": figure.baseline_date.isoformat() if figure.baseline_date else "",
        "zielwert": _number(figure.target_value),
        "zielwert_datum": figure.target_date.isoformat() if figure.target_date else "",
    }


def _latest_per_date(figure_values) -> list:
    by_date = {}
    for value in figure_values:
        by_date[value.date] = value
    return [by_date[day] for day in sorted(by_date)]


def figures_with_values() -> Iterator[tuple[KeyFigure, list[KeyFigureValue]]]:
    """Two queries: the key figures, then all values in key-figure order, read in chunks."""
    figures = {
        figure.pk: figure
        for figure in KeyFigure.objects.select_related("field__goal").order_by("pk")
    }
    values = (
        KeyFigureValue.objects.select_related("office")
        .order_by("key_figure_id", "date", "reported_at", "pk")
        .iterator(chunk_size=5000)
    )
    current, batch = None, []
    for value in values:
        if value.key_figure_id != current:
            if current is not None:
                yield figures.pop(current), _latest_per_date(batch)
            current, batch = value.key_figure_id, []
        batch.append(value)
    if current is not None:
        yield figures.pop(current), _latest_per_date(batch)
    for figure in figures.values():  # those without any value
        yield figure, []


def rows() -> Iterator[dict]:
    for figure, values in figures_with_values():
        columns = _figure_columns(figure)
        if not values:
            yield {**columns, "stichtag": "", "wert": "", "quelle": "", "amt": ""}
        for value in values:
            yield {
                **columns,
                "stichtag": value.date.isoformat(),
                "wert": _number(value.value),
                "quelle": value.source,
                "amt": f"{value.office.number} {value.office.name}" if value.office else "",
            }


def as_json() -> dict:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "key_figures": [
            {
                **_figure_columns(figure),
                "werte": [
                    {
                        "stichtag": v.date.isoformat(),
                        "wert": _number(v.value),
                        "quelle": v.source,
                        "amt": f"{v.office.number} {v.office.name}" if v.office else "",
                    }
                    for v in values
                ],
            }
            for figure, values in sorted(figures_with_values(), key=lambda fv: fv[0].pk)
        ],
    }
