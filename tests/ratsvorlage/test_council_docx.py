"""The council paper as DOCX: structure, accessibility and German formatting."""

import copy
import datetime
import io
import time

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from ratsvorlage.render_docx import CHAPTERS, render_docx

SHA = "3f2a" * 16
BASE = "https://beteiligung.example.org"


def statement_url(pk):
    return f"{BASE}/beteiligung/aussagen/{pk}/"


def paper_content():
    return {
        "format": "stadtgespraech-ratsvorlage",
        "format_version": 1,
        "paper": {
            "title": "Stadtstrategie: Zielbilder für Dortmund",
            "number": "24817-25",
            "date": "2025-11-18",
            "proposed_resolution": (
                "Der Rat nimmt die Ergebnisse zur Kenntnis.\n\n"
                "Er beschließt die Zielbilder als Grundlage der Stadtstrategie."
            ),
            "body": "Stadt Dortmund",
        },
        "themes": [
            {
                "name": "Wohnen und Quartiere",
                "slug": "wohnen",
                "ausgangsbilder": [
                    {
                        "id": 11,
                        "text": "Im Quartier fehlen bezahlbare Wohnungen.",
                        "sector": "Zivilgesellschaft",
                        "agree": 1523,
                        "disagree": 12,
                        "neutral": 7,
                        "comments": 4,
                        "url": statement_url(11),
                    },
                    {
                        "id": 12,
                        "text": "Spielplätze werden kaum gepflegt.\x0b",
                        "sector": "Bürger*innen",
                        "agree": 40,
                        "disagree": 3,
                        "neutral": 1,
                        "comments": 0,
                        "url": statement_url(12),
                    },
                ],
                "zielbilder": [
                    {
                        "id": 501,
                        "text": "Alle finden eine bezahlbare Wohnung in ihrem Stadtteil.",
                        "goals": ["Dortmund wächst"],
                        "fields": ["Wohnen"],
                        "sources": [
                            {
                                "id": 11,
                                "text": "Im Quartier fehlen bezahlbare Wohnungen.",
                                "kind": "Ausgangsbild",
                                "url": statement_url(11),
                            }
                        ],
                    },
                    {
                        "id": 502,
                        "text": "Spielplätze sind sicher und gepflegt.",
                        "goals": [],
                        "fields": [],
                        "sources": [],
                    },
                ],
                "inputs": {
                    "total": 2345,
                    "taken_up": 1200,
                    "merged": 800,
                    "not_taken_up": 1,
                    "open": 344,
                },
                "not_taken_up": [
                    {
                        "id": 13,
                        "text": "Die Straßenbahn soll bis nach Unna fahren.",
                        "reason": "Liegt nicht in der Zuständigkeit der Stadt.",
                        "url": statement_url(13),
                    }
                ],
                "zielbilder_url": f"{BASE}/zielbilder/wohnen/",
            },
            {
                "name": "Mobilität",
                "slug": "mobilitaet",
                "ausgangsbilder": [],
                "zielbilder": [],
                "inputs": {"total": 0, "taken_up": 0, "merged": 0, "not_taken_up": 0, "open": 0},
                "not_taken_up": [],
                "zielbilder_url": f"{BASE}/zielbilder/mobilitaet/",
            },
        ],
        "figures": {
            "participants": 12873,
            "statements": 15034,
            "comments": 4501,
            "votes": 1203456,
            "proposals": 345,
            "proposals_accepted": 123,
            "conferences": [
                {
                    "title": "Stadtkonferenz Zielbilder",
                    "stage": 2,
                    "date": "2025-03-22",
                    "capacity": 400,
                    "confirmed": 2380,
                    "waiting": 52,
                    "attended": 341,
                    "sectors": [
                        {"sector": "Politik", "confirmed": 380, "waiting": 0, "attended": 55},
                        {
                            "sector": "Bürger*innen",
                            "confirmed": 2000,
                            "waiting": 52,
                            "attended": 286,
                        },
                    ],
                }
            ],
        },
        "strategy": [
            {
                "number": 3,
                "name": "Dortmund wächst",
                "description": "Die Stadt schafft Raum für alle.",
                "fields": [
                    {
                        "name": "Wohnen",
                        "sponsor": "64 Wohnungsamt",
                        "projects": [
                            {
                                "name": "Wohnungsbauoffensive",
                                "description": "- 1.000 Wohnungen im Jahr\n- Bauland aktivieren",
                                "strategic": True,
                            },
                            {"name": "Wohnberatung", "description": "", "strategic": False},
                        ],
                        "key_figures": [
                            {
                                "name": "Fertiggestellte Wohnungen",
                                "strategic": True,
                                "unit": "Wohnungen",
                                "direction": "höher ist besser",
                                "baseline": 1234.5,
                                "baseline_date": "2024-12-31",
                                "target": 2500.0,
                                "target_date": "2030-12-31",
                                "source": "Statistik",
                                "note": "",
                            },
                            {
                                "name": "Mietbelastungsquote",
                                "strategic": False,
                                "unit": "",
                                "direction": "",
                                "baseline": None,
                                "baseline_date": None,
                                "target": None,
                                "target_date": None,
                                "source": "",
                                "note": "abzustimmen mit 64",
                            },
                            {
                                "name": "Leerstand",
                                "strategic": False,
                                "unit": "%",
                                "direction": "",
                                "baseline": None,
                                "baseline_date": None,
                                "target": None,
                                "target_date": None,
                                "source": "",
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Attraktivität",
                        "sponsor": "",
                        "projects": [],
                        "key_figures": [],
                    },
                ],
            }
        ],
        "matrix": {
            "fields": ["Wohnen", "Attraktivität", "Verkehrswende"],
            "offices": [
                {"number": "61", "name": "Stadtplanung", "roles": ["B", "B", "F"]},
                {"number": "64", "name": "Wohnungsamt", "roles": ["F", "", "B"]},
            ],
        },
    }


def render(content=None):
    return render_docx(
        content or paper_content(),
        sha256=SHA,
        version=3,
        created_at="2025-11-18T09:41:00+00:00",
    )


@pytest.fixture(scope="module")
def document():
    return Document(io.BytesIO(render()))


def all_text(document):
    """Every paragraph's text, tables included, in document order."""
    return "\n".join(
        "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        for paragraph in document.element.body.iter(qn("w:p"))
    )


def headings(document):
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading") or paragraph.style.name == "Title"
    ]


def test_headings_in_order_with_the_built_in_styles(document):
    assert headings(document) == [
        ("Title", "Stadtstrategie: Zielbilder für Dortmund"),
        ("Heading 1", "Beschlussvorschlag"),
        ("Heading 1", CHAPTERS[0]),
        ("Heading 2", "1.1 Wohnen und Quartiere"),
        ("Heading 3", "Ausgangsbilder"),
        ("Heading 3", "Konsolidierte Zielbilder"),
        ("Heading 3", "Wie die Eingaben aufgenommen wurden"),
        ("Heading 2", "1.2 Mobilität"),
        ("Heading 3", "Ausgangsbilder"),
        ("Heading 3", "Konsolidierte Zielbilder"),
        ("Heading 3", "Wie die Eingaben aufgenommen wurden"),
        ("Heading 1", CHAPTERS[1]),
        ("Heading 1", CHAPTERS[2]),
        ("Heading 2", "3.1 Ziel 3: Dortmund wächst"),
        ("Heading 3", "Wohnen"),
        ("Heading 3", "Attraktivität"),
        ("Heading 1", CHAPTERS[3]),
    ]
    assert CHAPTERS == (
        "1 Ausgangsbilder und Zielbilder je Schwerpunktthema",
        "2 Beteiligung in Zahlen",
        "3 Ziele, Handlungsfelder, Projekte und Kennzahlen",
        "4 Beteiligungsmatrix der Ämter",
    )


def test_cover(document):
    texts = [paragraph.text for paragraph in document.paragraphs[:12]]
    assert texts[:4] == [
        "Stadt Dortmund",
        "Drucksache Nr. 24817-25",
        "Stadtstrategie: Zielbilder für Dortmund",
        "Fassung 3 vom 18.11.2025",
    ]
    # One paragraph per block of the proposed resolution.
    assert texts[5:7] == [
        "Der Rat nimmt die Ergebnisse zur Kenntnis.",
        "Er beschließt die Zielbilder als Grundlage der Stadtstrategie.",
    ]
    assert f"SHA-256 des Inhalts: {SHA}" in texts[7]
    # In the site's time zone and German format, as the HTML prints it.
    assert "Erstellt am 18. November 2025 10:41" in texts[7]


def test_created_at_already_formatted_is_printed_as_given():
    started = datetime.datetime.now(datetime.UTC).replace(tzinfo=None, microsecond=0)
    data = render_docx(paper_content(), sha256=SHA, version=3, created_at="18. November 2025 10:41")
    document = Document(io.BytesIO(data))
    assert "Erstellt am 18. November 2025 10:41" in all_text(document)
    # Not the template's date of 2013.
    assert document.core_properties.created.replace(tzinfo=None) >= started


def test_every_table_repeats_its_header_row_on_each_page(document):
    # Online figures, one conference, Ausgangsbilder, not taken up, key figures, matrix.
    assert len(document.tables) == 6
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr is None or row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None


def test_ausgangsbilder_table(document):
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Aussage",
        "Herkunft",
        "Zustimmung",
        "Ablehnung",
        "neutral",
        "Kommentare",
    ]
    assert [cell.text for cell in table.rows[1].cells] == [
        "Nr. 11: Im Quartier fehlen bezahlbare Wohnungen.",
        "Zivilgesellschaft",
        "1.523",
        "12",
        "7",
        "4",
    ]
    # A vertical tab is not allowed in XML: it is dropped, the document still opens.
    assert table.rows[2].cells[0].text == "Nr. 12: Spielplätze werden kaum gepflegt."


