"""Simple line pictograms for the Schwerpunktthemen, drawn here, not copied from anywhere.

One style for all: a 64-unit grid, round strokes in KERN's action blue, one part filled with
a light tint of it, centred on a pale blue banner of 2:1 – the shape of a theme card's image,
so that a pictogram and an editor's photo take the same place. The demo stores them as
Wagtail images (participation.demo); editors may replace them with their own images.
"""

from __future__ import annotations

from dataclasses import dataclass

# KERN colours (darkblue-700 = action default, darkblue-150, darkblue-025).
LINE = "#2044AA"
TINT = "#C5D3EF"
BACKGROUND = "#EFF3FA"

WIDTH, HEIGHT = 320, 160
GRID = 64
ICON_SIZE = 108


@dataclass(frozen=True)
class Pictogram:
    title: str
    # Shapes filled with the tint, drawn first; then the line work on top. Line shapes that
    # must hide what lies behind them are prefixed with "bg:" and get the banner's colour.
    fills: tuple[str, ...]
    lines: tuple[str, ...]


def _rect(x, y, w, h, r=0) -> str:
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}"/>'


def _circle(cx, cy, r) -> str:
    return f'<circle cx="{cx}" cy="{cy}" r="{r}"/>'


def _path(d: str) -> str:
    return f'<path d="{d}"/>'


SHIELD = "M32 6l22 8v16c0 14-9 23-22 28C19 53 10 44 10 30V14z"
BULB = "M32 6a17 17 0 0 0-10 30.5c2.4 1.8 4 4.3 4 7.5v2h12v-2c0-3.2 1.6-5.7 4-7.5A17 17 0 0 0 32 6z"
LEAF = "M10 54C10 28 26 10 56 8c0 28-18 46-46 46z"
FACTORY = "M6 56V32l12 8v-8l12 8v-8l12 8V14h10v42z"
BUBBLE_BACK = (
    "M28 24h28a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4h-2v8l-8-8H28a4 4 0 0 1-4-4V28a4 4 0 0 1 4-4z"
)
BUBBLE_FRONT = "M8 8h28a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H20l-8 8v-8H8a4 4 0 0 1-4-4V12a4 4 0 0 1 4-4z"
HEART = "M32 17c-1.6-3.6-8-3.6-8 1 0 4 8 8 8 8s8-4 8-8c0-4.6-6.4-4.6-8-1z"

