"""The council paper (Ratsvorlage) as a Word document the administration can edit.

Same chapters and wording as the HTML (``templates/ratsvorlage/paper_body.html``).
"""

from __future__ import annotations

import copy
import datetime
import io
import re
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

CHAPTERS = (
    "1 Ausgangsbilder und Zielbilder je Schwerpunktthema",
    "2 Beteiligung in Zahlen",
    "3 Ziele, Handlungsfelder, Projekte und Kennzahlen",
    "4 Beteiligungsmatrix der Ämter",
)
TOC_PLACEHOLDER = (
    "Das Inhaltsverzeichnis wird beim Öffnen in Word erstellt. Falls es fehlt: "
    "Rechtsklick → Feld aktualisieren."
)
FONT = "Arial"

# Page geometry of the PDF version (paper_print.html), in millimetres.
PORTRAIT = {"width": 210, "height": 297, "top": 22, "right": 18, "bottom": 22, "left": 22}
LANDSCAPE = {"width": 297, "height": 210, "top": 15, "right": 15, "bottom": 15, "left": 15}
TWIPS_PER_MM = 1440 / 25.4

# XML 1.0 forbids these; user text may still contain them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render_docx(content: dict, *, sha256: str, version: int, created_at: str) -> bytes:
    document = Document()
    paper = content["paper"]
    _set_up_styles(document)
    _set_up_settings(document)
    _set_core_properties(document, paper, sha256=sha256, version=version, created_at=created_at)
    section = document.sections[0]
    _set_page(section, PORTRAIT, landscape=False)
    _set_header_and_footer(section, paper, version)

    body = document.element.body
    final_sectPr = body.sectPr
    # The portrait pages end in a paragraph carrying their section properties; the body's own
    # (last) section becomes the landscape one for the matrix.
    portrait_sectPr = copy.deepcopy(final_sectPr)
    _landscape(final_sectPr)

    writer = _Writer(document.part)
    _cover(writer, paper, sha256=sha256, version=version, created_at=created_at)
    _contents(writer)
    _themes(writer, content["themes"])
    _figures(writer, content["figures"])
    _strategy(writer, content["strategy"])
    writer.section_break(portrait_sectPr)
    _matrix(writer, content["matrix"])

    writer.add_numbering(document)
    # The body is parsed once, in its place: python-docx's per-cell API needs minutes for
    # 15,000 rows, and so does moving a parsed subtree into the document (lxml is quadratic).
    xml = etree.tostring(document.element, encoding="unicode")
    start = xml.index(">", xml.index("<w:body")) + 1
    document.part._element = parse_xml(xml[:start] + "".join(writer.chunks) + xml[start:])

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- the chapters ------------------------------------------------------------------------


def _cover(w: _Writer, paper: dict, *, sha256: str, version: int, created_at: str) -> None:
    w.paragraph(w.run(paper["body"], size=11))
    w.paragraph(w.run(f"Drucksache Nr. {paper['number']}", size=11))
    w.paragraph(w.run(paper["title"]), style="Title")
    w.paragraph(w.run(f"Fassung {version} vom {_date(paper['date'])}", size=11))
    w.paragraph(w.run("Beschlussvorschlag"), style="Heading 1", space_before=480)
    for block in re.split(r"\n\s*\n", _clean(paper["proposed_resolution"]).strip()):
        if block.strip():
            w.paragraph(w.run(block.strip()))
    w.paragraph(
        w.run(f"SHA-256 des Inhalts: {sha256}") + w.run(f"\nErstellt am {_datetime(created_at)}"),
        style="Klein",
        space_before=680,
    )


