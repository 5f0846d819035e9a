"""The administration's strategy model ("Zukunftsfähige Verwaltung") as plain Python data.

Source: the City of Dortmund's council paper "Zukunftsfähige Verwaltung – Eine Strategie für
die Stadtverwaltung & Stadtstrategie – Das organisierte Stadtgespräch" (Ratsvorlage), taken
from the text of its slides and tables. The ``# seed line N`` comments below give the line of
that text (a plain-text extraction of the paper, which is not part of this repository) where
each entry stands, so that it can be checked against the city's published paper.

This module is the ground truth for the demo data (``strategie/demo.py``) and for the tests
in ``tests/test_seed_strategy_model.py``: 9 goals (Stadtziele), 21 strategic fields of action
(strategische Handlungsfelder), their strategic projects with the paper's short descriptions,
their key figures (Kennzahlen) and the participation matrix of offices × fields
(Beteiligungsmatrix, "F" = federführend/führend, "B" = beteiligt).

Nothing here is invented: where the paper has only a placeholder ("...", "Kennzahl") it is
left out, and where it says a key figure is still to be agreed, the figure's ``note`` carries
the paper's words. The paper names the sponsors (Pat*innen) of the fields only as persons;
no person's name, e-mail address or telephone extension is copied into this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Office:
    """An office (Amt, Fachbereich, Eigenbetrieb …) as the participation matrix names it."""

    number: str
    name: str
    # Business division (Geschäftsbereich / Dezernat). The paper gives none for the offices:
    # the only Dezernat table (seed lines 1098-1103, "1/DEZ … 8/DEZ") is a garbled
    # screenshot of the dashboard with non-existent numbers (FB 31 … FB 38, FB 90), so it is
    # not used and every division is "".
    division: str = ""


@dataclass(frozen=True)
class KeyFigure:
    """A key figure (Kennzahl) of a field; ``strategic`` for the field's Strategische Kennzahl.

    ``note`` is non-empty exactly when the paper says the figure is not agreed yet; it then
    holds the paper's words ("abzustimmen mit …", "In Entwicklung", …).
    """

    name: str
    strategic: bool
    unit: str = ""  # the paper gives no units
    note: str = ""
    source: str = ""  # the data source where the paper names one, e.g. "WOH-Befragung"


@dataclass(frozen=True)
class Project:
    """A project of a field; ``strategic`` for the paper's Strategisches Projekt."""

    name: str
    description: str  # the paper's Kurzbeschreibung, German, as written ("" if it has none)
    strategic: bool


@dataclass(frozen=True)
class Field:
    """A strategic field of action (strategisches Handlungsfeld)."""

    name: str
    # The office number of the sponsoring office (Patenamt). The paper names each field's
    # sponsor (Pat*in) only as a person, or as "GBII N.N." (e.g. seed lines 337-339, 442), never
    # as an office, so this is None for every field; see ``sponsor_division``.
    sponsor_office: str | None
    projects: tuple[Project, ...]
    key_figures: tuple[KeyFigure, ...]
    # seed line 1187: the first row of the participation matrix, labelled "OB & Rat", assigns
    # every field to a Geschäftsbereich of the Lord Mayor's office (GBII, GBIII, GBIV) or to
    # the municipal companies (KW). It matches the sponsors given as "GBII N.N." on the field
    # slides, so it is read as the division that sponsors the field.
    sponsor_division: str = ""


@dataclass(frozen=True)
class Goal:
    """A goal of the city administration (Stadtziel)."""

    number: int
    name: str
    fields: tuple[Field, ...]