PICTOGRAMS: dict[str, Pictogram] = {
    "arbeitsmarkt": Pictogram(
        "Aktentasche",
        fills=(_rect(8, 22, 48, 32, 4),),
        lines=(
            _rect(8, 22, 48, 32, 4),
            _path("M24 22v-6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v6"),
            _path("M8 36h48"),
            "bg:" + _rect(27, 32, 10, 8, 1.5),
        ),
    ),
    "city": Pictogram(
        "Innenstadt mit Kirchturm",
        fills=(_path("M26 56V26l6-14 6 14v30z"),),
        lines=(
            _path("M4 56h56"),
            _rect(8, 34, 14, 22, 1),
            _path("M26 56V26l6-14 6 14v30"),
            _path("M32 12V6"),
            _rect(42, 28, 14, 28, 1),
            _path("M12 40h6M12 48h6M46 34h6M46 42h6M46 50h6M30 34h4"),
        ),
    ),
    "digitalisierung": Pictogram(
        "Mikrochip",
        fills=(_rect(24, 24, 16, 16, 2),),
        lines=(
            _rect(16, 16, 32, 32, 4),
            _rect(24, 24, 16, 16, 2),
            _path(
                "M24 16V8M32 16V8M40 16V8M24 56v-8M32 56v-8M40 56v-8"
                "M16 24H8M16 32H8M16 40H8M56 24h-8M56 32h-8M56 40h-8"
            ),
        ),
    ),
    "einsamkeit": Pictogram(
        "Zwei Menschen und ein Herz",
        fills=(_path(HEART),),
        lines=(
            _circle(17, 32, 6),
            _path("M5 58v-4a12 12 0 0 1 24 0v4"),
            _circle(47, 32, 6),
            _path("M35 58v-4a12 12 0 0 1 24 0v4"),
            _path(HEART),
        ),
    ),
    "freizeit": Pictogram(
        "Parkbank unter einem Baum",
        fills=(_circle(47, 20, 12), _rect(8, 26, 24, 9, 2)),
        lines=(
            _circle(47, 20, 12),
            _path("M47 32v24"),
            _path("M4 56h56"),
            _rect(8, 26, 24, 9, 2),
            _path("M4 42h32M12 35v7M28 35v7M8 42v14M32 42v14"),
        ),
    ),
    "grossstadtentwicklung": Pictogram(
        "Baukran und Neubau",
        fills=(_rect(32, 34, 24, 22, 1),),
        lines=(
            _path("M4 56h56"),
            _path("M16 56V8M8 14h44M16 8l-8 6M16 8l28 6"),
            _path("M44 14v10M41 24h6"),
            _path("M10 56h12"),
            _rect(32, 34, 24, 22, 1),
            _path("M38 40v4M44 40v4M50 40v4M38 48v4M44 48v4M50 48v4"),
        ),
    ),
    "innovationskultur": Pictogram(
        "Glühbirne",
        fills=(_path(BULB),),
        lines=(
            _path(BULB),
            _path("M26 51h12M28 57h8"),
            _path("M26 36l3-6 3 4 3-4 3 6"),
        ),
    ),
    "kinder": Pictogram(
        "Bauklötze und ein Ball",
        fills=(_circle(52, 47, 9),),
        lines=(
            _rect(4, 38, 18, 18, 2),
            _rect(22, 38, 18, 18, 2),
            _rect(13, 20, 18, 18, 2),
            _circle(52, 47, 9),
            _path("M45 41.5c4 3 4 8 0 11M59 41.5c-4 3-4 8 0 11"),
        ),
    ),
    "klima": Pictogram(
        "Blatt",
        fills=(_path(LEAF),),
        lines=(
            _path(LEAF),
            _path("M6 58L40 24"),
        ),
    ),
    "kultur": Pictogram(
        "Museum mit Säulen",
        fills=(_path("M32 6L6 20h52z"),),
        lines=(
            _path("M32 6L6 20h52z"),
            _path("M8 24h48"),
            _path("M14 28v20M26 28v20M38 28v20M50 28v20"),
            _path("M8 52h48M4 58h56"),
        ),
    ),
    "mobilitaet": Pictogram(
        "Bus",
        fills=(_rect(9, 18, 13, 11, 1), _rect(25.5, 18, 13, 11, 1), _rect(42, 18, 13, 11, 1)),
        lines=(
            _rect(4, 12, 56, 36, 6),
            _rect(9, 18, 13, 11, 1),
            _rect(25.5, 18, 13, 11, 1),
            _rect(42, 18, 13, 11, 1),
            _path("M4 36h56"),
            "bg:" + _circle(16, 50, 5),
            "bg:" + _circle(48, 50, 5),
        ),
    ),
    "nordwaerts": Pictogram(
        "Kompass, nach Norden weisend",
        fills=(_path("M32 24l6 15H26z"),),
        lines=(
            _path("M28 12V2l8 10V2"),
            _circle(32, 39, 19),
            _path("M32 24l6 15-6 15-6-15z"),
        ),
    ),
    "sauberkeit": Pictogram(
        "Besen",
        fills=(_path("M24 40l-6 18h28l-6-18z"),),
        lines=(
            _path("M32 4v30"),
            _rect(24, 34, 16, 6, 1),
            _path("M24 40l-6 18h28l-6-18"),
            _path("M27 46l-2 10M32 46v10M37 46l2 10"),
            _path("M52 8v12M46 14h12M12 20v8M8 24h8"),
        ),
    ),
    "sicherheit": Pictogram(
        "Schild mit Haken",
        fills=(_path(SHIELD),),
        lines=(_path(SHIELD), _path("M22 32l7 7 13-14")),
    ),
    "sport": Pictogram(
        "Fußball",
        fills=(_path("M32 24l7.6 5.5-2.9 9H27.3l-2.9-9z"),),
        lines=(
            _circle(32, 32, 24),
            _path("M32 24l7.6 5.5-2.9 9H27.3l-2.9-9z"),
            _path("M32 24V8M39.6 29.5l15.2-4.9M36.7 38.5l9.4 12.9M27.3 38.5l-9.4 12.9"),
            _path("M24.4 29.5L9.2 24.6"),
        ),
    ),
    "standortentwicklung": Pictogram(
        "Fabrikhalle",
        fills=(_path(FACTORY),),
        lines=(
            _path(FACTORY),
            _path("M2 56h60"),
            "bg:" + _path("M12 46h6M22 46h6M32 46h6"),
            _path("M47 10c-2-2 0-4 2-6"),
        ),
    ),
    "teilhabe": Pictogram(
        "Zwei Sprechblasen",
        fills=(_path(BUBBLE_BACK),),
        lines=(
            _path(BUBBLE_BACK),
            "bg:" + _path(BUBBLE_FRONT),
            _path("M13 20h.01M22 20h.01M31 20h.01"),
        ),
    ),
    "wissenschaft-und-forschung": Pictogram(
        "Glaskolben",
        fills=(_path("M17.7 42H46.3L52 52a3 3 0 0 1-3 4H15a3 3 0 0 1-3-4z"),),
        lines=(
            _path("M24 6h16M28 6v18L12 52a3 3 0 0 0 3 4h34a3 3 0 0 0 3-4L36 24V6"),
            _path("M17.7 42h28.6"),
            _circle(30, 49, 2),
            _circle(39, 46, 1.5),
        ),
    ),
    "wohnen": Pictogram(
        "Haus",
        fills=(_rect(18, 40, 10, 16, 1),),
        lines=(
            _path("M4 32L32 8l28 24"),
            _path("M12 26v30h40V26"),
            _path("M42 17V8h6v14"),
            _rect(18, 40, 10, 16, 1),
            _rect(36, 36, 10, 10, 1),
            _path("M2 56h60"),
        ),
    ),
}

