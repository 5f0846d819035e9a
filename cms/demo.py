"""Dortmund's process from the council paper: home, the Stadtgespräch and its six stages.

Dates are set relative to the day of the first run so that stages 1 and 2 are closed and
stage 3 is running, which gives the later features a live consultation to work with.
"""

import datetime

from wagtail.models import Page, Site

from .models import (
    ContentPage,
    EasyLanguagePage,
    FooterSettings,
    HomePage,
    ProcessPage,
    StagePage,
    StageResults,
)
from .stages import StageKind, StageSubject

HOME_INTRO = (
    "<p>Wie sehen wir Dortmund heute, und wie wollen wir es morgen? Im "
    "<b>Stadtgespräch</b> erarbeiten Politik, Institutionen, Zivilgesellschaft und alle "
    "Dortmunder*innen gemeinsam die Stadtstrategie: in sechs Stufen, von den ersten Workshops "
    "bis zum Beschluss des Rates und der Umsetzung.</p>"
)
PROCESS_INTRO = (
    "<p>Das organisierte Stadtgespräch führt in sechs Stufen zu einer gemeinsamen "
    "Stadtstrategie: Gemeinsame Ausgangsbilder, konsolidierte Stadtziele, strategische "
    "Handlungsfelder, strategische Projekte und Kennzahlen. Online können alle mitlesen, "
    "kommentieren und bewerten, solange eine Stufe dafür geöffnet ist.</p>"
)

# (number, title, kind, short description, start offset, end offset in days from today)
STAGES = [
    (
        1,
        "Die Bestandsaufnahme-Workshops",
        StageKind.WORKSHOPS,
        "Erarbeitung von Ausgangsbildern in den Bereichen Politik, Institutionen und "
        "Zivilgesellschaft: Wie wir Dortmund heute sehen.",
        -330,
        -240,
    ),
    (
        2,
        "Die Stadtkonferenz „Unser Dortmund – Wie wir es sehen“",
        StageKind.CONFERENCE,
        "Verständigung auf die gemeinsamen Ausgangsbilder für die Gesamtstadt.",
        -230,
        -150,
    ),
    (
        3,
        "Die Zielbilder-Workshops",
        StageKind.WORKSHOPS,
        "Erarbeitung von Zielbildern in den Bereichen Politik, Institutionen und "
        "Zivilgesellschaft: Wie wir Dortmund morgen wollen. Online können alle Zielbilder "
        "kommentieren, bewerten und eigene vorschlagen.",
        -120,
        60,
    ),
    (
        4,
        "Die Stadtkonferenz „Unser Dortmund – Wie wir es wollen“",
        StageKind.CONFERENCE,
        "Verständigung auf einen gemeinsamen Katalog von Zielbildern für die Gesamtstadt.",
        90,
        150,
    ),
    (
        5,
        "Ratsbeschluss",
        StageKind.COUNCIL_DECISION,
        "Ausgangs- und Zielbilder werden in einer Strategie zusammengefasst und dem Rat zur "
        "Beschlussfassung vorgelegt.",
        180,
        270,
    ),
    (
        6,
        "Die Umsetzung",
        StageKind.IMPLEMENTATION,
        "Operative Umsetzung von Maßnahmen und Monitoring der Zielerreichung mit Kennzahlen.",
        300,
        300 + 5 * 365,
    ),
]

# What the workshops of a stage write and what its conference agrees on.
STAGE_SUBJECT = {
    1: StageSubject.AUSGANGSBILD,
    2: StageSubject.AUSGANGSBILD,
    3: StageSubject.ZIELBILD,
    4: StageSubject.ZIELBILD,
}