# The Kurzbeschreibung of each project slide, verbatim (bold markers "**" removed), keyed by
# the project name used in GOALS.
_KURZBESCHREIBUNG: dict[str, str] = {
    # seed lines 347-352
    "dosys als Digitales Bauhaus": (
        "- Digitale Denkfabrik für Verwaltung, Bürger und Firmen\n"
        "- Entwicklung vom IT-Ausstatter zum Digitalisierungsgestalter\n"
        "- Gesamtarchitektur verfolgen – nicht nur einzelne Gewerke\n"
        "- Vereinbarung von Technologie- und Gestaltungskompetenz\n"
        "- Beratung und Begleitung der Menschen steht im Vordergrund\n"
        "- Aufbau neuer Kernkompetenzen – stärkere Einbindung des “Faktor Mensch”"
    ),
    # seed lines 380-388
    "BMI Modellprojekt Smart Cities": (
        "- Entwicklung einer stadtweiten Smart City-Strategie (i.V.m. der Strategie des "
        "Projektpartners Stadt Schwerte)\n"
        "- Entwicklung eines Umsetzungsplans für den Zeitraum 2022-2027\n"
        "- Umsetzung von (technischen) Maßnahmen in den Bereichen\n"
        " - Intelligente Mobilität\n"
        " - Öffentliche Sicherheit\n"
        " - Raum & Infrastruktur\n"
        " - Citizen Science Lab\n"
        "- Einführung einer Smart City IoT- und Datenplattform\n"
        "- Einrichtung eines Regulation Lab"
    ),
    # seed lines 416-420
    "Glasfaserausbau": (
        "- Eigenwirtschaftlicher, marktgesteuerter Ausbau (Telekom, vodafone, DOKOM21, "
        "versatel 1&1, etc.)\n"
        "- Erschließung städtischer Gebäude, u.a. städtische Schulen (dosys)\n"
        "- Geförderter Ausbau „weiße Flecken“ (DOKOM21)\n"
        "- Durchführung Markterkundungsverfahren\n"
        "- Beteiligung an Sonderaufrufen (z.B. Gewerbegebiete) und weiterer Förderung "
        "(z.B. „Graue Flecken“)"
    ),
    # seed lines 452-454
    "Beschleunigter Kita-Bau": (
        "- Beschleunigter Ausbau der KiTa- und Offene-Ganzttag-Plätze in Dortmund, um die"
        " Betreuungssituation zu verbessern.\n"
        "- Verbesserung der Elternzufriedenheit mit der Betreuungssituation in Dortmund.\n"
        "- Anpassung der Beitragskosten pro Platz"
    ),
    # seed lines 482-484
    "Kooperativer Ganztag": (
        "- Umgestaltung und Ausbau des Ganztageangebots in Grundschulen unter besonderer "
        "Berücksichtigung der Persönlichkeitsbildung/ -entwicklung der Kinder\n"
        "- Stärkung kommunaler Verantwortung: Stadt Dortmund übernimmt Gestaltung und "
        "stellt Grundstruktur für die Ganztagsangebote\n"
        "- Vernetzung mit anderen professionellen Einrichtungen der Kinder- und "
        "Jugendhilfe zur gemeinsamen Umsetzung"
    ),
    # seed lines 512-514
    "Platz vor der Haustür": (
        "- Ausbau wohnortnaher Spielplätze und Aufenthaltsinfrastruktur\n"
        "- Übernahme der Infrastruktur in den „Digitalen Zwilling“\n"
        "- Ausbau von freiem WLAN i.V.m. People Counting an den Aufenthaltsplätzen von "
        "Kindern und Jugendlichen"
    ),
    # seed lines 548-552
    "Gesamtstrategie Wohnungsbau": (
        "- Entwicklung einer Gesamtstrategie für alle Wohnformen\n"
        "- Beschleunigung der Prozesse zur Schaffung von Wohnraum\n"
        "- Stärkung der kommunalen Rolle u.a. durch eigene Stadtentwicklungsgesellschaft\n"
        "- Einbindung aller relevanten Akteure\n"
        "- Erhöhung der Sanierungsquote"
    ),
    # seed lines 580-587
    "Neue City": (
        "- Steigerung der Attraktivität der City insbesondere mit Blick auf das Comeback "
        "nach der Pandemie\n"
        "- Fokussierung auf Einkaufsquartiere und Aufenthaltsqualität\n"
        "- Unterstützung mit technologischen, digitalen Maßnahmen\n"
        "- Umsetzung der 4-S-Strategie:\n"
        " - Sichern: Die Umsetzung der Sicherung von wirtschaftlichen Existenzen.\n"
        " - Schöner werden: Die bauliche Gestaltung soll vorangetrieben werden, "
        "beispielsweise durch Aufenthaltsinseln, Pocket Parks und Weihnachtsbeleuchtung.\n"
        " - Strukturen ändern: Dem Handel in den Erdgeschosslagen sollen günstigere "
        "Mieten angeboten werden. Parallel dazu soll die Miete für die Eigentümer in den "
        "oberen Geschossen erhöht werden.\n"
        " - Segmentierung: Die Dortmunder Innenstadt soll stärker in ihren einzelnen "
        "Quartieren in den Fokus genommen werden, beispielsweise das Brückviertel und das"
        " Rosenviertel. So sollen gezielte Qualitätssteigerungen erreicht werden."
    ),
    # seed lines 615-620
    "Integrierter Gesamtplan Mobilität": (
        "- Entwicklung eines integrierten Ansatzes der Dortmunder Mobilität\n"
        "- Weiterentwicklung der Planungsphilosophie\n"
        "- Prüfung und Übernahme internationaler Best Practices\n"
        "- Floating-Data-Erfassung für MIV und Rad\n"
        "- Mobilitätsdatenerfassung\n"
        "- Zählstellen Rad und weitere Verkehre"
    ),
    # seed lines 651-655
    "Dortmund als Europäische Stadt": (
        "- Ausrichtung der internationalen Arbeit auf die Ziele der Stadtverwaltung\n"
        "- Durchführung von „Urban Dialogues“ in den strategischen Handlungsfeldern\n"
        "- Ausbau und Stärkung der Projekt- und Stadtpartnerschaften mit Fokus auf die "
        "Umsetzung von Maßnahmen/Veranstaltungen\n"
        "- Stärkung der Internationalität der Stadtverwaltung\n"
        "- Verstärkte Nutzung europäischer und internationaler Netzwerke für die "
        "Erreichung der Ziele der Stadtverwaltung"
    ),
    # seed lines 687-691
    "Kommunale Arbeitsmarktstrategie": (
        "- Schaffung von Arbeitsplätzen in lokalen Wertschöpfungsprozessen\n"
        "- Stärkung der lokalen Wertschöpfungsketten\n"
        "- Betrachtung des regionalen Arbeitsmarktes und Entwicklung entsprechender "
        "Instrumente\n"
        "- Entwicklung von Elementen zur Steuerung des lokalen Arbeitsmarktes\n"
        "- Berücksichtigung von Kreislaufwirtschaft und Technologiestrategie"
    ),
    # seed lines 718-721
    "Sofortprogramm Klima": (
        "- Aufbau eines Dortmunder Klimafonds\n"
        "- Kommunales Wärmeprogramm\n"
        "- Nachhaltigkeitsnetzwerk Stadttöchter\n"
        "- Intensive Dachnutzung unter Berücksichtigung der Nutzungskonflikte von PV, "
        "Mobilfunk, Dachbegrünung etc."
    ),
    # seed lines 750-754
    "Neue Stärke": (
        "- Come Back-Strategie aus der Pandemie\n"
        "- Kurzfristige Hilfe und gezielte Maßnahmen für besonders betroffene Branchen\n"
        "- Beschleunigte Entwicklung (bspw. Digitalisierung) nutzen, um neue Stärken zu "
        "entwickeln\n"
        "- Maßnahmen wie individuelle Beratungsangebote, Innovationsprojekte und "
        "Unterstützungsprogramme\n"
        "- Wettbewerb „Heimspiel Dortmund“ ist ein erster Baustein des Maßnahmenkatalogs"
    ),
    # seed lines 780-784
    "Aktion #WIRSINDDORTMUND": (
        "- Tage der Nachbarschaft – Dortmund erweitert den Aspekt\n"
        "- Aktionen\n"
        "- Öffentlichkeitsarbeit / Kampagne\n"
        "- Erstellung von Filmen\n"
        "- Erstellung eines Leitfadens zur Organisation, Anträgen, ...von "
        "Veranstaltungen, Festen etc."
    ),
    # seed lines 821-823
    "Nachbarschaftsprogramm": (
        "- Initiierung und Unterstützung von Nachbarschaftsprojekten/ "
        "Nachbarschaftsinitiativen\n"
        "- Engagementförderung in Quartieren\n"
        "- Virtuelle Karte der Initiativen und Projekte in Dortmund"
    ),
    # seed lines 850-857
    "Mitwirken 2.0": (
        "- Entwicklung von Anlaufstellen/ Treffpunkten im Quartier (Kioske, "
        "Nachbarschaftszentren, ...)\n"
        "- Gestaltung zukunftsfähiger digitaler Kommunikationswege\n"
        "- Definition (neuer) Beteiligungsangebote\n"
        "- Weiterqualifizierung bestehender Angebote\n"
        "- Aufbau und Anreicherung von Kompetenzen in Verwaltung, Politik und "
        "Zivilgesellschaft\n"
        "- Entwicklung eines Instrumentenkoffers als Wegweiser (digitale, analoge und "
        "hybride Mitwirkungsformate, Anwendungshilfen und Schulungskonzepte)\n"
        "- Initiierung/Etablierung eines Mitmachpools\n"
        "- Entwicklung/Implementierung einer Bürger*innenbeteiligungsplattform"
    ),
    # seed lines 886-887
    "Sicher und Sauber umme Ecke": (
        "- Sensibilisierung und Prävention\n"
        "- Angsträume abbauen (u.a. i.V.m. Mängel- und Ideenmelder der Smart City-App)"
    ),
    # seed lines 918-920
    "Nordwärts": (
        "„nordwärts“ verfolgt eng ausgerichtet am 2015 erfolgten Ratsauftrag das Ziel, "
        "die Lebensqualität im Projektgebiet mit der Qualität der übrigen Stadtbezirke zu"
        " harmonisieren, um so die Gesamtstadt weiter zu entwickeln. 240 Teilprojekte "
        "werden in den Handlungsfeldern Flächenentwicklung, der Schaffung/ Sicherung von "
        "Arbeitsplätzen, der Steigerung der Umweltqualität und Lebensqualität sowie der "
        "Qualifizierung und Bildung umgesetzt und in der Umsetzung ideell, finanziell "
        "oder organisatorisch unterstützt.\n"
        "Ziel ist u.a. die Übertragung der „nordwärts-Logik“ auf weitere Bereiche der "
        "Stadt."
    ),
    # seed lines 952-957
    "Meine Stadt - Meine Perspektiven": (
        "- Dekadenprojekt (10 Jahre)\n"
        "- Jährlich: Begleitung von mind. 20 weibliche Nachwuchskräfte und 20 extern "
        "eingestellte Frauen durch FB11 und Gleichstellungsbüro\n"
        "- Begleitende Befragung zu gleichstellungsrelevanten Aspekten\n"
        "- Analyse, ob und ggf. wenn - an welcher Stelle der beruflichen und privaten "
        "Entwicklung - ein Karriereknick/-abbruch in der Verwaltung stattfindet.\n"
        "- Aufbau eines entsprechenden Monitoring\n"
        "- Zudem: Aufnahme geeignete Fragen als Ergänzung in reguläre "
        "Beschäftigtenbefragung (alle 4 J., nächste: 2022)"
    ),
    # seed lines 984-990
    "Frauen.Fachkräfte.Familie": (
        "- Implementierung „Agiles Projektteams“ in WF, das sich in den kommenden fünf "
        "Jahren mit allen Arbeitsmarktakteur*innen diesem Thema widmet und "
        "Arbeitssituation von Frauen optimiert.\n"
        "- Enger Schulterschluss mit BA und Jobcenter\n"
        "- Beschäftigungsquote von Frauen steigern als Querschnittsthema in diverse "
        "Arbeitskreise aufnehmen.\n"
        "- Erwirkung eines Mindshift bei Unternehmer*innen:\n"
        " - Arbeitskraft von Frauen als ein zentraler Schlüssel für gesundes Wachstum\n"
        " - Attraktives, familienfreundliches Arbeitsumfeld als Investition in die "
        "Zukunft\n"
        "- Erschließung von Fördertöpfen für strategische Projekt "
        "„Frauen.Fachkräfte.Familie“ um breit angelegte Mindshift-Kampagne zu initiieren."
        " (Competentia läuft 2022 aus)"
    ),
    # seed lines 1019-1021
    "Kommunalwirtschaft arbeitet an Stadtzielen": (
        "- Zuordnung von Schnittstellen mit kommunalen Unternehmen zu gemeinsamen Zielen\n"
        "- Kommunale Unternehmen leisten einen Beitrag zur Erreichung der Ziele\n"
        "- DOdata als zentrale Datenplattform im Konzern Stadt (u.a. "
        "Nachhaltigkeitsplattform)"
    ),
}


