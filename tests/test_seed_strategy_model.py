"""Specification of the strategy model in strategie/seed.py, checked against the council paper.

"seed line N" is the line of the paper's plain-text extraction (not part of this repository)
where an entry stands; see strategie/seed.py.
Plain data only: no database, no Django.
"""

import dataclasses
import re
from collections import Counter

from strategie import seed

FIELDS = {field.name: field for goal in seed.GOALS for field in goal.fields}
GOAL_OF = {field.name: goal.name for goal in seed.GOALS for field in goal.fields}
OFFICE_NUMBERS = {office.number for office in seed.OFFICES}


def _strings(value):
    """Every string inside the seed data, recursively."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _strings(item)


ALL_STRINGS = [
    *_strings(seed.GOALS),
    *_strings(seed.OFFICES),
    *_strings(seed.MATRIX),
    *_strings(seed.MATRIX_PARENTHESIZED),
]


# --- goals and fields -------------------------------------------------------------------------


def test_nine_goals_numbered_in_the_order_of_the_overview():
    # seed lines 238-256, repeated by the table "Termine Runde I" (seed lines 1231-1254)
    assert [(goal.number, goal.name) for goal in seed.GOALS] == [
        (1, "Dortmund wird einfacher"),
        (2, "In Dortmund wachsen alle Kinder über sich hinaus"),
        (3, "Dortmund zieht an"),
        (4, "In Dortmund zählt, wo man hin will"),
        (5, "Dortmund ist emanzipiert"),
        (6, "Dortmund vertraut sich"),
        (7, "Dortmund schafft Umweltqualität und Arbeit mit Klimaschutz"),
        (8, "Dortmund hat gleiche, gute Lebensverhältnisse"),
        (9, "Dortmunds Kommunalwirtschaft ist für die Menschen da"),
    ]


def test_twenty_one_fields_with_unique_names_and_every_goal_has_one():
    names = [field.name for goal in seed.GOALS for field in goal.fields]
    assert len(names) == 21
    assert len(set(names)) == 21
    assert all(goal.fields for goal in seed.GOALS)
    assert [len(goal.fields) for goal in seed.GOALS] == [3, 3, 4, 1, 2, 3, 3, 1, 1]


# --- projects -------------------------------------------------------------------------------


def test_every_field_has_one_strategic_project_except_nordwaerts():
    # The paper's rule is "1 Strategisches Projekt pro Handlungsfeld" (seed line 198). Its one
    # deviation: the status slide of "Dortmund hat gleiche, gute Lebensverhältnisse" lists three
    # more "Strategische Projekte" for Nordwärts (seed lines 1353-1358) besides the programme
    # „nordwärts“ itself (seed lines 911-914, 1253).
    strategic = {
        name: [p.name for p in field.projects if p.strategic] for name, field in FIELDS.items()
    }
    assert strategic.pop("Nordwärts") == [
        "Nordwärts",
        "Aufbau von nachhaltigen Nachbarschaftsstrukturen/Nachbarschaftszentren",
        "Förderung und Gestaltung von Höfen",
        "Der Norden holt auf- Chancenwerk",
    ]
    assert all(len(projects) == 1 for projects in strategic.values()), strategic


def test_strategic_project_of_each_field_comes_first_and_has_the_papers_description():
    for field in FIELDS.values():
        first = field.projects[0]
        assert first.strategic
        # every field's main strategic project has a Kurzbeschreibung slide in the paper
        assert first.description.strip(), field.name


def test_the_paper_names_no_further_projects():
    # "über 100 definierte Projekte" (seed line 200) are announced but not listed.
    assert all(p.strategic for field in FIELDS.values() for p in field.projects)
    assert sum(len(field.projects) for field in FIELDS.values()) == 24


# --- key figures ----------------------------------------------------------------------------


OPEN_STRATEGIC_FIGURES = {
    # field: words of the paper that say the figure is not agreed yet
    "Kooperativer Ganztag": "Kennzahlen abzustimmen mit Kinderkommission",  # seed line 463
    "Neue Stärke": "abzustimmen mit WF",  # seed line 730
    "Nordwärts": "Kennzahl erarbeiten/ Einbeziehung Kuratorium",  # seed lines 898-899
    "Kommunalwirtschaft": "In Entwicklung",  # seed line 1000
}


def test_every_field_has_exactly_one_strategic_key_figure():
    for name, field in FIELDS.items():
        assert field.key_figures, name
        assert [f.strategic for f in field.key_figures].count(True) == 1, name
        assert field.key_figures[0].strategic, name


def test_a_note_marks_exactly_the_strategic_figures_the_paper_leaves_open():
    notes = {
        name: figure.note
        for name, field in FIELDS.items()
        for figure in field.key_figures
        if figure.note
    }
    assert notes == OPEN_STRATEGIC_FIGURES
    assert "abzustimmen mit Kinderkommission" in notes["Kooperativer Ganztag"]


def test_key_figures_have_names_and_no_placeholders():
    # "1) ...", "2) ..." and "1) Kennzahl" on the slides are placeholders, not figures.
    for field in FIELDS.values():
        for figure in field.key_figures:
            assert figure.name.strip()
            assert "..." not in figure.name
            assert figure.name not in {"Kennzahl", "tbd"}
            assert figure.unit == ""  # the paper gives no units


def test_key_figure_counts():
    figures = [figure for field in FIELDS.values() for figure in field.key_figures]
    assert Counter(figure.strategic for figure in figures) == {True: 21, False: 25}


# --- offices and matrix ---------------------------------------------------------------------


def test_offices_are_unique_and_named_as_in_the_matrix():
    assert len(seed.OFFICES) == 35
    assert len(OFFICE_NUMBERS) == 35
    offices = {office.number: office.name for office in seed.OFFICES}
    assert offices["10"] == "DOSYS"  # seed line 1189
    assert offices["37"] == "Feuerwehr"  # seed line 1200
    assert offices["80"] == "WF"  # seed line 1220
    assert offices["5"] == "Sozialdezernat/Sozialplanung"  # seed line 1221
    # the paper assigns no Dezernat to the offices (see seed.Office.division)
    assert {office.division for office in seed.OFFICES} == {""}


def test_sponsor_offices_exist_and_the_paper_gives_sponsors_only_as_divisions():
    for field in FIELDS.values():
        assert field.sponsor_office is None or field.sponsor_office in OFFICE_NUMBERS
    # The paper names each sponsor (Pat*in) as a person, never as an office ...
    assert {field.sponsor_office for field in FIELDS.values()} == {None}
    # ... and the row "OB & Rat" of the matrix (seed line 1187) gives the sponsoring division.
    divisions = {name: field.sponsor_division for name, field in FIELDS.items()}
    assert Counter(divisions.values()) == {"GBII": 13, "GBIII": 5, "GBIV": 2, "KW": 1}
    assert divisions["Nordwärts"] == "GBIII"
    assert divisions["Beschäftigungsquote Frauen steigern"] == "GBIV"
    assert divisions["Kommunalwirtschaft"] == "KW"


def test_matrix_refers_to_known_offices_and_fields_with_f_or_b():
    for (number, field), role in seed.MATRIX.items():
        assert number in OFFICE_NUMBERS
        assert field in FIELDS
        assert role in {"F", "B"}
    parenthesized = seed.MATRIX_PARENTHESIZED
    assert parenthesized <= seed.MATRIX.keys()
    assert all(seed.MATRIX[key] == "B" for key in parenthesized)


def test_matrix_cell_counts():
    assert Counter(seed.MATRIX.values()) == {"F": 16, "B": 290}
    # seed lines 1197 and 1210: "(B)" for 30 Rechtsamt and 60 Umweltamt
    parenthesized = seed.MATRIX_PARENTHESIZED
    assert parenthesized == {
        ("30", "Wir sind Dortmund"),
        ("30", "Gute Nachbarschaft"),
        ("30", "Mitmachen"),
        ("30", "Sicherheit & Sauberkeit"),
        ("30", "Nordwärts"),
        ("60", "Internationalität"),
    }


def test_every_office_of_the_matrix_takes_part_somewhere():
    assert {number for number, _ in seed.MATRIX} == OFFICE_NUMBERS


def test_leading_offices_per_field_as_the_paper_has_them():
    # The paper does not give every field exactly one "F": seven fields have no leading
    # office and two have two (seed lines 1188-1222).
    leads = {name: set() for name in FIELDS}
    for (number, field), role in seed.MATRIX.items():
        if role == "F":
            leads[field].add(number)
    assert leads == {
        "Digitale Verwaltung": {"10"},
        "Smart City": set(),
        "Digitale Infrastruktur": {"10", "80"},
        "Ausbau Betreuung U3/Ü3": {"51"},
        "Kooperativer Ganztag": {"40"},
        "Mehr Platz für Kinder und Jugendliche": {"51", "63"},
        "Wohnen": {"64"},
        "Attraktivität": {"67"},
        "Verkehrswende": {"61"},
        "Internationalität": set(),
        "Neue lokale Arbeit": set(),
        "Innovation & Technologie": {"60"},
        "Neue Stärke": {"80"},
        "Wir sind Dortmund": {"3"},
        "Gute Nachbarschaft": set(),
        "Mitmachen": set(),
        "Sicherheit & Sauberkeit": {"32"},
        "Nordwärts": set(),
        "Chancengleichheit in der Verwaltung": {"11"},
        "Beschäftigungsquote Frauen steigern": {"80"},
        "Kommunalwirtschaft": set(),
    }
    assert all(len(numbers) <= 2 for numbers in leads.values())


def test_matrix_spot_checks():
    assert seed.MATRIX[("3", "Wir sind Dortmund")] == "F"  # seed line 1188
    assert seed.MATRIX[("3", "Kommunalwirtschaft")] == "B"  # Do-Agentur: B in every other field
    assert ("13", "Smart City") not in seed.MATRIX  # BAGM only in Digitale Verwaltung, 1191
    assert seed.MATRIX[("20", "Kommunalwirtschaft")] == "B"  # Kämmerei, seed line 1194
    assert seed.MATRIX[("37", "Chancengleichheit in der Verwaltung")] == "B"  # seed line 1200
    assert seed.MATRIX[("59", "Beschäftigungsquote Frauen steigern")] == "B"  # seed line 1209
    assert ("5", "Digitale Verwaltung") not in seed.MATRIX  # seed line 1221
    assert {field for number, field in seed.MATRIX if number == "12"} == {
        "Digitale Verwaltung",
        "Smart City",
    }  # Dortmunder Statistik, seed line 1222


# --- no personal data -----------------------------------------------------------------------

# Names of persons (sponsors and contacts) printed in the paper, e.g. seed lines 337, 405, 472.
PERSONAL_NAME = re.compile(
    r"\b(Kieper|Blum|Berndt|Rettberg|Santiago|Pütten|Güntürk|Plackert|Wolfs|Jaschewski|"
    r"Bonan|Keppler|Feldmann|Lenkeit|Kollmann|Sebastian|Maximilian|Laura|Michaela|Karola)\b"
    r"|N\.N\.|stadtdo"
)


def test_no_email_address_phone_extension_or_personal_name():
    assert len(ALL_STRINGS) > 1000  # the walk reaches every string of the data
    assert [text for text in ALL_STRINGS if "@" in text] == []
    assert [text for text in ALL_STRINGS if PERSONAL_NAME.search(text)] == []
    # telephone extensions like "-12345"
    assert [text for text in ALL_STRINGS if re.search(r"(?<![\d-])-\d{5}\b", text)] == []


# --- spot checks against the paper ----------------------------------------------------------


def _strategic_figure(field_name):
    return next(f for f in FIELDS[field_name].key_figures if f.strategic)


def test_dortmund_wird_einfacher():
    # seed lines 321-420 (field slides), 1234-1236 (Termine Runde I)
    goal = seed.GOALS[0]
    assert goal.name == "Dortmund wird einfacher"
    assert [f.name for f in goal.fields] == [
        "Digitale Verwaltung",
        "Smart City",
        "Digitale Infrastruktur",
    ]
    assert [f.projects[0].name for f in goal.fields] == [
        "dosys als Digitales Bauhaus",
        "BMI Modellprojekt Smart Cities",
        "Glasfaserausbau",
    ]
    assert _strategic_figure("Digitale Verwaltung").name == "Digitalisierte Verwaltungsprozesse"
    assert _strategic_figure("Smart City").name == "BITKOM Ranking"  # seed line 360
    assert _strategic_figure("Digitale Infrastruktur").name == "Netzabdeckung Glasfaser"  # 396
    assert [f.name for f in FIELDS["Smart City"].key_figures if not f.strategic] == [
        "Anzahl App-Nutzer",
        "Anzahl Datensätze Open Data",
        "Anzahl Datendienstleistungen",
    ]  # seed lines 364-366
    assert "Einrichtung eines Regulation Lab" in FIELDS["Smart City"].projects[0].description


def test_kinder_fields_projects_and_the_open_figure():
    # seed lines 426-514
    assert [f.name for f in seed.GOALS[1].fields] == [
        "Ausbau Betreuung U3/Ü3",
        "Kooperativer Ganztag",
        "Mehr Platz für Kinder und Jugendliche",
    ]
    assert _strategic_figure("Ausbau Betreuung U3/Ü3").name == "Anzahl KiTa-Plätze"  # line 432
    ganztag = FIELDS["Kooperativer Ganztag"]
    assert ganztag.projects[0].name == "Kooperativer Ganztag"
    assert len(ganztag.key_figures) == 1  # further figures are only "1) ... 2) ..."
    assert FIELDS["Mehr Platz für Kinder und Jugendliche"].projects[0].name == (
        "Platz vor der Haustür"
    )


def test_dortmund_zieht_an():
    # seed lines 520-655
    expected = {
        "Wohnen": ("Gesamtstrategie Wohnungsbau", "Neue Wohnungen pro Jahr"),
        "Attraktivität": ("Neue City", "Aufenthaltszeiten"),
        "Verkehrswende": ("Integrierter Gesamtplan Mobilität", "Modal Split"),
        "Internationalität": (
            "Dortmund als Europäische Stadt",
            "Anzahl internationale Arbeitskräfte",
        ),
    }
    goal = seed.GOALS[2]
    assert [f.name for f in goal.fields] == list(expected)
    for field in goal.fields:
        assert (field.projects[0].name, _strategic_figure(field.name).name) == expected[field.name]
    assert "Umsetzung der 4-S-Strategie:" in FIELDS["Attraktivität"].projects[0].description


def test_umweltqualitaet_und_arbeit():
    # seed lines 661-754
    assert [f.name for f in seed.GOALS[6].fields] == [
        "Neue lokale Arbeit",
        "Innovation & Technologie",
        "Neue Stärke",
    ]
    assert FIELDS["Neue lokale Arbeit"].projects[0].name == "Kommunale Arbeitsmarktstrategie"
    assert FIELDS["Innovation & Technologie"].projects[0].name == "Sofortprogramm Klima"
    assert _strategic_figure("Innovation & Technologie").name == "CO₂-Effekt der Maßnahmen"
    neue_staerke = _strategic_figure("Neue Stärke")  # seed line 730
    assert (neue_staerke.name, neue_staerke.note) == ("Kennzahl 1", "abzustimmen mit WF")


def test_vertraut_sich_and_sources_of_survey_figures():
    # seed lines 795-887
    assert [f.projects[0].name for f in seed.GOALS[5].fields] == [
        "Nachbarschaftsprogramm",
        "Mitwirken 2.0",
        "Sicher und Sauber umme Ecke",
    ]
    safety = _strategic_figure("Sicherheit & Sauberkeit")  # seed line 866
    assert (safety.name, safety.source) == ("Wahrgenommenes Sicherheitsgefühl", "Befragung (WOH)")
    nordwaerts = _strategic_figure("Nordwärts")  # seed lines 897-900
    assert nordwaerts.name == "Steigerung Lebensqualität in der Gesamtstadt"
    assert nordwaerts.source == "WOH-Befragung"


def test_emanzipiert_and_kommunalwirtschaft():
    # seed lines 926-1021
    assert [(f.name, f.projects[0].name) for f in seed.GOALS[4].fields] == [
        ("Chancengleichheit in der Verwaltung", "Meine Stadt - Meine Perspektiven"),
        ("Beschäftigungsquote Frauen steigern", "Frauen.Fachkräfte.Familie"),
    ]
    assert _strategic_figure("Chancengleichheit in der Verwaltung").name == (
        "Weibliche Führungskräfte (in BL, in AL, im gD, im hD)"
    )
    assert GOAL_OF["Kommunalwirtschaft"] == "Dortmunds Kommunalwirtschaft ist für die Menschen da"
    assert FIELDS["Kommunalwirtschaft"].projects[0].name == (
        "Kommunalwirtschaft arbeitet an Stadtzielen"
    )
    assert GOAL_OF["Wir sind Dortmund"] == "In Dortmund zählt, wo man hin will"
    assert FIELDS["Wir sind Dortmund"].projects[0].name == "Aktion #WIRSINDDORTMUND"