STAGE_BODY = {
    1: "Die Workshops der drei Bereiche haben zu allen 19 Schwerpunktthemen festgehalten, wie "
    "sie die Lage in Dortmund heute sehen. Diese Ausgangsbilder wurden online zur Diskussion "
    "gestellt.",
    2: "Auf der ersten Stadtkonferenz haben Vertreter*innen aus Politik, Institutionen und "
    "Zivilgesellschaft im Format World Café an Thementischen über die Ausgangsbilder "
    "beraten: in zwei Runden, moderiert von den Pat*innen der Themen.",
    3: "Jetzt geht es um die Zukunft: Die Workshops der drei Bereiche formulieren Zielbilder. "
    "Alle Dortmunder*innen können die Zielbilder online kommentieren, bewerten und eigene "
    "Zielbilder vorschlagen.",
    4: "Die zweite Stadtkonferenz verständigt sich auf einen gemeinsamen Katalog von "
    "Zielbildern. Anmelden können sich alle, die mitreden wollen, schon Wochen vorher.",
    5: "Das Strategieteam führt alle Eingaben zusammen. Die Stadtstrategie mit Ausgangs- und "
    "Zielbildern, Stadtzielen, Handlungsfeldern, Projekten und Kennzahlen geht als "
    "Ratsvorlage an den Rat der Stadt.",
    6: "Maßnahmen werden den Zielen und Handlungsfeldern zugeordnet; die Kennzahlen zeigen "
    "öffentlich, wie weit Dortmund gekommen ist.",
}

STAGE_RESULTS = {
    1: "<p>In den Bestandsaufnahme-Workshops sind zu allen 19 Schwerpunktthemen Ausgangsbilder "
    "aus den Bereichen Politik, Institutionen und Zivilgesellschaft entstanden. Sie wurden "
    "online veröffentlicht und von Bürger*innen kommentiert und bewertet.</p>",
    2: "<p>Die Stadtkonferenz „Unser Dortmund – Wie wir es sehen“ hat sich auf gemeinsame "
    "Ausgangsbilder für die Gesamtstadt verständigt. Sie sind die Grundlage der "
    "Zielbilder-Workshops.</p>",
}

FOOTER_PAGES = [
    (
        "impressum",
        "Impressum",
        "<p>Herausgeberin: Stadt Dortmund, Stabsstelle Stadtstrategie (Demo-Angaben). "
        "Verantwortlich im Sinne des Presserechts ist die herausgebende Dienststelle.</p>",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "<p>Wir verarbeiten nur die Daten, die für die Beteiligung nötig sind: Ihre "
        "E-Mail-Adresse für die Anmeldung und Benachrichtigungen, Ihren frei wählbaren "
        "Anzeigenamen und was Sie selbst beitragen. Welche Daten wir speichern, wozu und wie "
        "lange, steht in der Tabelle unten; die Plattform löscht nach genau diesen Fristen.</p>",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "<p>Diese Website soll die Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) erfüllen. "
        "Sie nutzt das Designsystem KERN der deutschen Verwaltung, funktioniert ohne "
        "JavaScript und wird bei jeder Änderung automatisch auf Barrieren geprüft.</p>"
        "<p>Barrieren melden Sie bitte an die Stabsstelle Stadtstrategie; die Antwort kommt "
        "innerhalb von sechs Wochen. Bleibt sie aus, können Sie sich an die Schlichtungsstelle "
        "nach dem Behindertengleichstellungsgesetz wenden.</p>",
    ),
]


# The links to the pages themselves come from the block "self_service", in the reader's
# language; a path written into the text would lead English readers into the German site.
PRIVACY_RIGHTS = (
    "<p>Unter „Mein Konto“ können Sie jederzeit Ihre Daten herunterladen: eine Datei mit "
    "allem, was die Plattform über Sie gespeichert hat. Dort können Sie auch Ihr Konto "
    "löschen: Ihre Adressen, Ihr Name und Ihr Passwort werden sofort gelöscht, Sie werden auf "
    "allen Geräten abgemeldet, bevorstehende Anmeldungen zu Stadtkonferenzen werden abgesagt. "
    "Ihre Beiträge bleiben Teil der Beteiligung und erscheinen als „gelöschtes Konto“.</p>"
)
CONFERENCE_RIGHTS = (
    "<p>Eine Anmeldung zu einer Stadtkonferenz ohne Konto sagen Sie über den Link in Ihrer "
    "E-Mail ab.</p>"
)


def privacy_page_body(page: Page, report) -> None:
    """The privacy page's rights with the links to exercise them, and its table of retention
    periods (both blocks fill themselves in from the code). Added to a page the demo made,
    never to one an editor has changed; a page an older demo made is brought up to date."""
    if any(block.block_type == "self_service" for block in page.body):
        return
    if page.revisions.filter(user__isnull=False).exists():
        return
    # An older demo's text named the periods itself; the table does that now.
    page.intro = next(text for slug, _title, text in FOOTER_PAGES if slug == "datenschutz")
    page.body = [
        ("heading", {"text": "Ihre Rechte", "level": "h2"}),
        ("paragraph", PRIVACY_RIGHTS),
        ("self_service", None),
        ("paragraph", CONFERENCE_RIGHTS),
        ("heading", {"text": "Wie lange wir Daten speichern", "level": "h2"}),
        ("retention", {"caption": "Speicherfristen"}),
    ]
    page.save_revision().publish()
    report.created("Ihre Rechte und Speicherfristen auf der Seite „Datenschutz“")