def _project(name: str) -> Project:
    """The strategic project ``name`` with its Kurzbeschreibung."""
    return Project(name=name, description=_KURZBESCHREIBUNG[name], strategic=True)


def _strategic(name: str, source: str = "") -> KeyFigure:
    return KeyFigure(name=name, strategic=True, source=source)


def _open(name: str, note: str, source: str = "") -> KeyFigure:
    """A strategic key figure the paper says is still to be agreed or developed."""
    return KeyFigure(name=name, strategic=True, note=note, source=source)


def _further(*names: str) -> tuple[KeyFigure, ...]:
    return tuple(KeyFigure(name=name, strategic=False) for name in names)


# Project names follow the table "Termine Runde I" (seed lines 1231-1254), the paper's one
# list of all 21 pairs of field and strategic project; the titles of the project slides are
# sometimes longer and are given in comments. Only the typo "Ganzttag" (seed lines 429, 1238)
# is corrected to "Ganztag" as on seed lines 292, 459, 489 and 1186.
# Field names follow the goal slides and the overview (seed lines 258-283); the matrix header
# (seed line 1186) abbreviates two of them, see ``_MATRIX_FIELDS``.
# Descriptions are the Kurzbeschreibung bullets verbatim (bold markers "**" removed).
#
# Goals are numbered in the order of the overview (seed lines 238-256), which the table
# "Termine Runde I" repeats. The goal slides (seed lines 317-1021) and the matrix use another
# order (… "zieht an", "Umweltqualität", "zählt, wo man hin will", "vertraut sich",
# "gleiche, gute Lebensverhältnisse", "emanzipiert" …); the overview is the paper's list of
# the 9 goals, so its order is used. Fields within a goal follow the goal slides.

