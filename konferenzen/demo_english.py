"""The demo's English conference pages: title, introduction and programme beside the German
texts of konferenzen.demo, made into wagtail-localize translations."""

from django.conf import settings

from cms.locales import in_language
from cms.translation import is_translated, translate_page

from .demo import CONFERENCES, PROGRAMME
from .models import Conference

CONFERENCES_EN = {
    "wie-wir-es-sehen": (
        "Our Dortmund – how we see it",
        "<p>Politics, institutions, civil society and citizens agree on the shared baseline "
        "statements for the whole city.</p>",
    ),
    "wie-wir-es-wollen": (
        "Our Dortmund – how we want it",
        "<p>The vision statements of the workshops and of the online participation become a "
        "shared catalogue for the whole city. Everyone who wants to have a say is "
        "welcome.</p>",
    ),
}

PROGRAMME_EN = {
    "Ankommen und Einlass": "Arrival and admission",
    "Check-in mit QR-Code oder Namen, Kaffee.": "Check-in with QR code or name, coffee.",
    "Begrüßung durch den Oberbürgermeister": "Welcome by the Lord Mayor",
    "Was die Workshops erarbeitet haben": "What the workshops have worked out",
    "Die Bereiche stellen ihre Ergebnisse vor.": "The sectors present their results.",
    "World Café, Runde 1": "World Café, round 1",
    "An den Thementischen der neun Stadtziele.": "At the theme tables of the nine city goals.",
    "Mittagspause": "Lunch break",
    "Vegetarisch und vegan; bitte Bedarfe bei der Anmeldung angeben.": (
        "Vegetarian and vegan; please state your needs when you register."
    ),
    "World Café, Runde 2": "World Café, round 2",
    "An einem anderen Tisch.": "At a different table.",
    "Ergebnisse im Plenum und Verständigung": "Results in the plenary and agreement",
    "Ausblick und Abschluss": "Outlook and close",
}


def conference_pairs(slug: str) -> list[tuple[str, str]]:
    spec = next(spec for spec in CONFERENCES if spec["slug"] == slug)
    title_en, intro_en = CONFERENCES_EN[slug]
    programme = [
        (text, PROGRAMME_EN[text])
        for _time, title, description in PROGRAMME
        for text in (title, description)
        if text
    ]
    return [(spec["title"], title_en), (spec["intro"], intro_en), *programme]


def load(*, today, report) -> None:
    """Each conference page's English translation, as an editor makes it with
    wagtail-localize; left alone once there is one. Run by `demo_data` right after
    konferenzen.demo."""
    for conference in Conference.objects.filter(slug__in=[spec["slug"] for spec in CONFERENCES]):
        page = in_language(conference.pages.all(), settings.LANGUAGE_CODE).first()
        if page is not None and not is_translated(page):
            translate_page(page, conference_pairs(conference.slug))
            report.created(f"Englische Fassung von „{page.title}“")