def test_table_of_contents_field(document):
    body = document.element.body
    instructions = "".join(node.text for node in body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions
    assert "Rechtsklick → Feld aktualisieren" in all_text(document)
    begin = next(body.iter(qn("w:fldChar")))
    assert begin.get(qn("w:fldCharType")) == "begin"
    # Word updates the fields (and so fills the table of contents) when it opens the file.
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    inhalt = [p for p in document.paragraphs if p.text == "Inhalt"]
    assert inhalt[0].style.name == "TOC Heading"


def test_footer_numbers_the_pages(document):
    for section in document.sections:
        for footer in (section.footer, section.first_page_footer):
            instructions = "".join(
                node.text for node in footer._element.iter(qn("w:instrText"))
            ).split()
            assert instructions == ["PAGE", "NUMPAGES"]
            assert footer.paragraphs[0].text.startswith("Seite ")
            assert " von " in footer.paragraphs[0].text
    assert document.sections[0].header.paragraphs[0].text == "Drucksache Nr. 24817-25 · Fassung 3"


def test_hyperlinks_point_to_the_statements(document):
    part = document.part
    links = {}
    for hyperlink in document.element.body.iter(qn("w:hyperlink")):
        text = "".join(node.text for node in hyperlink.iter(qn("w:t")))
        links.setdefault(text, set()).add(part.rels[hyperlink.get(qn("r:id"))].target_ref)
    assert links["Nr. 11"] == {statement_url(11)}
    assert links["Nr. 12"] == {statement_url(12)}
    assert links["Nr. 13"] == {statement_url(13)}
    assert f"{BASE}/zielbilder/wohnen/" in links
    assert all(part.rels[rId].is_external for rId in part.rels if rId.startswith("rIdLink"))


def test_core_properties_and_language(document):
    properties = document.core_properties
    assert properties.title == "Stadtstrategie: Zielbilder für Dortmund"
    assert properties.subject == "Ratsvorlage"
    assert properties.language == "de-DE"
    assert properties.author == "Stadt Dortmund"
    assert properties.created == datetime.datetime(2025, 11, 18, 9, 41, tzinfo=datetime.UTC)
    assert SHA in properties.comments
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "de-DE"


def test_a_title_longer_than_the_file_properties_take_is_shortened_there_only():
    """The form allows 300 characters; Word's title property 255 (python-docx refused more
    and the whole compilation failed). The cover keeps the full title."""
    content = paper_content()
    content["paper"]["title"] = "Stadtstrategie " + "x" * 285
    document = Document(io.BytesIO(render(content)))
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")
    assert content["paper"]["title"] in all_text(document)


def test_the_matrix_is_a_landscape_section(document):
    first, last = document.sections[0], document.sections[-1]
    assert len(document.sections) == 2
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert first.page_width < first.page_height
    assert last.orientation == WD_ORIENT.LANDSCAPE
    assert last.page_width > last.page_height
    matrix = document.tables[-1]
    assert [cell.text for cell in matrix.rows[0].cells] == [
        "Amt",
        "Wohnen",
        "Attraktivität",
        "Verkehrswende",
    ]
    assert [cell.text for cell in matrix.rows[2].cells] == ["64 Wohnungsamt", "F", "", "B"]
    assert matrix.rows[1].cells[1].paragraphs[0].style.name == "Matrix"
    assert matrix.rows[1].cells[1].paragraphs[0].style.font.size.pt <= 8
    assert "F = federführend, B = beteiligt." in all_text(document)


def test_empty_themes_say_so(document):
    text = all_text(document)
    assert "Keine Ausgangsbilder." in text
    assert "Für dieses Thema ist noch kein konsolidiertes Zielbild veröffentlicht." in text
    assert "Von 0 Eingaben wurden 0 in ein Zielbild aufgenommen" in text


def test_zielbilder_numbered_afresh_per_theme():
    content = paper_content()
    second = copy.deepcopy(content["themes"][0])
    second["name"], second["slug"] = "Klima", "klima"
    content["themes"].append(second)
    document = Document(io.BytesIO(render(content)))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == [
        "Alle finden eine bezahlbare Wohnung in ihrem Stadtteil.",
        "Spielplätze sind sicher und gepflegt.",
    ] * 2
    first_list, second_list = (
        {p._p.pPr.numPr.numId.val for p in numbered[:2]},
        {p._p.pPr.numPr.numId.val for p in numbered[2:]},
    )
    assert len(first_list) == len(second_list) == 1 and first_list != second_list
    numbering = document.part.numbering_part.element
    for num_id in first_list | second_list:
        override = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"
    text = all_text(document)
    assert "Dient: Dortmund wächst; Wohnen" in text
    assert "Quellen: keine eingetragen" in text


def test_numbers_in_german_format(document):
    text = all_text(document)
    assert (
        "Von 2.345 Eingaben wurden 1.200 in ein Zielbild aufgenommen, 800 mit anderen "
        "zusammengeführt und 1 mit Begründung nicht aufgenommen; 344 sind noch offen." in text
    )
    online = document.tables[2]
    assert [row.cells[1].text for row in online.rows[1:]] == [
        "12.873",
        "15.034",
        "4.501",
        "1.203.456",
        "345 (123)",
    ]
    conference = document.tables[3]
    assert "Stadtkonferenz Zielbilder (Stufe 2, 22.03.2025; 400 Plätze)" in text
    assert [cell.text for cell in conference.rows[-1].cells] == ["Zusammen", "2.380", "52", "341"]


def test_key_figures(document):
    table = document.tables[4]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Kennzahl",
        "Art",
        "Einheit",
        "Ausgangswert",
        "Zielwert",
        "Quelle, Hinweis",
    ]
    assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == [
        [
            "Fertiggestellte Wohnungen",
            "strategisch",
            "Wohnungen",
            "1.234,5 (31.12.2024)",
            "2.500 (31.12.2030)",
            "Statistik",
        ],
        [
            "Mietbelastungsquote",
            "weitere",
            "–",
            "noch festzulegen",
            "noch festzulegen",
            "abzustimmen mit 64",
        ],
        ["Leerstand", "weitere", "%", "–", "–", ""],
    ]
    text = all_text(document)
    assert "Patenschaft: 64 Wohnungsamt" in text
    assert "Patenschaft: noch nicht benannt" in text
    projects = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert projects == ["Wohnungsbauoffensive (strategisches Projekt)", "Wohnberatung"]
    details = [p.text for p in document.paragraphs if p.style.name == "List Bullet 2"]
    assert "1.000 Wohnungen im Jahr" in details


def test_fifteen_thousand_ausgangsbilder_render_quickly():
    content = paper_content()
    row = content["themes"][0]["ausgangsbilder"][0]
    content["themes"][0]["ausgangsbilder"] = [
        {**row, "id": pk, "url": statement_url(pk)} for pk in range(15_000)
    ]
    started = time.perf_counter()
    data = render(content)
    # About 3 s on a laptop; python-docx's cell API or moving parsed XML would take minutes.
    assert time.perf_counter() - started < 30
    assert len(Document(io.BytesIO(data)).tables[0].rows) == 15_001