GOALS: tuple[Goal, ...] = (
    Goal(
        number=1,
        name="Dortmund wird einfacher",
        fields=(
            Field(
                name="Digitale Verwaltung",  # seed lines 319-352
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "DOSYS als Digitales Bauhaus" (seed line 343)
                    _project("dosys als Digitales Bauhaus"),
                ),
                # seed line 331: "Weitere Kennzahlen / Anteil an priorisierten
                # Verwaltungsprozessen" is read as a further figure, not as the unit of the
                # strategic one.
                key_figures=(
                    _strategic("Digitalisierte Verwaltungsprozesse"),
                    *_further("Anteil an priorisierten Verwaltungsprozessen"),
                ),
            ),
            Field(
                name="Smart City",  # seed lines 354-388
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "BMI Modellprojekt Smart Cities „DOS 20.30“" (seed line 376)
                    _project("BMI Modellprojekt Smart Cities"),
                ),
                key_figures=(
                    _strategic("BITKOM Ranking"),
                    *_further(
                        "Anzahl App-Nutzer",
                        "Anzahl Datensätze Open Data",
                        "Anzahl Datendienstleistungen",
                    ),
                ),
            ),
            Field(
                name="Digitale Infrastruktur",  # seed lines 390-420
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "Glasfaser-Ausbau" (seed line 412)
                    _project("Glasfaserausbau"),
                ),
                key_figures=(
                    _strategic("Netzabdeckung Glasfaser"),
                    *_further("Netzabdeckung je Technologie (5G, LoRa, etc.)"),
                ),
            ),
        ),
    ),
    Goal(
        number=2,
        name="In Dortmund wachsen alle Kinder über sich hinaus",
        fields=(
            Field(
                name="Ausbau Betreuung U3/Ü3",  # seed lines 426-454
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Beschleunigter Kita-Bau"),),
                key_figures=(
                    _strategic("Anzahl KiTa-Plätze"),
                    *_further(
                        "Neubauleistung pro Jahr",
                        "Verhältnis der Kita Plätze zu Anzahl Betreuungsbedürftiger",
                    ),
                ),
            ),
            Field(
                name="Kooperativer Ganztag",  # seed lines 456-484
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Kooperativer Ganztag"),),
                # seed lines 462-469: the strategic figure is still to be agreed, the further
                # figures are only "1) ... 2) ...".
                key_figures=(
                    _open(
                        "Strategische Kennzahl",
                        note="Kennzahlen abzustimmen mit Kinderkommission",
                    ),
                ),
            ),
            Field(
                name="Mehr Platz für Kinder und Jugendliche",  # seed lines 486-514
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Platz vor der Haustür"),),
                key_figures=(
                    _strategic("Anzahl Aufenthaltsinfrastruktur"),
                    *_further("Nutzungsintensität"),
                ),
            ),
        ),
    ),
    Goal(
        number=3,
        name="Dortmund zieht an",
        fields=(
            Field(
                name="Wohnen",  # seed lines 520-552
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "Gesamtstrategie Dortmunder Wohnungsbau" (seed line 544)
                    _project("Gesamtstrategie Wohnungsbau"),
                ),
                key_figures=(
                    _strategic("Neue Wohnungen pro Jahr"),
                    *_further("Anteil Wohnformen", "Preis-Leistungs-Index"),
                ),
            ),
            Field(
                name="Attraktivität",  # seed lines 554-587
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Neue City"),),
                key_figures=(
                    _strategic("Aufenthaltszeiten"),
                    *_further("Anzahl Wohnungen in der City", "Anzahl „Nicht-Ketten“ in der City"),
                ),
            ),
            Field(
                name="Verkehrswende",  # seed lines 589-620
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "Integrierter Gesamtplan Dortmunder Mobilität" (seed line 611)
                    _project("Integrierter Gesamtplan Mobilität"),
                ),
                # seed line 601: the second further figure is only "2) ...".
                key_figures=(
                    _strategic("Modal Split"),
                    *_further("Anzahl Ladeinfrastruktur"),
                ),
            ),
            Field(
                name="Internationalität",  # seed lines 622-655
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "Dortmund als europäische Stadt" (seed line 647)
                    _project("Dortmund als Europäische Stadt"),
                ),
                key_figures=(
                    _strategic("Anzahl internationale Arbeitskräfte"),
                    *_further(
                        "Anzahl internationale Studierende",
                        "Anzahl englischsprachiger Speisekarten",
                    ),
                ),
            ),
        ),
    ),
    Goal(
        number=4,
        name="In Dortmund zählt, wo man hin will",
        fields=(
            Field(
                name="Wir sind Dortmund",  # seed lines 760-784
                sponsor_office=None,
                sponsor_division="GBIII",
                projects=(_project("Aktion #WIRSINDDORTMUND"),),
                # seed lines 767-771: further figures only "1) ... 2) ...".
                key_figures=(_strategic("Anzahl Aktionen"),),
            ),
        ),
    ),
    Goal(
        number=5,
        name="Dortmund ist emanzipiert",
        fields=(
            Field(
                name="Chancengleichheit in der Verwaltung",  # seed lines 926-957
                sponsor_office=None,
                sponsor_division="GBIV",
                projects=(
                    # slide title: "Meine Stadt – Meine Perspektiven!" (seed line 948)
                    _project("Meine Stadt - Meine Perspektiven"),
                ),
                key_figures=(
                    _strategic("Weibliche Führungskräfte (in BL, in AL, im gD, im hD)"),
                    *_further("Anzahl teilnehmende Frauen am Dekadenprojekt", "Kündigungsgründe"),
                ),
            ),
            Field(
                name="Beschäftigungsquote Frauen steigern",  # seed lines 959-990
                sponsor_office=None,
                sponsor_division="GBIV",
                projects=(
                    # slide title: "„Frauen.Fachkräfte.Familie“" (seed line 980)
                    _project("Frauen.Fachkräfte.Familie"),
                ),
                # seed lines 967-969: headed "Weitere Kennzahl" (singular); read as a further
                # figure, although it also reads like a definition of the strategic one.
                key_figures=(
                    _strategic("Beschäftigungsquoten von Frauen in Dortmund (SVB)"),
                    *_further(
                        "Anteil der in Dortmund lebenden arbeitsfähigen Frau (15-65) in einem "
                        "sozialversicherungspflichtigen Beschäftigungsverhältnis"
                    ),
                ),
            ),
        ),
    ),
    Goal(
        number=6,
        name="Dortmund vertraut sich",
        fields=(
            Field(
                name="Gute Nachbarschaft",  # seed lines 795-823
                sponsor_office=None,
                sponsor_division="GBIII",
                projects=(_project("Nachbarschaftsprogramm"),),
                key_figures=(
                    _strategic("Anzahl der Nachbarschaftsprojekte / -initiativen"),
                    *_further(
                        "Anzahl Förderanträge aus Nachbarschaftsprogramm",
                        "Anzahl der Ehrenamtsspaziergänge",
                    ),
                ),
            ),
            Field(
                name="Mitmachen",  # seed lines 825-857
                sponsor_office=None,
                sponsor_division="GBIII",
                projects=(
                    # slide title: "„Mitwirken 2.0- Weiterentwicklung der
                    # Beteiligungsstruktur durch digitale Formate“" (seed line 846)
                    _project("Mitwirken 2.0"),
                ),
                key_figures=(
                    _strategic("Anzahl der Beteiligten"),
                    *_further(
                        "Anzahl der Anlaufstellen im Quartier "
                        "(Kioske, Nachbarschaftsagenturen, Zentren)",
                        "Anzahl der (digitalen) Mitwirkungsangebote",
                    ),
                ),
            ),
            Field(
                name="Sicherheit & Sauberkeit",  # seed lines 859-887
                sponsor_office=None,
                sponsor_division="GBIII",
                projects=(
                    # slide title: "„Sicher und sauber umme Ecke“" (seed line 882)
                    _project("Sicher und Sauber umme Ecke"),
                ),
                # seed line 866: "Wahrgenommenes Sicherheitsgefühl (Befragung (WOH))"; the
                # bracket names the survey the figure comes from.
                key_figures=(
                    _strategic("Wahrgenommenes Sicherheitsgefühl", source="Befragung (WOH)"),
                    *_further(
                        "Anzahl Aktionstage",
                        "Anzahl Abfallpaten",
                        "Anzahl von Bedarfen und Potenzialen",
                    ),
                ),
            ),
        ),
    ),
    Goal(
        number=7,
        name="Dortmund schafft Umweltqualität und Arbeit mit Klimaschutz",
        fields=(
            Field(
                name="Neue lokale Arbeit",  # seed lines 661-691
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(
                    # slide title: "Kommunale Arbeitsmarktstrategie KAS2030" (seed line 683)
                    _project("Kommunale Arbeitsmarktstrategie"),
                ),
                # seed lines 670-673: further figures only "1) ... 2) ...".
                key_figures=(_strategic("Anzahl Arbeitskräfte in lokalen Wertschöpfungsketten"),),
            ),
            Field(
                name="Innovation & Technologie",  # seed lines 693-721
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Sofortprogramm Klima"),),
                # seed lines 701-704: further figures only "1) Kennzahl 2) Kennzahl".
                key_figures=(_strategic("CO₂-Effekt der Maßnahmen"),),
            ),
            Field(
                name="Neue Stärke",  # seed lines 723-754
                sponsor_office=None,
                sponsor_division="GBII",
                projects=(_project("Neue Stärke"),),
                # seed line 730: "Kennzahl 1 (abzustimmen mit WF)"; WF is office 80. Further
                # figures only "1) ... 2) ...".
                key_figures=(_open("Kennzahl 1", note="abzustimmen mit WF"),),
            ),
        ),
    ),
    Goal(
        number=8,
        name="Dortmund hat gleiche, gute Lebensverhältnisse",
        fields=(
            Field(
                name="Nordwärts",  # seed lines 893-920, slide spelling "„nordwärts“"
                sponsor_office=None,
                sponsor_division="GBIII",
                projects=(
                    # seed lines 911-914 and table line 1253: "nordwärts" is the Strategisches
                    # Projekt of the field.
                    _project("Nordwärts"),
                    # seed lines 1340-1358: the status slide of the goal lists three more
                    # projects under the heading "Strategische Projekte" (and not "nordwärts").
                    # The paper gives no descriptions for them. They are kept as strategic
                    # projects, so Nordwärts is the one field with more than one.
                    Project(
                        name="Aufbau von nachhaltigen Nachbarschaftsstrukturen/"
                        "Nachbarschaftszentren",
                        strategic=True,
                        description="",
                    ),
                    Project(
                        name="Förderung und Gestaltung von Höfen", strategic=True, description=""
                    ),
                    Project(
                        name="Der Norden holt auf- Chancenwerk", strategic=True, description=""
                    ),
                ),
                # seed lines 897-904: "Kennzahl erarbeiten/ Einbeziehung Kuratorium" followed
                # by "Steigerung Lebensqualität in der Gesamtstadt (WOH-Befragung)". Read as a
                # candidate figure that is still to be worked out with the Kuratorium. The
                # further figures "werden erarbeitet" (are being worked out).
                key_figures=(
                    _open(
                        "Steigerung Lebensqualität in der Gesamtstadt",
                        note="Kennzahl erarbeiten/ Einbeziehung Kuratorium",
                        source="WOH-Befragung",
                    ),
                ),
            ),
        ),
    ),
    Goal(
        number=9,
        name="Dortmunds Kommunalwirtschaft ist für die Menschen da",
        fields=(
            Field(
                name="Kommunalwirtschaft",  # seed lines 996-1021
                sponsor_office=None,
                sponsor_division="KW",
                projects=(
                    # slide title: "Kommunalwirtschaft arbeitet an den Stadtzielen"
                    # (seed line 1015); overview: "… an den Handlungsfeldern und Zielen"
                    _project("Kommunalwirtschaft arbeitet an Stadtzielen"),
                ),
                # seed line 1000: "Strategische Kennzahl In Entwicklung"; further figures
                # only "1) ... 2) ...".
                key_figures=(_open("Strategische Kennzahl", note="In Entwicklung"),),
            ),
        ),
    ),
)


