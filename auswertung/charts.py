"""The opinion groups as drawings: a map of the participants and the agreement per group.

The map is geometry in SVG user units. The agreement per group is a list of bars in HTML
(each bar a small SVG whose width is a percentage), so that the statement's words above each
bar group wrap and stay readable on a phone as on a desktop, which text inside one scaled SVG
does not. The templates put a table with the same figures and the full texts next to both.
Groups differ by shape or letter as well as by colour (WCAG 1.4.1), and every colour has at
least 3:1 contrast on white (WCAG 1.4.11).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from participation.models import Statement

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
    if not analysis or not analysis.display:
        return None
    consensus, divisive = highlighted(analysis.display, highlight)
    statements = Statement.objects.public().filter(pk__in=consensus + divisive)
    return opinion_chart(analysis, {s.pk: s for s in statements}, highlight)
