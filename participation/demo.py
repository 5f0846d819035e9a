"""The 19 Schwerpunktthemen and the sectors of the council paper, with their pages."""

from django.utils.text import slugify
from wagtail.models import Site

from cms.demo import add_child_once

from .models import Sector, Theme, ThemeIndexPage, ThemePage

SECTORS = [
    ("Politik", "politik", "Rat, Bezirksvertretungen und Fraktionen.", False),
    (
        "Institutionen",
        "institutionen",
        "Verwaltung, städtische Gesellschaften, Hochschulen, Kammern und Verbände.",
        False,
    ),
    (
        "Zivilgesellschaft",
        "zivilgesellschaft",
        "Vereine, Initiativen, Stiftungen und engagierte Dortmunder*innen.",
        False,
    ),
    (
        "Online-Beteiligung",
        "online",
        "Kommentare, Bewertungen und Vorschläge der Bürger*innen auf dieser Plattform.",
        True,
    ),
]

# (name, teaser) – teasers name what the administration's strategy already works on.
THEMES = [
    (
        "Arbeitsmarkt",
        "Gute Arbeit in lokalen Wertschöpfungsketten: Kommunale Arbeitsmarktstrategie "
        "KAS2030 und „Frauen.Fachkräfte.Familie“.",
    ),
    (
        "City",
        "Eine lebendige Innenstadt nach der Pandemie: Aufenthaltsqualität, Einkaufsquartiere "
        "und die 4-S-Strategie der „Neuen City“.",
    ),
    (
        "Digitalisierung",
        "Digitale Verwaltung, Smart City und Glasfaser: DOSYS als Digitales Bauhaus "
        "und das Modellprojekt Smart Cities.",
    ),
    (
        "Einsamkeit",
        "Niemand soll allein bleiben: Nachbarschaften, Treffpunkte im Quartier und "
        "Angebote für alle Generationen.",
    ),
    ("Freizeit", "Orte zum Spielen, Treffen und Erholen – wohnortnah und für alle erreichbar."),
    (
        "Großstadtentwicklung",
        "Dortmund als europäische Großstadt: wachsen, international "
        "zusammenarbeiten und gleiche Lebensverhältnisse schaffen.",
    ),
    (
        "Innovationskultur",
        "Neues ausprobieren in Verwaltung, Wirtschaft und Stadtgesellschaft: "
        "Innovation & Technologie, Regulation Lab, Citizen Science.",
    ),
    (
        "Kinder",
        "Alle Kinder wachsen über sich hinaus: beschleunigter Kita-Bau, kooperativer "
        "Ganztag und mehr Platz vor der Haustür.",
    ),
    (
        "Klima",
        "Umweltqualität und Arbeit mit Klimaschutz: das Sofortprogramm Klima und eine "
        "neue lokale Stärke.",
    ),
    (
        "Kultur",
        "Theater, Museen, freie Szene und Stadtteilkultur als Teil einer attraktiven Stadt.",
    ),
    (
        "Mobilität",
        "Die Verkehrswende gestalten: ein integrierter Gesamtplan Mobilität, "
        "Ladeinfrastruktur und ein neuer Modal Split.",
    ),
    (
        "Nordwärts",
        "Die Lebensqualität im Dortmunder Norden an die der übrigen Stadtbezirke "
        "angleichen: 240 Teilprojekte von „nordwärts“.",
    ),
    (
        "Sauberkeit",
        "Eine saubere Stadt gemeinsam: Aktionstage, Abfallpat*innen und "
        "„Sicher und sauber umme Ecke“.",
    ),
    (
        "Sicherheit",
        "Sich sicher fühlen in jedem Quartier: Angsträume abbauen, Prävention und "
        "ein Mängel- und Ideenmelder.",
    ),
    ("Sport", "Bewegung für alle: Sportstätten, Vereine und Bewegungsräume im öffentlichen Raum."),
    (
        "Standortentwicklung",
        "Wirtschaft, Flächen und digitale Infrastruktur für einen starken Standort: „Neue Stärke“.",
    ),
    (
        "Teilhabe",
        "Mitwirken 2.0: Beteiligung weiterentwickeln, digital, analog und hybrid, "
        "damit alle mitreden können.",
    ),
    (
        "Wissenschaft & Forschung",
        "Hochschulen, Forschung und internationale Studierende als Motor der Stadt.",
    ),
    (
        "Wohnen",
        "Bezahlbarer Wohnraum für alle Wohnformen: Gesamtstrategie Dortmunder "
        "Wohnungsbau und eine höhere Sanierungsquote.",
    ),
]

INDEX_INTRO = (
    "<p>Die Ausgangs- und Zielbilder des Stadtgesprächs entstehen zu 19 Schwerpunktthemen. "
    "Auf jeder Themenseite finden Sie, was die Workshops erarbeitet haben, und können "
    "mitdiskutieren, solange die Beteiligung geöffnet ist.</p>"
)


GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "und"})


def theme_slug(name: str) -> str:
    return slugify(name.lower().translate(GERMAN_LETTERS))


def load(*, today, report) -> None:
    for order, (name, slug, description, is_online) in enumerate(SECTORS, start=1):
        _sector, created = Sector.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "is_online": is_online,
                "sort_order": order,
            },
        )
        if created:
            report.created(f"Bereich {name}")

    home = Site.objects.get(is_default_site=True).root_page
    index = add_child_once(
        home,
        ThemeIndexPage(
            title="Schwerpunktthemen", slug="themen", intro=INDEX_INTRO, show_in_menus=True
        ),
        report,
    )
    for order, (name, teaser) in enumerate(THEMES, start=1):
        theme, created = Theme.objects.get_or_create(
            slug=theme_slug(name), defaults={"name": name, "sort_order": order}
        )
        if created:
            report.created(f"Schwerpunktthema {name}")
        if not ThemePage.objects.filter(theme=theme).exists():
            add_child_once(
                index,
                ThemePage(
                    title=name,
                    slug=theme.slug,
                    theme=theme,
                    teaser=teaser,
                    intro=f"<p>{teaser}</p>",
                ),
                report,
            )