# The participation matrix (Beteiligungsmatrix, seed lines 1183-1222). Columns in the paper's
# order; the header (seed line 1186) writes "Ausbau/Betreuung U3/ÜB" and "Mehr Platz für Kinder
# & Jugendliche", which are the fields "Ausbau Betreuung U3/Ü3" and "Mehr Platz für Kinder und
# Jugendliche" of the goal slides.
_MATRIX_FIELDS: tuple[str, ...] = (
    "Digitale Verwaltung",
    "Smart City",
    "Digitale Infrastruktur",
    "Ausbau Betreuung U3/Ü3",
    "Kooperativer Ganztag",
    "Mehr Platz für Kinder und Jugendliche",
    "Wohnen",
    "Attraktivität",
    "Verkehrswende",
    "Internationalität",
    "Neue lokale Arbeit",
    "Innovation & Technologie",
    "Neue Stärke",
    "Wir sind Dortmund",
    "Gute Nachbarschaft",
    "Mitmachen",
    "Sicherheit & Sauberkeit",
    "Nordwärts",
    "Chancengleichheit in der Verwaltung",
    "Beschäftigungsquote Frauen steigern",
    "Kommunalwirtschaft",
)

# One row per office: number, name as in the matrix, one character per column of
# _MATRIX_FIELDS: "F" führend, "B" beteiligt, "b" the paper's "(B)", "." empty.
# The row "OB & Rat" (seed line 1187) holds divisions, not F/B cells; it is
# ``Field.sponsor_division`` and not an office.
# fmt: off
_MATRIX_ROWS: tuple[tuple[str, str, str], ...] = (
    ("3", "Do-Agentur", "BBBBBBBBBBBBBFBBBBBBB"),  # seed line 1188
    ("10", "DOSYS", "FBF..........BBBBB..."),  # seed line 1189
    ("11", "Personal & Orga", "B........BB..B.B..F.."),  # seed line 1190
    ("13", "BAGM", "B...................."),  # seed line 1191
    ("14", "RPA", "B............BBBBB..."),  # seed line 1192
    ("19", "Vergabe & Beschaffung", "BBB....B..B..B.B.B..."),  # seed line 1193
    ("20", "Kämmerei", "B............BB..B..B"),  # seed line 1194
    ("21", "Stadtkasse & Steuern", "B...................."),  # seed line 1195
    ("23", "Liegenschaften", "BBBBB.BB...B.BBBBBB.."),  # seed line 1196
    ("30", "Rechtsamt", "B............bbbbb..."),  # seed line 1197
    ("32", "Ordnungsamt", "B.B....BB....BBBFB..."),  # seed line 1198
    ("33", "Bürgerdienste", "B........B...BBBBB..."),  # seed line 1199
    ("37", "Feuerwehr", "BB...........BBBBBB.."),  # seed line 1200
    ("40", "Schulverwaltungsamt", "B.B.F....B...B.B.B..."),  # seed line 1201
    ("41", "Kulturbetriebe", "B......B.B...BBBBBB.."),  # seed line 1202
    ("42", "Theater", "B......B.B...BBBBB..."),  # seed line 1203
    ("50", "Sozialamt", "B.....B.BB...BBBBB..."),  # seed line 1204
    ("51", "Jugendamt", "B..FBF.......BBBBB..."),  # seed line 1205
    ("52", "Sport & Freizeit", "B....B.......BBB.B..."),  # seed line 1206
    ("53", "Gesundheitsamt", "B....B.BB..B.BBBBB..."),  # seed line 1207
    ("57", "FABIDO", "BBBBB....B...BBB.BB.."),  # seed line 1208
    ("59", "Jobcenter", "B........BB..BBBBB.B."),  # seed line 1209
    ("60", "Umweltamt", "BBB...BBBb.F.B.BBBB.."),  # seed line 1210
    ("61", "Stadtplanung & Bauordnung", "BBB..BBBF..B..B.BBB.."),  # seed line 1211
    ("62", "Vermessung & Kataster", "BBB..BBBB..B...B.B..."),  # seed line 1212
    ("63", "Grünflächenamt", "BBB..F.B...B.BBBBB..."),  # seed line 1213
    ("64", "Wohnen", "B.....FB.....BBBBBB.."),  # seed line 1214
    ("65", "Immobilienwirtschaft", "B.BBB..B...B..BBBB..."),  # seed line 1215
    ("66", "Tiefbauamt", "BBB..BBBB..B.B.BBBB.."),  # seed line 1216
    ("67", "Stadterneuerung", "BBB..BBFB..B.BBBBB..."),  # seed line 1217
    ("68", "Friedhöfe", "B............BBBB...."),  # seed line 1218
    ("70", "Stadtentwässerung", "BBB........B.BBBBB..."),  # seed line 1219
    ("80", "WF", "BBF....BBBBBFBBB.B.F."),  # seed line 1220
    ("5", "Sozialdezernat/Sozialplanung", "......B..BB..BBB.B..."),  # seed line 1221
    ("12", "Dortmunder Statistik", "BB..................."),  # seed line 1222
)
# fmt: on

OFFICES: tuple[Office, ...] = tuple(Office(number, name) for number, name, _ in _MATRIX_ROWS)

# seed lines 1197 and 1210: the paper writes "(B)" in six cells (30 Rechtsamt for the five
# fields of GBIII, 60 Umweltamt for Internationalität). Read as a participation with
# reservation; they count as "B" in MATRIX and are listed here.
MATRIX_PARENTHESIZED: frozenset[tuple[str, str]] = frozenset(
    (number, field)
    for number, _, cells in _MATRIX_ROWS
    for field, cell in zip(_MATRIX_FIELDS, cells, strict=True)
    if cell == "b"
)

# (office number, field name) -> "F" or "B", every F/B cell of the matrix. The paper does not
# give every field exactly one "F": seven fields have none and "Digitale Infrastruktur"
# (10 DOSYS, 80 WF) and "Mehr Platz für Kinder und Jugendliche" (51 Jugendamt,
# 63 Grünflächenamt) have two.
MATRIX: dict[tuple[str, str], str] = {
    (number, field): "B" if cell == "b" else cell
    for number, _, cells in _MATRIX_ROWS
    for field, cell in zip(_MATRIX_FIELDS, cells, strict=True)
    if cell != "."
}
