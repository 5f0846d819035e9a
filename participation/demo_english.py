"""The demo's English: the 19 themes' names, their pages and the themes' index page.

Beside each German name (participation.demo.THEMES) its English name and teaser; the name
goes into the theme's `name_en`, the page becomes a wagtail-localize translation.
"""

from django.conf import settings

from cms.locales import in_language
from cms.translation import is_translated, translate_page

from .demo import INDEX_INTRO, THEMES
from .models import Theme, ThemeIndexPage, ThemePage

THEMES_EN = {
    "Arbeitsmarkt": (
        "Labour market",
        "Good work in local value chains: the municipal labour market strategy KAS2030 and "
        "“Women. Skilled workers. Families.”",
    ),
    "City": (
        "City centre",
        "A lively city centre after the pandemic: quality of public space, shopping quarters "
        "and the 4-S strategy of the “Neue City”.",
    ),
    "Digitalisierung": (
        "Digitalisation",
        "Digital administration, smart city and fibre: DOSYS as a digital Bauhaus and the "
        "Smart Cities model project.",
    ),
    "Einsamkeit": (
        "Loneliness",
        "Nobody should be left alone: neighbourhoods, meeting places in every quarter and "
        "offers for all generations.",
    ),
    "Freizeit": (
        "Leisure",
        "Places to play, meet and relax – close to home and within everyone's reach.",
    ),
    "Großstadtentwicklung": (
        "Metropolitan development",
        "Dortmund as a European city: growing, working together internationally and creating "
        "equal living conditions.",
    ),
    "Innovationskultur": (
        "Culture of innovation",
        "Trying new things in administration, business and civil society: innovation & "
        "technology, Regulation Lab, citizen science.",
    ),
    "Kinder": (
        "Children",
        "Every child grows beyond themselves: faster building of day-care centres, "
        "cooperative all-day schooling and more space on the doorstep.",
    ),
    "Klima": (
        "Climate",
        "Environmental quality and jobs with climate protection: the climate emergency "
        "programme and a new local strength.",
    ),
    "Kultur": (
        "Culture",
        "Theatres, museums, the independent scene and neighbourhood culture as part of an "
        "attractive city.",
    ),
    "Mobilität": (
        "Mobility",
        "Shaping the transport transition: an integrated overall mobility plan, charging "
        "infrastructure and a new modal split.",
    ),
    "Nordwärts": (
        "Northwards",
        "Bringing the quality of life in Dortmund's north up to that of the other districts: "
        "the 240 sub-projects of the Northwards programme.",
    ),
    "Sauberkeit": (
        "Cleanliness",
        "A clean city together: clean-up days, litter sponsors and “Safe and clean round the "
        "corner”.",
    ),
    "Sicherheit": (
        "Safety",
        "Feeling safe in every neighbourhood: reducing places people fear, prevention and a "
        "tool for reporting defects and ideas.",
    ),
    "Sport": (
        "Sport",
        "Exercise for everyone: sports facilities, clubs and room to move in public spaces.",
    ),
    "Standortentwicklung": (
        "Business location",
        "Business, land and digital infrastructure for a strong location: “New strength”.",
    ),
    "Teilhabe": (
        "Participation",
        "Participation 2.0: developing how people take part – digitally, in person and "
        "hybrid – so that everyone can have a say.",
    ),
    "Wissenschaft & Forschung": (
        "Science & research",
        "Universities, research and international students as the city's driving force.",
    ),
    "Wohnen": (
        "Housing",
        "Affordable housing for every way of living: the overall strategy for housing "
        "construction in Dortmund and a higher rate of renovation.",
    ),
}

INDEX = [
    ("Schwerpunktthemen", "Focus themes"),
    (
        INDEX_INTRO,
        "<p>The baseline and vision statements of the Stadtgespräch are written on 19 focus "
        "themes. On each theme's page you find what the workshops have worked out, and you "
        "can join the discussion while participation is open.</p>",
    ),
]


def theme_pairs(name: str) -> list[tuple[str, str]]:
    teaser = dict(THEMES)[name]
    name_en, teaser_en = THEMES_EN[name]
    return [(name, name_en), (teaser, teaser_en)]


def load(*, today, report) -> None:
    """The themes' English names, and the English translations of the index and the theme
    pages (as an editor makes them with wagtail-localize); nothing an editor has set is
    changed. Run by `demo_data` right after participation.demo."""
    index = in_language(ThemeIndexPage.objects.all(), settings.LANGUAGE_CODE).first()
    if index is None:
        return
    for theme in Theme.objects.filter(name__in=THEMES_EN, name_en=""):
        theme.name_en = THEMES_EN[theme.name][0]
        theme.save(update_fields=["name_en"])
        report.created(f"Englischer Name des Themas {theme.name}")
    work = [(index, INDEX)]
    for page in ThemePage.objects.child_of(index).select_related("theme"):
        if page.theme.name in THEMES_EN:
            work.append((page, theme_pairs(page.theme.name)))
    for page, pairs in work:
        if not is_translated(page):
            translate_page(page, pairs)
            report.created(f"Englische Fassung von „{page.title}“")