def _lines(*sentences: str) -> str:
    """Leichte Sprache: every sentence on a line of its own."""
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


# The process in Leichte Sprache (rules of the Netzwerk Leichte Sprache): short sentences,
# one statement each, hard words explained, numbers as digits, no abbreviations, active voice.
# A Mediopunkt splits long compounds. Editors change it in the admin like any page.
EASY_LANGUAGE_TITLE = "Das Stadt·gespräch in Leichter Sprache"
EASY_LANGUAGE_BODY = [
    ("heading", {"text": "Worum geht es?", "level": "h2"}),
    (
        "paragraph",
        _lines(
            "Dortmund ist eine große Stadt.",
            "Viele Menschen wohnen in Dortmund.",
            "Die Stadt möchte wissen: Was ist den Menschen in Dortmund wichtig?",
            "Deshalb gibt es das Stadt·gespräch.",
            "Im Stadt·gespräch reden viele Menschen über Dortmund.",
            "Sie sagen: So ist Dortmund heute.",
            "Und: So soll Dortmund in Zukunft sein.",
            "Am Ende gibt es einen Plan für Dortmund.",
            "Der Plan heißt: Stadt·strategie.",
        ),
    ),
    (
        "explanation",
        {
            "word": "Stadt·strategie",
            "explanation": "Eine Strategie ist ein Plan.\n"
            "Der Plan sagt: Das wollen wir erreichen.\n"
            "Und: So wollen wir das schaffen.",
        },
    ),
    ("heading", {"text": "Das Stadt·gespräch hat 6 Schritte", "level": "h2"}),
    ("heading", {"text": "Schritt 1: Treffen in Gruppen", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Menschen treffen sich in kleinen Gruppen.",
            "Die Treffen heißen: Workshops.",
            "Die Menschen schreiben auf: So ist Dortmund heute.",
            "Diese Sätze heißen: Ausgangs·bilder.",
            "Sie können die Ausgangs·bilder im Internet lesen.",
        ),
    ),
    (
        "explanation",
        {
            "word": "Workshop",
            "explanation": "Das Wort spricht man so: Wörk·schopp.\n"
            "Ein Workshop ist ein Treffen.\n"
            "Bei dem Treffen arbeiten Menschen zusammen an einem Thema.",
        },
    ),
    ("heading", {"text": "Schritt 2: Die 1. große Konferenz", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Viele Menschen kommen zu einem großen Treffen.",
            "Das Treffen heißt: Stadt·konferenz.",
            "Die Menschen reden über die Ausgangs·bilder.",
            "Am Ende sagen alle gemeinsam: Diese Ausgangs·bilder gelten für ganz Dortmund.",
        ),
    ),
    ("heading", {"text": "Schritt 3: Wieder Treffen in Gruppen", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Jetzt geht es um die Zukunft.",
            "Die Gruppen schreiben auf: So soll Dortmund in Zukunft sein.",
            "Diese Sätze heißen: Ziel·bilder.",
            "In diesem Schritt können Sie im Internet mitmachen.",
        ),
    ),
    ("heading", {"text": "Schritt 4: Die 2. große Konferenz", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Wieder kommen viele Menschen zu einer Stadt·konferenz.",
            "Sie reden über die Ziel·bilder.",
            "Am Ende gibt es eine Liste mit Ziel·bildern.",
            "Alle sind mit der Liste einverstanden.",
        ),
    ),
    ("heading", {"text": "Schritt 5: Der Rat entscheidet", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Das Strategie·team schreibt alles zusammen.",
            "Daraus wird ein Vorschlag für den Rat.",
            "Der Rat stimmt über den Vorschlag ab.",
            "Dann gilt der Plan für Dortmund.",
        ),
    ),
    (
        "explanation",
        {
            "word": "Rat",
            "explanation": "Der Rat sind Politiker und Politikerinnen aus Dortmund.\n"
            "Die Menschen in Dortmund haben sie gewählt.\n"
            "Der Rat entscheidet über wichtige Dinge in Dortmund.",
        },
    ),
    ("heading", {"text": "Schritt 6: Die Stadt setzt den Plan um", "level": "h3"}),
    (
        "paragraph",
        _lines(
            "Die Ämter arbeiten an den Zielen.",
            "Ämter sind Teile der Stadt·verwaltung.",
            "Die Ämter messen: So weit sind wir schon.",
            "Im Internet können alle sehen: So weit ist Dortmund schon.",
        ),
    ),
    ("heading", {"text": "So können Sie mitmachen", "level": "h2"}),
    (
        "paragraph",
        _lines(
            "Alle können die Seiten vom Stadt·gespräch lesen.",
            "Sie möchten selbst etwas schreiben?",
            "Dann brauchen Sie ein Konto.",
            "So bekommen Sie ein Konto:",
        )
        + "<ol><li>Klicken Sie oben auf: Registrieren.</li>"
        "<li>Schreiben Sie Ihre E-Mail-Adresse.</li>"
        "<li>Denken Sie sich einen Namen und ein Passwort aus.</li>"
        "<li>Sie bekommen eine E-Mail mit einem Link.</li>"
        "<li>Klicken Sie auf den Link.</li></ol>"
        + _lines("Mit dem Konto können Sie:")
        + "<ul><li>sagen, was Sie von einem Ziel·bild halten.</li>"
        "<li>einen Kommentar schreiben.</li>"
        "<li>ein eigenes Ziel·bild vorschlagen.</li></ul>",
    ),
    (
        "explanation",
        {
            "word": "Passwort",
            "explanation": "Ein Passwort ist ein geheimes Wort.\n"
            "Nur Sie kennen das Passwort.\n"
            "Mit dem Passwort kommen Sie in Ihr Konto.",
        },
    ),
    (
        "paragraph",
        _lines(
            "Sie können auch zu einer Stadt·konferenz kommen.",
            "Dafür melden Sie sich vorher an.",
            "Bei der Anmeldung können Sie sagen: Das brauche ich.",
            "Zum Beispiel: einen Platz für den Roll·stuhl.",
            "Oder: Leichte Sprache.",
        ),
    ),
    ("heading", {"text": "Wer entscheidet?", "level": "h2"}),
    (
        "paragraph",
        _lines(
            "Alle können ihre Ideen sagen.",
            "Das Strategie·team liest alle Ideen.",
            "Das Strategie·team ist eine Gruppe in der Stadt·verwaltung.",
            "Bei jeder Idee steht: Was ist aus der Idee geworden?",
            "Und: Warum?",
            "Am Ende entscheidet der Rat der Stadt Dortmund.",
        ),
    ),
    ("heading", {"text": "Haben Sie Fragen?", "level": "h2"}),
    (
        "paragraph",
        _lines(
            "Schreiben Sie eine E-Mail an das Team vom Stadt·gespräch.",
            'Die Adresse ist: <a href="mailto:stadtgespraech@example.org">'
            "stadtgespraech@example.org</a>",
        ),
    ),
]