# For a theme the demo does not know: one speech bubble, the platform's sign for "talk".
FALLBACK = Pictogram(
    "Sprechblase",
    fills=(_path(BUBBLE_FRONT),),
    lines=(_path(BUBBLE_FRONT), _path("M13 20h.01M22 20h.01M31 20h.01")),
)


def _draw(shape: str) -> str:
    if shape.startswith("bg:"):
        return shape[3:].replace("/>", f' fill="{BACKGROUND}"/>', 1)
    return shape


def pictogram_svg(slug: str) -> str:
    """The pictogram of the theme with this slug as a standalone SVG document."""
    pictogram = PICTOGRAMS.get(slug, FALLBACK)
    scale = ICON_SIZE / GRID
    x = (WIDTH - ICON_SIZE) / 2
    y = (HEIGHT - ICON_SIZE) / 2
    fills = "".join(pictogram.fills)
    lines = "".join(_draw(shape) for shape in pictogram.lines)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}"/>'
        f'<circle cx="{WIDTH / 2:g}" cy="{HEIGHT / 2:g}" r="{ICON_SIZE * 0.62:g}" fill="#E5EBF7"/>'
        f'<g transform="translate({x:g} {y:g}) scale({scale:g})">'
        f'<g fill="{TINT}" stroke="none">{fills}</g>'
        f'<g fill="none" stroke="{LINE}" stroke-width="2.5" stroke-linecap="round" '
        f'stroke-linejoin="round">{lines}</g>'
        "</g></svg>"
    )
