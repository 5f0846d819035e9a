"""The demo's English pages: home, the process, its six stages and the footer pages.

Each German text of cms.demo next to its English translation; `translate_page` turns them
into wagtail-localize translations, which editors open and change like their own. The page
in Leichte Sprache is not translated: it is easy German by definition.
"""

from django.conf import settings

from .demo import (
    CONFERENCE_RIGHTS,
    FOOTER_PAGES,
    HOME_INTRO,
    PRIVACY_RIGHTS,
    PROCESS_INTRO,
    SIGN_LANGUAGE_VIDEO_TEXT,
    SIGN_LANGUAGE_VIDEO_TEXT_EN,
    STAGE_BODY,
    STAGES,
)
from .locales import in_language
from .models import ContentPage, HomePage, ProcessPage, StagePage
from .translation import is_translated, translate_page

HOME = [
    ("Stadtgespräch Dortmund", "Stadtgespräch Dortmund – the city in conversation"),
    # The start page's address part is never seen (it is the site's root), but must differ
    # from the German one's beside it.
    ("start", "start-en"),
    (
        HOME_INTRO,
        "<p>How do we see Dortmund today, and how do we want it to be tomorrow? In the "
        "<b>Stadtgespräch</b>, politics, institutions, civil society and everyone who lives in "
        "Dortmund work out the city strategy together: in six stages, from the first "
        "workshops to the council's decision and its implementation.</p>",
    ),
]

PROCESS = [
    ("Stadtgespräch", "The process"),
    (
        PROCESS_INTRO,
        "<p>The organised Stadtgespräch leads in six stages to a shared city strategy: shared "
        "baseline statements, consolidated city goals, strategic fields of action, strategic "
        "projects and key figures. Everyone can read along online, and comment and rate "
        "while a stage is open for it.</p>",
    ),
]

STAGES_EN = {
    1: (
        "The stocktaking workshops",
        "Politics, institutions and civil society write baseline statements: how we see "
        "Dortmund today.",
        "The workshops of the three sectors recorded for all 19 focus themes how they see the "
        "situation in Dortmund today. These baseline statements were put up for discussion "
        "online.",
    ),
    2: (
        "The city conference “Our Dortmund – how we see it”",
        "Agreeing on the shared baseline statements for the whole city.",
        "At the first city conference, representatives of politics, institutions and civil "
        "society discussed the baseline statements at theme tables in a World Café: in two "
        "rounds, moderated by the themes' sponsors.",
    ),
    3: (
        "The vision workshops",
        "Politics, institutions and civil society write vision statements: how we want "
        "Dortmund to be tomorrow. Everyone can comment on and rate the vision statements "
        "online and propose their own.",
        "Now it is about the future: the workshops of the three sectors write vision "
        "statements. Everyone in Dortmund can comment on and rate them online and propose "
        "vision statements of their own.",
    ),
    4: (
        "The city conference “Our Dortmund – how we want it”",
        "Agreeing on a shared catalogue of vision statements for the whole city.",
        "The second city conference agrees on a shared catalogue of vision statements. "
        "Registration opens in good time beforehand.",
    ),
    5: (
        "Council decision",
        "Baseline and vision statements are brought together in a strategy, which goes to the "
        "city council for its decision.",
        "The strategy team brings all contributions together. The city strategy – baseline "
        "and vision statements, city goals, fields of action, projects and key figures – "
        "goes to the city council as a council paper.",
    ),
    6: (
        "Implementation",
        "Putting measures into practice and monitoring progress towards the goals with key "
        "figures.",
        "Measures are assigned to the goals and fields of action; the key figures show "
        "publicly how far Dortmund has come.",
    ),
}

FOOTER_EN = {
    "impressum": (
        "Legal notice",
        "<p>Published by: City of Dortmund, Staff Unit City Strategy (demo details). The "
        "publishing unit is responsible under press law.</p>",
    ),
    "datenschutz": (
        "Privacy",
        "<p>We process only the data that taking part requires: your e-mail address for "
        "signing in and for notifications, the display name you choose, and what you "
        "contribute yourself. Which data we keep, what for and for how long is set out in the "
        "table below; the platform deletes data after exactly these periods.</p>",
    ),
    "barrierefreiheit": (
        "Accessibility statement",
        "<p>This website aims to meet the requirements of BITV 2.0 (WCAG 2.1, level AA). It "
        "uses KERN, the design system of the German public administration, works without "
        "JavaScript and is checked for barriers automatically with every change.</p>"
        "<p>Please report barriers to the Staff Unit City Strategy; you will get an answer "
        "within six weeks. If you do not, you can turn to the federal arbitration board "
        "under the Disability Equality Act.</p>",
    ),
}

PRIVACY_BODY = [
    ("Ihre Rechte", "Your rights"),
    (
        PRIVACY_RIGHTS,
        "<p>Under “My account” you can download your data at any time: a file with everything "
        "the platform has stored about you. There you can also delete your account: your "
        "addresses, your name and your password are deleted at once, you are signed out on "
        "all devices, and upcoming registrations for city conferences are cancelled. Your "
        "contributions remain part of the consultation and appear as “deleted account”.</p>",
    ),
    (
        CONFERENCE_RIGHTS,
        "<p>If you registered for a city conference without an account, cancel through the "
        "link in your e-mail.</p>",
    ),
    ("Wie lange wir Daten speichern", "How long we keep data"),
    ("Speicherfristen", "Retention periods"),
]

SIGN_LANGUAGE_VIDEO = [
    ("Das Stadtgespräch in Deutscher Gebärdensprache", "The Stadtgespräch in German Sign Language"),
]


def home_pairs(video_description: str, video_description_en: str) -> list[tuple[str, str]]:
    return [*HOME, *SIGN_LANGUAGE_VIDEO, (video_description, video_description_en)]


def stage_pairs(number: int) -> list[tuple[str, str]]:
    _number, title, _kind, short, _start, _end = next(s for s in STAGES if s[0] == number)
    title_en, short_en, body_en = STAGES_EN[number]
    return [(title, title_en), (short, short_en), (STAGE_BODY[number], body_en)]


def footer_pairs(slug: str) -> list[tuple[str, str]]:
    _slug, title, text = next(page for page in FOOTER_PAGES if page[0] == slug)
    title_en, text_en = FOOTER_EN[slug]
    pairs = [(title, title_en), (text, text_en)]
    if slug == "datenschutz":
        pairs += PRIVACY_BODY
    return pairs


def load(*, today, report) -> None:
    """The English translations of cms.demo's pages, as an editor makes them with
    wagtail-localize; a page that has one already is left as it is. Run by `demo_data` right
    after cms.demo."""
    home = in_language(HomePage.objects.filter(alias_of__isnull=True), settings.LANGUAGE_CODE)
    home = home.first()
    if home is None:
        return
    work = [(home, home_pairs(SIGN_LANGUAGE_VIDEO_TEXT, SIGN_LANGUAGE_VIDEO_TEXT_EN))]
    process = ProcessPage.objects.child_of(home).order_by("path").first()
    if process is not None:
        work.append((process, PROCESS))
        for stage in StagePage.objects.live().child_of(process).order_by("number"):
            work.append((stage, stage_pairs(stage.number)))
    footer = {page.slug: page for page in ContentPage.objects.child_of(home)}
    for slug, _title, _text in FOOTER_PAGES:
        if slug in footer:
            work.append((footer[slug], footer_pairs(slug)))
    for page, pairs in work:
        page = page.specific
        if not is_translated(page):
            translate_page(page, pairs)
            report.created(f"Englische Fassung von „{page.title}“")
