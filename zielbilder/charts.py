"""The opinion groups as drawings: a map of the participants and the agreement per group.

The map is geometry in SVG user units. The agreement per group is a list of bars in HTML
(each bar a small SVG whose width is a percentage), so that the statement's words above each
bar group wrap and stay readable on a phone as on a desktop, which text inside one scaled SVG
does not. The templates put a table with the same figures and the full texts next to both.
Groups differ by shape or letter as well as by colour (WCAG 1.4.1), and every colour has at
least 3:1 contrast on white (WCAG 1.4.11).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .analysis import GROUP_LETTERS, highlighted, min_group_votes, statement_figures

# Blue, orange, green, purple, grey: told apart with the common colour-vision deficiencies.
COLOURS = ("#0b5cad", "#b34700", "#2e7d32", "#7b1fa2", "#4d4d4d")
SHAPES = (_("Kreis"), _("Quadrat"), _("Dreieck"), _("Raute"), _("Kreuz"))
HEADINGS = {"consensus": _("Größte Einigkeit"), "divisive": _("Größte Spaltung")}
MAP_WIDTH, MAP_HEIGHT, MAP_PADDING = 560, 340, 16
MARK = 4.0  # half the size of a participant's mark
# A bar group's label: the statement's first words, at most this many characters.
LABEL_CHARACTERS = 90


def _mark(shape: int, x: float, y: float, s: float = MARK) -> str:
    if shape == 0:
        return f"M{x - s:.1f},{y:.1f}a{s},{s} 0 1,0 {2 * s},0a{s},{s} 0 1,0 {-2 * s},0"
    if shape == 1:
        return f"M{x - s:.1f},{y - s:.1f}h{2 * s}v{2 * s}h{-2 * s}z"
    if shape == 2:
        return f"M{x:.1f},{y - s:.1f}l{s},{2 * s}h{-2 * s}z"
    if shape == 3:
        return f"M{x:.1f},{y - s:.1f}l{s},{s}l{-s},{s}l{-s},{-s}z"
    return f"M{x - s:.1f},{y:.1f}h{2 * s}M{x:.1f},{y - s:.1f}v{2 * s}"


@dataclass(frozen=True)
class ChartGroup:
    index: int
    letter: str
    size: int
    percent: int
    colour: str
    shape: object  # a lazy translation
    marks: str  # one SVG path with every drawn participant of the group
    filled: bool  # the cross is drawn as a line, the others are filled
    legend_mark: str  # the shape alone, for the legend's small drawing
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Bar:
    letter: str
    colour: str
    percent: int | None
    votes: int
    enough: bool  # the group cast at least the set minimum of votes on the statement
    width: int  # per cent of the bar's track


@dataclass(frozen=True)
class BarRow:
    statement: object  # participation.Statement
    kind: str  # "consensus" or "divisive"
    label: str  # the statement's first words, shortened with an ellipsis
    consensus: float | None
    consensus_percent: int | None
    divisiveness: float | None
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarSection:
    kind: str
    heading: object  # a lazy translation
    rows: tuple[BarRow, ...]


@dataclass(frozen=True)
class OpinionChart:
    analysis: object  # ThemeAnalysis
    status: str
    groups: tuple[ChartGroup, ...]
    excluded: int
    rows: tuple[BarRow, ...]
    min_group_votes: int = 0
    map_width: int = MAP_WIDTH
    map_height: int = MAP_HEIGHT

    @property
    def middle_x(self) -> float:
        return self.map_width / 2

    @property
    def middle_y(self) -> float:
        return self.map_height / 2

    @property
    def sections(self) -> tuple[BarSection, ...]:
        return tuple(
            BarSection(kind, HEADINGS[kind], rows)
            for kind in HEADINGS
            if (rows := tuple(row for row in self.rows if row.kind == kind))
        )


def first_words(text: str, limit: int = LABEL_CHARACTERS) -> str:
    """The text's first words up to `limit` characters, with an ellipsis if shortened."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: limit - 1]
    return cut.rstrip(" ,;:.–-") + " …"


def _scale(values: list[float], size: float) -> tuple[float, float]:
    """Offset and factor that put the values, centred on 0, inside size minus padding."""
    extent = max((abs(v) for v in values), default=0.0) or 1.0
    return size / 2, (size / 2 - MAP_PADDING) / extent


def opinion_chart(analysis, statements_by_id: dict, highlight: int = 5) -> OpinionChart | None:
    """The drawing of a finished analysis; `statements_by_id` holds the highlighted
    statements that may be shown (see `chart_of`)."""
    display = analysis.display if analysis else None
    if not display:
        return None
    points = display["points"]
    ox, fx = _scale([p[0] for p in points], MAP_WIDTH)
    oy, fy = _scale([p[1] for p in points], MAP_HEIGHT)
    total = sum(g["size"] for g in display["groups"]) or 1
    groups = []
    for group in display["groups"]:
        index = group["id"]
        cx, cy = group["centroid"]
        groups.append(
            ChartGroup(
                index=index,
                letter=GROUP_LETTERS[index],
                size=group["size"],
                percent=round(group["size"] * 100 / total),
                colour=COLOURS[index],
                shape=SHAPES[index],
                # y grows downwards in SVG; the map is drawn with the second axis upwards
                marks="".join(
                    _mark(index, ox + x * fx, oy - y * fy) for x, y, g in points if g == index
                ),
                filled=index != 4,
                legend_mark=_mark(index, 8, 8, 5),
                label_x=round(ox + cx * fx, 1),
                label_y=round(oy - cy * fy, 1),
            )
        )
    figures = statement_figures(display)
    consensus, divisive = highlighted(display, highlight)
    rows = []
    for kind, ids in (("consensus", consensus), ("divisive", divisive)):
        for statement_id in ids:
            if statement_id not in statements_by_id:
                continue  # withdrawn or hidden since the run
            figure = figures[statement_id]
            statement = statements_by_id[statement_id]
            rows.append(
                BarRow(
                    statement=statement,
                    kind=kind,
                    label=first_words(statement.text),
                    consensus=figure.consensus,
                    consensus_percent=figure.consensus_percent,
                    divisiveness=figure.divisiveness,
                    bars=tuple(
                        Bar(
                            letter=share.letter,
                            colour=COLOURS[share.group],
                            percent=share.percent,
                            votes=share.votes,
                            enough=share.enough,
                            width=share.percent or 0,
                        )
                        for share in figure.groups
                    ),
                )
            )
    return OpinionChart(
        analysis=analysis,
        status=display["status"],
        groups=tuple(groups),
        excluded=display["excluded"],
        rows=tuple(rows),
        min_group_votes=min_group_votes(),
    )


def chart_of(analysis, highlight: int = 5) -> OpinionChart | None:
    """The drawing of a finished analysis, its highlighted statements read in one query."""
    from participation.models import Statement

    if not analysis or not analysis.display:
        return None
    consensus, divisive = highlighted(analysis.display, highlight)
    statements = Statement.objects.public().filter(pk__in=consensus + divisive)
    return opinion_chart(analysis, {s.pk: s for s in statements}, highlight)


# --- a key figure's series (stage 6) ------------------------------------------------------------


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
    from django.utils.translation import gettext

    from .chart_axes import date_label, month_ticks, nice_ticks, number_label

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
