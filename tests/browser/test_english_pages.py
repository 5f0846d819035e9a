"""The English site is English: every kind of page a visitor reaches under /en/ says so
(`<html lang="en">`), its interface has no German left in it, dates and numbers are written
the English way, its links stay in English, and axe finds nothing.

What editors and citizens wrote – page texts, statements, comments, the names of themes,
goals and offices – is German and is marked `lang="de"`, so that screen readers pronounce it
as German (WCAG 3.1.2); everything else on the page is interface and must be English.
"""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations, describe
from .crawl import crawl
from .extra_pages import Demo, new_tab, visit_extra_pages
from .test_every_page_kind import EXCLUDED

# Words of the German interface that have no place in an English sentence. Capitalised nouns
# are matched as written; the short words are German-only (not "die", which is English too).
GERMAN_WORDS = [
    "und",
    "oder",
    "nicht",
    "noch",
    "schon",
    "bitte",
    "Bitte",
    "Sie",
    "Ihre",
    "Ihren",
    "Ihr",
    "Ihrem",
    "für",
    "über",
    "zur",
    "zum",
    "vom",
    "beim",
    "mit",
    "ist",
    "sind",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "haben",
    "hat",
    "kann",
    "können",
    "alle",
    "keine",
    "kein",
    "einer",
    "eines",
    "Seite",
    "Startseite",
    "Suche",
    "Konto",
    "Anmelden",
    "Abmelden",
    "Registrieren",
    "Passwort",
    "Zurück",
    "Weiter",
    "Absenden",
    "Speichern",
    "Kommentar",
    "Kommentare",
    "Aussage",
    "Aussagen",
    "Thema",
    "Themen",
    "Ergebnisse",
    "Stufe",
    "Anmeldung",
    "Datenschutz",
    "Impressum",
    "Barrierefreiheit",
    "Vorschlag",
    "Vorschläge",
    "Bewertung",
    "Zustimmung",
    "Ablehnung",
    "Stimme",
    "Melden",
    "Antworten",
    "Beteiligung",
    "Offene",
    "Daten",
    "Kennzahl",
    "Kennzahlen",
    "Handlungsfeld",
    "Handlungsfelder",
    "Stadtziel",
    "Stadtziele",
    "Ratsvorlage",
    "Fassung",
    "Fassungen",
    "Januar",
    "Februar",
    "März",
    "Mai",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    "Uhr",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
]
GERMAN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, GERMAN_WORDS)) + r")(?![\w-])")
# German dates (7. März 2026, 07.03.2026) and numbers (1.234 people, 12,5 %).
GERMAN_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}\b")
GERMAN_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d+,\d+\s?%")
# Names that stay as they are in English too: the product's, and the demo's people's.
PROPER_NAMES = {"Stadtgespräch", "Bürgerin"}

# The page's interface text: every text node and label attribute not inside an element
# marked as German, and the title without the German names in it (a title cannot mark them).
INTERFACE_TEXT = """() => {
    const english = el => (el.closest("[lang]")?.getAttribute("lang") || "").startsWith("en");
    const found = [];
    let title = document.title;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.trim();
        // What someone typed into a field is theirs, not interface.
        if (!text || !parent || parent.closest("script, style, template, textarea")) continue;
        if (english(parent)) found.push(text);
        else title = title.split(text).join("");
    }
    found.push(title);
    const attributes = ["aria-label", "placeholder", "alt", "title"];
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [alt], [title]")) {
        if (english(el)) {
            for (const name of attributes) {
                if (el.getAttribute(name)) found.push(el.getAttribute(name));
            }
        }
    }
    return {lang: document.documentElement.lang, texts: found};
}"""


def german_in(texts: list[str]) -> list[str]:
    """The pieces of interface text that are German (or written the German way)."""
    found = []
    for text in texts:
        words = GERMAN.findall(text)
        umlauts = [
            word
            for word in re.findall(r"\w*[äöüÄÖÜß]\w*", text)
            if word not in PROPER_NAMES and word not in words
        ]
        if words or umlauts or GERMAN_DATE.search(text) or GERMAN_NUMBER.search(text):
            found.append(text[:120])
    return found


def check_english(tab) -> list[str]:
    """What is wrong with the language of the loaded page: nothing, or a list."""
    page = tab.evaluate(INTERFACE_TEXT)
    problems = [] if page["lang"] == "en" else [f'<html lang="{page["lang"]}">']
    return problems + german_in(page["texts"])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # SHARED_DEMO_SITE
def test_the_english_site_is_english_throughout_and_has_no_axe_violations(browser, demo_server):
    demo = Demo()
    visited = crawl("/en/", skip_kinds=set(EXCLUDED))
    assert visited.broken == [], f"broken links (address, status, found on): {visited.broken}"
    assert visited.other_language == [], "links from English pages into the German site"

    tab = new_tab(browser, demo_server, language="en")
    problems, violations = {}, {}
    for kind, path in sorted(visited.representatives("en").items()):
        response = tab.goto(tab.base_url + path)
        assert response.status == 200, path
        problems[f"{kind} ({path})"] = check_english(tab)
        violations[f"{kind} ({path})"] = axe_violations(tab)
    tab.context.close()
    # The pages no link leads to; axe checks their kinds in German (test_every_page_kind.py).
    for page, tab, kind, _status in visit_extra_pages(browser, demo_server, demo, language="en"):
        if urlsplit(tab.url).path.startswith("/en/"):  # documents have no English address
            problems[f"{page.what} → {kind} ({tab.url})"] = check_english(tab)

    assert {name: p for name, p in problems.items() if p} == {}, describe(problems)
    assert {name: v for name, v in violations.items() if v} == {}, describe(violations)


@pytest.mark.parametrize("text", ["Bitte wählen Sie einen Grund.", "am 7. März 2026", "1.234"])
def test_the_language_check_itself_finds_german(text):
    """Guards the guard."""
    assert german_in([text]) == [text]


def test_the_language_check_passes_english():
    assert german_in(["Please choose a reason.", "on 7 March 2026", "1,234 votes", "12.5%"]) == []