# The video in German Sign Language (BITV 2.0): the demo has no video, so the block shows
# where it goes and says what it will show; the captions are an example of the format.
SIGN_LANGUAGE_VIDEO_TEXT = (
    "<p>Hier zeigt die Stadt ein Video in Deutscher Gebärdensprache: Es erklärt, worum es im "
    "Stadtgespräch geht, wie diese Website aufgebaut ist und wie Sie mitmachen können. "
    "(Demo: Das Video lädt die Redaktion als Dokument hoch.)</p>"
)
SIGN_LANGUAGE_VIDEO_TEXT_EN = (
    "<p>Here the city shows a video in German Sign Language: it explains what the "
    "Stadtgespräch is about, how this website is organised and how you can take part. "
    "(Demo: the editors upload the video as a document.)</p>"
)
EASY_LANGUAGE_VIDEO_TEXT = _lines(
    "Hier zeigt die Stadt bald ein Video.",
    "In dem Video erklärt eine Person das Stadt·gespräch.",
    "Die Person spricht in Deutscher Gebärden·sprache.",
)
CAPTIONS_EXAMPLE = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:04.000\n"
    "Willkommen beim Stadtgespräch Dortmund.\n\n"
    "00:00:04.000 --> 00:00:09.000\n"
    "Hier erfahren Sie, wie Sie mitreden können.\n"
)