def _contents(w: _Writer) -> None:
    w.paragraph(w.run("Inhalt"), style="TOC Heading", page_break=True)
    instruction = ' TOC \\o "1-2" \\h \\z \\u '
    w.raw(
        "<w:p>"
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{w.run(TOC_PLACEHOLDER, italic=True)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>"
    )


def _themes(w: _Writer, themes: list[dict]) -> None:
    w.heading(1, CHAPTERS[0], page_break=True)
    w.paragraph(
        w.run(
            "Je Schwerpunktthema: die Ausgangsbilder mit ihren Bewertungen in der "
            "Online-Beteiligung, die konsolidierten Zielbilder mit ihren Quellen, und was aus "
            "jeder Eingabe wurde."
        )
    )
    for position, theme in enumerate(themes, start=1):
        w.heading(2, f"1.{position} {theme['name']}")
        w.heading(3, "Ausgangsbilder")
        if theme["ausgangsbilder"]:
            w.table(
                f"Ausgangsbilder: {theme['name']}",
                ["Aussage", "Herkunft", "Zustimmung", "Ablehnung", "neutral", "Kommentare"],
                [
                    [
                        _numbered(w, item),
                        w.run(item["sector"]),
                        w.run(_number(item["agree"])),
                        w.run(_number(item["disagree"])),
                        w.run(_number(item["neutral"])),
                        w.run(_number(item["comments"])),
                    ]
                    for item in theme["ausgangsbilder"]
                ],
                # The number columns fit their German headers; the statement gets the rest.
                widths=[71.5, 25, 20.5, 18.5, 13, 21.5],
                right=(2, 3, 4, 5),
            )
            if theme.get("ausgangsbilder_more"):
                w.paragraph(
                    w.run(
                        f"Gezeigt sind die {len(theme['ausgangsbilder'])} von "
                        f"{theme['ausgangsbilder_total']} Ausgangsbildern mit der meisten "
                        f"Zustimmung. Alle {theme['ausgangsbilder_total']}, mit ihren "
                        "Bewertungen, als offene Daten: ",
                        size=8.5,
                    )
                    + w.link(theme["statements_url"], theme["statements_url"])
                )
        else:
            w.paragraph(w.run("Keine Ausgangsbilder."))

        w.heading(3, "Konsolidierte Zielbilder")
        if theme["zielbilder"]:
            numbering = w.new_numbering()
            for zielbild in theme["zielbilder"]:
                w.paragraph(w.run(zielbild["text"], bold=True), style="List Number", num=numbering)
                served = ", ".join(zielbild["goals"])
                if zielbild["goals"] and zielbild["fields"]:
                    served += "; "
                served += ", ".join(zielbild["fields"])
                if served:
                    w.paragraph(w.run(f"Dient: {served}"), style="Listentext")
                sources = zielbild["sources"]
                w.paragraph(
                    w.run("Quellen:" + ("" if sources else " keine eingetragen")),
                    style="Listentext",
                )
                for source in sources:
                    w.paragraph(
                        w.link(f"Nr. {source['id']}", source["url"])
                        + w.run(f" ({source['kind']}): {_words(source['text'], 30)}"),
                        style="List Bullet 2",
                    )
        else:
            w.paragraph(
                w.run("Für dieses Thema ist noch kein konsolidiertes Zielbild veröffentlicht.")
            )

        w.heading(3, "Wie die Eingaben aufgenommen wurden")
        counts = {key: _number(value) for key, value in theme["inputs"].items()}
        w.paragraph(
            w.run(
                f"Von {counts['total']} Eingaben wurden {counts['taken_up']} in ein Zielbild "
                f"aufgenommen, {counts['merged']} mit anderen zusammengeführt und "
                f"{counts['not_taken_up']} mit Begründung nicht aufgenommen; {counts['open']} "
                "sind noch offen. Alle Quellen und Begründungen: "
            )
            + w.link(theme["zielbilder_url"], theme["zielbilder_url"])
        )
        if theme["not_taken_up"]:
            w.table(
                f"Nicht aufgenommen, und warum: {theme['name']}",
                ["Eingabe", "Begründung"],
                [
                    [
                        w.link(f"Nr. {item['id']}", item["url"])
                        + w.run(f": {_words(item['text'], 40)}"),
                        w.run(item["reason"]),
                    ]
                    for item in theme["not_taken_up"]
                ],
                widths=[95, 75],
            )


def _figures(w: _Writer, figures: dict) -> None:
    w.heading(1, CHAPTERS[1], page_break=True)
    w.table(
        "Online-Beteiligung",
        ["Kennzahl", "Anzahl"],
        [
            [w.run(label), w.run(value)]
            for label, value in (
                (
                    "Teilnehmende (Konten, die bewertet, kommentiert oder vorgeschlagen haben)",
                    _number(figures["participants"]),
                ),
                ("Veröffentlichte Aussagen", _number(figures["statements"])),
                ("Kommentare", _number(figures["comments"])),
                ("Bewertungen", _number(figures["votes"])),
                (
                    "Vorschläge (davon angenommen)",
                    f"{_number(figures['proposals'])} ({_number(figures['proposals_accepted'])})",
                ),
            )
        ],
        widths=[120, 40],
        right=(1,),
    )
    for conference in figures["conferences"]:
        w.table(
            f"{conference['title']} (Stufe {conference['stage']}, {_date(conference['date'])}; "
            f"{_number(conference['capacity'])} Plätze)",
            ["Bereich", "bestätigt", "Warteliste", "anwesend"],
            [
                [
                    w.run(row["sector"]),
                    w.run(_number(row["confirmed"])),
                    w.run(_number(row["waiting"])),
                    w.run(_number(row["attended"])),
                ]
                for row in conference["sectors"]
            ],
            total=[
                w.run("Zusammen", bold=True),
                w.run(_number(conference["confirmed"]), bold=True),
                w.run(_number(conference["waiting"]), bold=True),
                w.run(_number(conference["attended"]), bold=True),
            ],
            widths=[56, 28, 28, 28],
            right=(1, 2, 3),
        )


def _strategy(w: _Writer, goals: list[dict]) -> None:
    w.heading(1, CHAPTERS[2], page_break=True)
    for position, goal in enumerate(goals, start=1):
        w.heading(2, f"3.{position} Ziel {goal['number']}: {goal['name']}")
        if goal["description"]:
            w.paragraph(w.run(goal["description"]))
        for field in goal["fields"]:
            w.heading(3, field["name"])
            w.paragraph(
                w.run(f"Patenschaft: {field['sponsor'] or 'noch nicht benannt'}"), style="Klein"
            )
            for project in field["projects"]:
                w.paragraph(
                    w.run(project["name"], bold=True)
                    + w.run(" (strategisches Projekt)" if project["strategic"] else ""),
                    style="List Bullet",
                )
                _description(w, project["description"])
            if field["key_figures"]:
                w.table(
                    f"Kennzahlen: {field['name']}",
                    ["Kennzahl", "Art", "Einheit", "Ausgangswert", "Zielwert", "Quelle, Hinweis"],
                    [
                        [
                            w.run(figure["name"]),
                            w.run("strategisch" if figure["strategic"] else "weitere"),
                            w.run(figure["unit"] or "–"),
                            w.run(_value(figure, "baseline")),
                            w.run(_value(figure, "target")),
                            w.run("; ".join(t for t in (figure["source"], figure["note"]) if t)),
                        ]
                        for figure in field["key_figures"]
                    ],
                    widths=[42, 18, 14, 31, 31, 34],
                )


def _description(w: _Writer, text: str) -> None:
    """A project's short description: the seed's "- " lines become a nested list."""
    for line in _clean(text).split("\n"):
        if not line.strip():
            continue
        bullet = re.match(r"(\s*)[-•–]\s+(.*)", line)
        if bullet:
            style = "List Bullet 3" if bullet.group(1) else "List Bullet 2"
            w.paragraph(w.run(bullet.group(2)), style=style)
        else:
            w.paragraph(w.run(line.strip()), style="Listentext")


def _matrix(w: _Writer, matrix: dict) -> None:
    w.heading(1, CHAPTERS[3])
    w.paragraph(w.run("F = federführend, B = beteiligt."))
    fields = matrix["fields"]
    office_width = 42
    column = (LANDSCAPE["width"] - LANDSCAPE["left"] - LANDSCAPE["right"] - office_width) / max(
        len(fields), 1
    )
    w.table(
        "Ämter und Handlungsfelder",
        ["Amt", *fields],
        [
            [w.run(f"{office['number']} {office['name']}")]
            + [w.run(role, bold=role == "F") for role in office["roles"]]
            for office in matrix["offices"]
        ],
        widths=[office_width] + [column] * len(fields),
        centre=tuple(range(1, len(fields) + 1)),
        style="Matrix",
        rotate_header=True,
    )


# --- writing WordprocessingML -------------------------------------------------------------

# Style names as python-docx knows them -> their ids in styles.xml.
_STYLE_IDS = {
    "Title": "Title",
    "TOC Heading": "TOCHeading",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
    "List Number": "ListNumber",
    "List Bullet": "ListBullet",
    "List Bullet 2": "ListBullet2",
    "List Bullet 3": "ListBullet3",
    "Caption": "Caption",
    "Klein": "Klein",
    "Listentext": "Listentext",
    "Tabelle": "Tabelle",
    "Tabellenkopf": "Tabellenkopf",
    "Matrix": "Matrix",
    "Matrixkopf": "Matrixkopf",
}


class _Writer:
    """Collects the body as XML text; hyperlinks become relationships of the main part."""

    def __init__(self, part):
        self.part = part
        self.chunks: list[str] = []
        self._links: dict[str, str] = {}
        self._numberings: list[int] = []

    def raw(self, xml: str) -> None:
        self.chunks.append(xml)

    def run(self, text, *, bold=False, italic=False, size=None) -> str:
        text = _clean(str(text))
        if not text:
            return ""
        props = ""
        if bold:
            props += "<w:b/><w:bCs/>"
        if italic:
            props += "<w:i/><w:iCs/>"
        if size:
            props += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
        props = f"<w:rPr>{props}</w:rPr>" if props else ""
        return f"<w:r>{props}{_text(text)}</w:r>"

    def link(self, text: str, url: str) -> str:
        rId = self._links.get(url)
        if rId is None:
            # Numbered past python-docx's own ids; its lookup by target is linear per call.
            rId = f"rIdLink{len(self._links) + 1}"
            self.part.rels.add_relationship(RT.HYPERLINK, url, rId, is_external=True)
            self._links[url] = rId
        return (
            f'<w:hyperlink r:id="{rId}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
            f"</w:rPr>{_text(_clean(text))}</w:r></w:hyperlink>"
        )

    def paragraph(
        self, runs: str, *, style=None, page_break=False, num=None, space_before=None
    ) -> None:
        props = f'<w:pStyle w:val="{_STYLE_IDS[style]}"/>' if style else ""
        if page_break:
            props += "<w:pageBreakBefore/>"
        if num is not None:
            props += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        if space_before is not None:
            props += f'<w:spacing w:before="{space_before}"/>'
        props = f"<w:pPr>{props}</w:pPr>" if props else ""
        self.chunks.append(f"<w:p>{props}{runs}</w:p>")

    def heading(self, level: int, text: str, *, page_break=False) -> None:
        self.paragraph(self.run(text), style=f"Heading {level}", page_break=page_break)

    def new_numbering(self) -> int:
        """A numbering of the List Number style that starts again at 1."""
        number = 1000 + len(self._numberings)
        self._numberings.append(number)
        return number

    def add_numbering(self, document) -> None:
        numbering = document.part.numbering_part.element
        style = document.styles["List Number"].element
        base = style.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(base).abstractNumId.val
        for number in self._numberings:
            numbering.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{number}">'
                    f'<w:abstractNumId w:val="{abstract}"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                    "</w:num>"
                )
            )

    def section_break(self, sectPr) -> None:
        self.chunks.append(
            f"<w:p><w:pPr>{etree.tostring(sectPr, encoding='unicode')}</w:pPr></w:p>"
        )

    def table(
        self,
        caption: str,
        headers: list[str],
        rows: list[list[str]],
        *,
        widths: list[float],
        right=(),
        centre=(),
        total=None,
        style="Tabelle",
        rotate_header=False,
    ) -> None:
        """A table with a caption above it, a header row repeated on every page and, if given,
        a totals row. `widths` in millimetres."""
        twips = [round(width * TWIPS_PER_MM) for width in widths]
        self.paragraph(self.run(caption), style="Caption")
        body_style = _STYLE_IDS[style]
        head_style = _STYLE_IDS["Matrixkopf" if style == "Matrix" else "Tabellenkopf"]
        aligns = dict.fromkeys(right, "right") | dict.fromkeys(centre, "center")
        cell_props = [f'<w:tcW w:w="{width}" w:type="dxa"/>' for width in twips]
        # The paragraph properties of every column, built once: 90,000 cells add up.
        para_props = [
            f'<w:pPr><w:pStyle w:val="{body_style}"/>'
            + (f'<w:jc w:val="{aligns[i]}"/>' if i in aligns else "")
            + "</w:pPr>"
            for i in range(len(twips))
        ]
        out = [
            f"<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
            f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            f"<w:tblCellMar>{_CELL_MARGINS}</w:tblCellMar>"
            '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f'<w:tblCaption w:val="{_attr(caption)}"/>'
            "</w:tblPr><w:tblGrid>"
            + "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
            + "</w:tblGrid>"
        ]
        height = '<w:trHeight w:val="2400" w:hRule="atLeast"/>' if rotate_header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}<w:tblHeader/></w:trPr>")
        for i, header in enumerate(headers):
            rotated = i > 0 and rotate_header
            out.append(
                f"<w:tc><w:tcPr>{cell_props[i]}"
                '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>'
                + ('<w:textDirection w:val="btLr"/>' if rotated else "")
                + ('<w:vAlign w:val="bottom"/>' if rotate_header else "")
                + f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{head_style}"/></w:pPr>'
                f"{self.run(header)}</w:p></w:tc>"
            )
        out.append("</w:tr>")
        for row in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for i, cell in enumerate(row):
                out.append(
                    f"<w:tc><w:tcPr>{cell_props[i]}</w:tcPr><w:p>{para_props[i]}{cell}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        if total is not None:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for i, cell in enumerate(total):
                out.append(
                    f"<w:tc><w:tcPr>{cell_props[i]}</w:tcPr><w:p>{para_props[i]}{cell}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.chunks.append("".join(out))


# 1.5 mm left and right, as the HTML's cell padding.
_CELL_MARGINS = '<w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="888888"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _numbered(w: _Writer, item: dict) -> str:
    return w.link(f"Nr. {item['id']}", item["url"]) + w.run(f": {item['text']}")


def _text(text: str) -> str:
    """Runs' text: line breaks and tabs are elements of their own in WordprocessingML."""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(parts)


def _attr(text: str) -> str:
    return escape(_clean(text).replace("\n", " "), {'"': "&quot;"})


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _words(text: str, count: int) -> str:
    # The HTML's truncatewords filter, so both versions cut at the same word.
    return Truncator(text).words(count, truncate=" …")


# --- German numbers and dates -------------------------------------------------------------

_GERMAN = str.maketrans(",.", ".,")


def _number(value) -> str:
    """1234.5 -> "1.234,5": thousands grouped, at most two decimals."""
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".translate(_GERMAN)
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(_GERMAN)


def _value(figure: dict, which: str) -> str:
    value = figure[which]
    if value is None:
        return "noch festzulegen" if figure["note"] else "–"
    date = figure[f"{which}_date"]
    return f"{_number(value)} ({_date(date)})" if date else _number(value)


def _date(value) -> str:
    if not value:
        return ""
    try:
        return datetime.date.fromisoformat(str(value)[:10]).strftime("%d.%m.%Y")
    except ValueError:
        return str(value)


def _moment(value) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _datetime(value) -> str:
    """As the HTML prints it: the site's DATETIME_FORMAT in German and local time. Text that
    is no ISO date (e.g. already formatted by the caller) is printed as it is."""
    moment = _moment(value)
    if moment is None:
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    with translation.override("de"):
        return formats.date_format(moment, "DATETIME_FORMAT")


# --- styles, settings, page set-up --------------------------------------------------------


def _set_up_styles(document) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = {f"w:{key}": FONT for key in ("ascii", "hAnsi", "eastAsia", "cs")}
    _replace(run_defaults, "w:rFonts", fonts)
    _replace(run_defaults, "w:sz", {"w:val": "20"})
    _replace(run_defaults, "w:szCs", {"w:val": "20"})
    # The language of every run, so Word's spelling, hyphenation and screen readers use German.
    _replace(run_defaults, "w:lang", {"w:val": "de-DE", "w:eastAsia": "de-DE", "w:bidi": "ar-SA"})
    paragraph_defaults = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _replace(
        paragraph_defaults, "w:spacing", {"w:after": "120", "w:line": "288", "w:lineRule": "auto"}
    )

    for name, size, before, after in (
        ("Title", 22, 12, 12),
        ("TOC Heading", 15, 0, 12),
        ("Heading 1", 15, 0, 8),
        ("Heading 2", 12.5, 18, 6),
        ("Heading 3", 10.5, 12, 4),
    ):
        style = styles[name]
        # The template's theme fonts and colours would win over the document's font.
        rPr = style.element.get_or_add_rPr()
        for tag in ("w:rFonts", "w:color", "w:spacing", "w:kern"):
            for element in rPr.findall(qn(tag)):
                rPr.remove(element)
        pPr = style.element.get_or_add_pPr()
        for element in pPr.findall(qn("w:pBdr")):
            pPr.remove(element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.line_spacing = 1.1

    caption = styles["Caption"]
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.font.size = Pt(8.5)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(3)
    caption.hidden = False
    caption.unhide_when_used = False
    for name in ("List Number", "List Bullet", "List Bullet 2", "List Bullet 3"):
        styles[name].paragraph_format.space_after = Pt(3)
    # Sources and project descriptions: the detail under a list item, a size smaller.
    for name in ("List Bullet 2", "List Bullet 3"):
        styles[name].font.size = Pt(9)

    for name, size, bold, after, indent in (
        ("Klein", 8, False, 0, None),
        ("Listentext", 9, False, 2, Pt(18)),
        ("Tabelle", 8.5, False, 0, None),
        ("Tabellenkopf", 8, True, 0, None),
        ("Matrix", 7, False, 0, None),
        ("Matrixkopf", 7, True, 0, None),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
        style.font.size = Pt(size)
        if bold:
            style.font.bold = True
        style.paragraph_format.space_after = Pt(after)
        if indent is None:
            style.paragraph_format.line_spacing = 1.0
        else:
            style.paragraph_format.left_indent = indent

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.underline = True
    link.font.color.rgb = RGBColor(0x0B, 0x4A, 0x8B)
    link.priority = 99
    link.unhide_when_used = True


def _replace(parent, tag: str, attributes: dict[str, str]) -> None:
    """Replace (or add) the child `tag`, keeping its place in the schema's sequence."""
    new = OxmlElement(tag, {qn(key): value for key, value in attributes.items()})
    old = parent.find(qn(tag))
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
    else:
        parent.append(new)


def _set_up_settings(document) -> None:
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    # Word asks to update the fields on opening, which fills the table of contents.
    compat.addprevious(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))
    # No preview picture (it would be python-docx's template) and no "already proof-read".
    for tag in ("w:savePreviewPicture", "w:proofState"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "de-DE")
    settings.find(qn("w:decimalSymbol")).set(qn("w:val"), ",")
    settings.find(qn("w:listSeparator")).set(qn("w:val"), ";")


CORE_PROPERTY_MAX = 255


def _at_most(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _set_core_properties(document, paper, *, sha256, version, created_at) -> None:
    properties = document.core_properties
    # The file's properties hold at most 255 characters (python-docx refuses more, and the
    # compilation failed); a title may have 300. The full title stands on the cover.
    properties.title = _at_most(paper["title"], CORE_PROPERTY_MAX)
    properties.subject = "Ratsvorlage"
    properties.language = "de-DE"
    properties.author = paper["body"]
    properties.last_modified_by = paper["body"]
    properties.keywords = f"Drucksache {paper['number']}; Fassung {version}"
    properties.comments = f"SHA-256 des Inhalts: {sha256}"
    properties.category = "Ratsvorlage"
    properties.revision = max(int(version), 1)
    # The template's own dates are from 2013; without a parsable time, now is the truth.
    moment = _moment(created_at) or datetime.datetime.now(datetime.UTC)
    if timezone.is_aware(moment):
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    properties.created = moment
    properties.modified = moment
    # The template's thumbnail shows python-docx's sample page, not this paper.
    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]


def _set_page(section, page: dict, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(page["width"])
    section.page_height = Mm(page["height"])
    section.top_margin = Mm(page["top"])
    section.right_margin = Mm(page["right"])
    section.bottom_margin = Mm(page["bottom"])
    section.left_margin = Mm(page["left"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _landscape(sectPr) -> None:
    """The matrix's section: A4 landscape; it inherits header and footer (no references of
    its own) and shows the header on its first page too."""
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for element in sectPr.findall(qn(tag)):
            sectPr.remove(element)
    _set_page(Section(sectPr, None), LANDSCAPE, landscape=True)


def _set_header_and_footer(section, paper: dict, version: int) -> None:
    section.different_first_page_header_footer = True
    header = f"Drucksache Nr. {paper['number']} · Fassung {version}"
    _fill(
        section.header,
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Klein"/><w:jc w:val="right"/></w:pPr>'
        f"{_Writer(None).run(header)}</w:p>",
    )
    # The cover has no running header, as in the PDF.
    _fill(section.first_page_header, f"<w:p {nsdecls('w')}/>")
    page_numbers = (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Klein"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">Seite </w:t></w:r>{_field("PAGE")}'
        f'<w:r><w:t xml:space="preserve"> von </w:t></w:r>{_field("NUMPAGES")}</w:p>'
    )
    _fill(section.footer, page_numbers)
    _fill(section.first_page_footer, page_numbers)


def _fill(story, xml: str) -> None:
    element = story._element
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(xml))


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
