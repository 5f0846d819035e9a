"""The 19 Schwerpunktthemen and the sectors of the council paper, with their pages."""

import random

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.demo import add_child_once
from cms.text import german_slug

from .comments import recount_comments
from .demo_statements import STATEMENTS
from .models import (
    Comment,
    Follow,
    Proposal,
    Sector,
    Statement,
    StatementState,
    Theme,
    ThemeIndexPage,
    ThemePage,
    Vote,
)
from .pictograms import PICTOGRAMS, pictogram_svg
from .rules import collecting
from .votes import recount_votes

# Demo voters: accounts without a password that nobody can sign in with.
VOTER_COUNT = 40
COMMENTS = [
    "Das deckt sich mit meiner Erfahrung im Stadtteil.",
    "Da fehlt mir der Blick auf die Außenbezirke.",
    "Wichtiger Punkt – aber wer bezahlt das?",
    "Genau so! Bitte nicht nur planen, sondern auch umsetzen.",
    "Ich sehe das anders: Vieles davon gibt es schon, es ist nur kaum bekannt.",
    "Gibt es dazu Zahlen? Mehr dazu hier: https://www.dortmund.de",
    "Das sollte mit den Vereinen vor Ort zusammen gemacht werden.",
    "Für Familien mit kleinen Kindern ist das besonders wichtig.",
]
OFFICIAL_ANSWER = (
    "Danke für den Hinweis. Die zuständigen Fachbereiche nehmen das in die Konsolidierung "
    "der Zielbilder mit; das Ergebnis wird auf dieser Seite veröffentlicht."
)

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


def theme_slug(name: str) -> str:
    return german_slug(name)


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
    # Pictograms before the English translations (participation.demo_english, run next):
    # they take their image from the German page.
    load_pictograms(report)
    load_statements(report)
    load_activity(report)


def load_pictograms(report) -> None:
    """Each theme page without an image gets its pictogram, as a Wagtail image an editor can
    replace. Decorative beside the theme's name, so its alternative text stays empty."""
    Image = get_image_model()
    added = 0
    german = ThemePage.objects.filter(
        image__isnull=True, alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    )
    for page in german.select_related("theme"):
        slug = page.theme.slug
        page.image = Image.objects.create(
            title=f"Piktogramm {page.theme.name}",
            file=ContentFile(pictogram_svg(slug).encode(), name=f"piktogramm-{slug}.svg"),
        )
        page.image_alt = ""
        page.save_revision().publish()
        added += 1
    if added:
        report.created(f"{added} Piktogramme der Schwerpunktthemen (von {len(PICTOGRAMS)})")


def load_statements(report) -> None:
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    stages = collecting()
    created = 0
    for theme in Theme.objects.all():
        for kind, entries in STATEMENTS.get(theme.slug, {}).items():
            for sector_slug, text in entries:
                _statement, new = Statement.objects.get_or_create(
                    theme=theme,
                    text=text,
                    defaults={
                        "kind": kind,
                        "sector": sectors[sector_slug],
                        "stage": stages[kind],
                        "state": StatementState.PUBLISHED,
                    },
                )
                created += new
    if created:
        report.created(f"{created} Ausgangs- und Zielbilder")


def demo_voters() -> list:
    User = get_user_model()
    voters = []
    for number in range(1, VOTER_COUNT + 1):
        email = f"demo-person-{number:02d}@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, display_name=f"Demo-Person {number:02d}")
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        voters.append(user)
    return voters


@transaction.atomic
def load_activity(report) -> None:
    """Votes, comments, an answer of the city and a proposal, so that every list has data.

    Seeded, so that every run builds the same picture; skipped once there are votes.
    """
    if Vote.objects.exists():
        return
    rng = random.Random(2030)
    voters = demo_voters()
    User = get_user_model()
    moderator = User.objects.filter(email="moderation@example.org").first()
    citizen = User.objects.filter(email="buergerin@example.org").first()
    votes = []
    for statement in Statement.objects.filter(state=StatementState.PUBLISHED).select_related(
        "theme"
    ):
        leaning = rng.random()
        # On Mobilität the demo voters form two camps (car and bicycle, say) that lean apart
        # on many statements, so that the opinion groups of the demo have something to find,
        # and agree on some (common ground, "Größte Einigkeit"); the rest lean at random.
        camps = rng.random() if statement.theme.slug == "mobilitaet" else 1.0
        for voter in rng.sample(voters, rng.randint(8, VOTER_COUNT)):
            one_camp = (voter.pk + statement.pk) % 2
            if camps < 0.45:
                leaning = 0.9 if one_camp else 0.15
            elif camps < 0.7:
                leaning = 0.95 if one_camp else 0.9
            roll = rng.random()
            choice = (
                "agree" if roll < leaning * 0.8 else "neutral" if roll < leaning else "disagree"
            )
            votes.append(Vote(statement=statement, user=voter, choice=choice))
        for _n in range(rng.choice([0, 0, 1, 2, 3])):
            author = rng.choice(voters)
            comment = Comment.objects.create(
                statement=statement, author=author, text=rng.choice(COMMENTS)
            )
            if rng.random() < 0.3:
                Comment.objects.create(
                    statement=statement,
                    parent=comment,
                    author=rng.choice(voters),
                    text=rng.choice(COMMENTS),
                )
            if moderator and rng.random() < 0.1:
                Comment.objects.create(
                    statement=statement,
                    parent=comment,
                    author=moderator,
                    text=OFFICIAL_ANSWER,
                    is_official=True,
                )
    citizen_statements = []
    if citizen:
        # The demo citizen has taken part too, so that "Meine Beteiligung" on her account
        # page shows what it is for. Not on Mobilität, whose opinion groups stay as they are.
        citizen_statements = list(
            Statement.objects.filter(state=StatementState.PUBLISHED)
            .exclude(theme__slug="mobilitaet")
            .order_by("-stage", "theme__sort_order", "pk")[:5]
        )
        for number, statement in enumerate(citizen_statements):
            votes.append(
                Vote(statement=statement, user=citizen, choice=("agree", "disagree")[number % 2])
            )
        if citizen_statements:
            Comment.objects.create(
                statement=citizen_statements[0], author=citizen, text=rng.choice(COMMENTS)
            )
            Follow.objects.get_or_create(user=citizen, theme=citizen_statements[0].theme)
    Vote.objects.bulk_create(votes, batch_size=2000)
    # Demo comments are old news: nobody needs a mail about them.
    Comment.objects.update(notified_at=timezone.now())
    for statement in Statement.objects.all():
        recount_votes(statement)
        recount_comments(statement.pk)
    if citizen:
        theme = Theme.objects.filter(slug="mobilitaet").first()
        if theme:
            Proposal.objects.create(
                theme=theme,
                kind="zielbild",
                stage=collecting()["zielbild"],
                author=citizen,
                text=(
                    "Jede Dortmunderin und jeder Dortmunder erreicht 2030 die nächste "
                    "Haltestelle von Bus oder Bahn in höchstens fünf Minuten zu Fuß."
                ),
            )
    report.created(f"{len(votes)} Bewertungen und {Comment.objects.count()} Kommentare")