def captions_example(report):
    """A WebVTT file as an example of the captions' format (a document, as editors upload
    the real one)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document_model = get_document_model()
    title = "Untertitel zum Gebärdensprachvideo (Beispiel)"
    found = document_model.objects.filter(title=title).first()
    if found is None:
        found = document_model(title=title)
        found.file.save("dgs-untertitel-beispiel.vtt", ContentFile(CAPTIONS_EXAMPLE.encode()))
        found.save()
        report.created("Beispiel-Untertitel (WebVTT) für das Gebärdensprachvideo")
    return found


def place_sign_language_video(page: Page, title: str, text: str, report, *, first=False):
    """The video block on the home page (at its end) and the page in Leichte Sprache (at its
    start, before the text it explains): added to a page the demo made, never to one an
    editor has changed."""
    if any(block.block_type == "sign_language_video" for block in page.body):
        return
    if page.revisions.filter(user__isnull=False).exists():
        return
    block = (
        "sign_language_video",
        {"title": title, "description": text, "captions": captions_example(report)},
    )
    if first:
        page.body.insert(0, block)
    else:
        page.body.append(block)
    page.save_revision().publish()
    report.created(f"Platz für das Gebärdensprachvideo auf „{page.title}“")


def add_child_once(parent: Page, page: Page, report) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.created(f"Seite „{page.title}“")
    return page


def home_page(report) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Stadtgespräch Dortmund", slug="start", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
        report.created("Startseite")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Stadtgespräch Dortmund"
        site.save()
        # Wagtail's "Welcome" placeholder page has no use once the real home exists.
        if old_root.depth == 2 and old_root.specific_class is Page:
            for counterpart in old_root.get_translations():
                counterpart.delete()
            old_root.delete()
    return home


# Online consultation per stage: (closes, days from today; None: with the stage). The
# Ausgangsbilder stayed open until the first conference began.
CONSULTATION = {1: -231, 3: None}


def load(*, today: datetime.date, report) -> None:
    home = home_page(report)
    process = add_child_once(
        home,
        ProcessPage(
            title="Stadtgespräch", slug="stadtgespraech", intro=PROCESS_INTRO, show_in_menus=True
        ),
        report,
    )
    for number, title, kind, short, start, end in STAGES:
        stage = add_child_once(
            process,
            StagePage(
                title=title,
                slug=f"stufe-{number}",
                number=number,
                kind=kind,
                subject=STAGE_SUBJECT.get(number, ""),
                short_description=short,
                start_date=today + datetime.timedelta(days=start),
                end_date=today + datetime.timedelta(days=end),
                body=[("paragraph", f"<p>{STAGE_BODY[number]}</p>")],
            ),
            report,
        )
        if number in CONSULTATION and not stage.consultation:
            closes = CONSULTATION[number]
            stage.consultation = True
            stage.consultation_until = (
                today + datetime.timedelta(days=closes) if closes is not None else None
            )
            stage.save_revision().publish()
        if number in STAGE_RESULTS and not StageResults.objects.filter(stage=stage).exists():
            results = StageResults.objects.create(stage=stage, summary=STAGE_RESULTS[number])
            results.save_revision().publish()
            report.created(f"Ergebnisse der Stufe {number}")

    easy = add_child_once(
        home,
        EasyLanguagePage(
            title=EASY_LANGUAGE_TITLE, slug="leichte-sprache", body=EASY_LANGUAGE_BODY
        ),
        report,
    )
    place_sign_language_video(
        home, "Das Stadtgespräch in Deutscher Gebärdensprache", SIGN_LANGUAGE_VIDEO_TEXT, report
    )
    place_sign_language_video(
        easy, "Das Stadt·gespräch in Gebärden·sprache", EASY_LANGUAGE_VIDEO_TEXT, report, first=True
    )

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    pages = {
        slug: add_child_once(home, ContentPage(title=title, slug=slug, intro=text), report)
        for slug, title, text in FOOTER_PAGES
    }
    privacy_page_body(pages["datenschutz"], report)
    if footer.imprint_page_id is None:
        footer.operator = "Stadt Dortmund"
        footer.imprint_page = pages["impressum"]
        footer.privacy_page = pages["datenschutz"]
        footer.accessibility_page = pages["barrierefreiheit"]
        footer.save()
