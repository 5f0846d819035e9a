"""The demo's English conference pages: title, introduction and programme beside the German
texts of konferenzen.demo, made into wagtail-localize translations."""

from .demo import CONFERENCES, PROGRAMME

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
