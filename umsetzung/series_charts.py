"""A key figure's values over time, drawn (stage 6): geometry in SVG units, once per range of
screen widths. The page puts a table with the same values next to it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from cms.chart_axes import date_label, month_ticks, nice_ticks, number_label


@dataclass(frozen=True)
class SeriesSize:
    """One drawing of the series for one range of screen widths: SVG text scales with the
    drawing, so a phone gets a narrow one and a desktop a wide one, each with its text at
    about 12 to 16 px on the screen (site.css shows the one that fits)."""

    name: str
    width: int
    height: int
    font: int
    x_ticks: int  # at most
    y_ticks: int  # at most


SERIES_SIZES = (
    SeriesSize("narrow", 400, 340, 15, 4, 6),
    SeriesSize("medium", 720, 380, 14, 7, 7),
    SeriesSize("wide", 1200, 440, 15, 12, 8),
)
SERIES_RIGHT = 28  # room for the target's diamond and label
DOT_LIMIT = 150  # a dot per value only while they are apart


@dataclass(frozen=True)
class SeriesChart:
    size: SeriesSize
    left: float  # the plot's edges, in SVG units
    right: float
    top: float
    bottom: float
    points: str  # polyline of the reported values
    marks: tuple[tuple[float, float], ...]
    path: str  # dashed line from baseline to target, empty without both
    baseline: tuple[float, float] | None
    target: tuple[float, float] | None
    y_ticks: tuple[tuple[float, str], ...]  # (y, label)
    x_ticks: tuple[tuple[float, str], ...]  # (x, label)
    y_label: str  # the unit
    x_label: str
    latest: tuple[float, float, str] | None  # (x, y, label) of the latest value
    target_label: str

    @property
    def width(self) -> int:
        return self.size.width

    @property
    def height(self) -> int:
        return self.size.height

    @property
    def font(self) -> int:
        return self.size.font

    # Where the texts go: the unit above the value axis, its ticks' labels left of it, the
    # dates' labels below the time axis and the axis' name below them.
    @property
    def y_label_y(self) -> float:
        return round(self.font * 1.1, 1)

    @property
    def tick_label_x(self) -> float:
        return round(self.left - self.font * 0.5, 1)

    @property
    def tick_mark_end(self) -> float:
        return round(self.bottom + self.font * 0.4, 1)

    @property
    def date_label_y(self) -> float:
        return round(self.bottom + self.font * 1.5, 1)

    @property
    def x_label_y(self) -> float:
        return round(self.height - self.font * 0.5, 1)

    @property
    def latest_label_y(self) -> float:
        return round(self.latest[1] - self.font * 0.8, 1) if self.latest else 0

    @property
    def target_label_y(self) -> float:
        if not self.target:
            return 0
        below = self.target[1] < (self.top + self.bottom) / 2  # else above, clear of the dates
        return round(self.target[1] + (self.font * 1.6 if below else -self.font), 1)

    @property
    def latest_anchor(self) -> str:
        return "end" if self.latest and self.latest[0] > self.right - 60 else "middle"


def series_charts(figure, values) -> list[SeriesChart]:
    """The series drawn once per size of SERIES_SIZES, or [] without anything to draw."""
    drawings = [series_chart(figure, values, size) for size in SERIES_SIZES]
    return [drawing for drawing in drawings if drawing is not None]


def series_chart(figure, values, size: SeriesSize = SERIES_SIZES[-1]) -> SeriesChart | None:
    """Geometry of the values over time with the baseline and the target, or None without
    anything to draw. The page puts a table with the same values next to it."""
    dots = [(v.date, Decimal(v.value)) for v in values]
    has_baseline = figure.baseline_value is not None and figure.baseline_date is not None
    has_target = figure.target_value is not None and figure.target_date is not None
    ends = []
    if has_baseline:
        ends.append((figure.baseline_date, Decimal(figure.baseline_value)))
    if has_target:
        ends.append((figure.target_date, Decimal(figure.target_value)))
    everything = dots + ends
    if not everything:
        return None
    first = min(d for d, _v in everything)
    last = max(d for d, _v in everything)
    if last == first:
        last = first + datetime.timedelta(days=1)
    low = min(v for _d, v in everything)
    high = max(v for _d, v in everything)
    if 0 <= low <= high * Decimal("0.3"):
        low = Decimal(0)  # near enough to zero to start the axis there, as people expect
    ticks = nice_ticks(low, high, size.y_ticks)
    low, high = float(ticks[0]), float(ticks[-1])
    y_labels = [number_label(tick) for tick in ticks]
    font = size.font
    left = round(max(len(label) for label in y_labels) * font * 0.6 + font, 1)
    right = size.width - SERIES_RIGHT
    top = round(font * 2.4, 1)
    bottom = round(size.height - font * 3.6, 1)
    span = (last - first).days

    def x_of(day):
        return round(left + (right - left) * (day - first).days / span, 1)

    def y_of(value):
        return round(top + (bottom - top) * (1 - (float(value) - low) / (high - low)), 1)

    marks = tuple((x_of(d), y_of(v)) for d, v in dots)
    baseline = (x_of(figure.baseline_date), y_of(figure.baseline_value)) if has_baseline else None
    target = (x_of(figure.target_date), y_of(figure.target_value)) if has_target else None
    path = f"M{baseline[0]},{baseline[1]} L{target[0]},{target[1]}" if baseline and target else ""
    days, years = month_ticks(first, last, size.x_ticks)
    latest = (*marks[-1], number_label(dots[-1][1])) if dots else None
    return SeriesChart(
        size=size,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        points=" ".join(f"{x},{y}" for x, y in marks),
        marks=marks if len(marks) <= DOT_LIMIT else (),
        path=path,
        baseline=baseline,
        target=target,
        y_ticks=tuple(zip((y_of(t) for t in ticks), y_labels, strict=True)),
        x_ticks=tuple((x_of(day), date_label(day, years=years)) for day in days),
        y_label=figure.unit or gettext("Wert"),
        x_label=gettext("Jahr") if years else gettext("Monat"),
        latest=latest,
        target_label=(
            gettext("Ziel: %(value)s") % {"value": number_label(figure.target_value)}
            if has_target
            else ""
        ),
    )
