"""Building blocks for tests: a site with the process and its stages, themes, accounts, and
factory_boy factories for the models most tests build (statements, comments, the strategy
model, conferences and registrations, council paper versions). A factory's defaults make a
valid object; a test names only what it is about."""

import datetime
import itertools

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page, Site

from accounts.models import User
from cms.models import HomePage, ProcessPage, StagePage
from cms.stages import StageKind, StageSubject
from konferenzen.models import CafeTable, Conference, Registration, SectorQuota
from participation.comments import recount_comments
from participation.models import (
    Comment,
    Sector,
    Statement,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from ratsvorlage.models import PaperVersion
from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Project

PASSWORD = "ein-sicheres-Passwort-123"
_counter = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        self.save()

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_page() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    home = publish(
        Page.get_first_root_node(), HomePage(title="Stadtgespräch Dortmund", slug="start")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


# The Stadtgespräch's six stages: what each does and on what.
SIX_STAGES = (
    (StageKind.WORKSHOPS, StageSubject.AUSGANGSBILD),
    (StageKind.CONFERENCE, StageSubject.AUSGANGSBILD),
    (StageKind.WORKSHOPS, StageSubject.ZIELBILD),
    (StageKind.CONFERENCE, StageSubject.ZIELBILD),
    (StageKind.COUNCIL_DECISION, ""),
    (StageKind.IMPLEMENTATION, ""),
)


def process_with_stages(
    *,
    today: datetime.date,
    running: int = 3,
    consultation=(1, 3),
    premoderation=(),
    stages=SIX_STAGES,
) -> ProcessPage:
    """A process of `stages` ((kind, subject) each, numbered from 1), back to back, with stage
    `running` running on `today`; the stages in `consultation` are open for comments and votes
    while they run."""
    home = home_page()
    process = publish(
        home, ProcessPage(title="Stadtgespräch", slug="stadtgespraech", show_in_menus=True)
    )
    for number, (kind, subject) in enumerate(stages, start=1):
        offset = (number - running) * 30
        publish(
            process,
            StagePage(
                title=f"Stufe Nummer {number}",
                slug=f"stufe-{number}",
                number=number,
                kind=kind,
                subject=subject,
                short_description=f"Kurzbeschreibung der Stufe {number}.",
                start_date=today + datetime.timedelta(days=offset - 14),
                end_date=today + datetime.timedelta(days=offset + 14),
                consultation=number in consultation,
                premoderation=number in premoderation,
            ),
        )
    return process


def theme_page(name: str = "Mobilität", *, teaser: str = "") -> ThemePage:
    home = home_page()
    index = ThemeIndexPage.objects.first() or publish(
        home, ThemeIndexPage(title="Schwerpunktthemen", slug="themen", show_in_menus=True)
    )
    theme = Theme.objects.create(name=name, slug=f"thema-{next(_counter)}")
    return publish(index, ThemePage(title=name, slug=theme.slug, theme=theme, teaser=teaser))


SECTORS = [
    ("Politik", "politik", False),
    ("Institutionen", "institutionen", False),
    ("Zivilgesellschaft", "zivilgesellschaft", False),
    ("Online-Beteiligung", "online", True),
]


def sector(slug: str = "zivilgesellschaft") -> Sector:
    for order, (name, known_slug, is_online) in enumerate(SECTORS, start=1):
        Sector.objects.get_or_create(
            slug=known_slug, defaults={"name": name, "is_online": is_online, "sort_order": order}
        )
    return Sector.objects.get(slug=slug)


class StatementFactory(factory.django.DjangoModelFactory):
    """A published Zielbild statement of stage 3 (the demo process's open consultation) in
    the first theme with a page, from civil society."""

    class Meta:
        model = Statement

    theme = factory.LazyFunction(lambda: (ThemePage.objects.first() or theme_page()).theme)
    kind = "zielbild"
    stage = 3
    sector = factory.LazyFunction(lambda: sector("zivilgesellschaft"))
    state = "published"
    text = factory.Sequence(
        lambda n: f"Aussage Nummer {n}: Dortmund hat 2030 genug Platz für alle."
    )


def statement(
    theme: Theme | None = None,
    *,
    text: str = "",
    source: str = "zivilgesellschaft",
    **fields,
) -> Statement:
    """A statement (StatementFactory), with its source sector named by slug."""
    if theme is not None:
        fields["theme"] = theme
    if text:
        fields["text"] = text
    return StatementFactory(sector=sector(source), **fields)


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment by a new account; the statement's comment count follows."""

    class Meta:
        model = Comment
        skip_postgeneration_save = True

    statement = factory.SubFactory(StatementFactory)
    author = factory.SubFactory(UserFactory)
    text = "Ein Kommentar."

    @factory.post_generation
    def recount(self, create, extracted, **kwargs):
        if create:
            recount_comments(self.statement_id)


def comment(statement: Statement, *, author=None, text: str = "Ein Kommentar.", **fields):
    if author is not None:
        fields["author"] = author
    return CommentFactory(statement=statement, text=text, **fields)


# --- The strategy model ---------------------------------------------------------------------


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Stadtziel {n + 1}")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    number = factory.Sequence(lambda n: str(60 + n))
    name = factory.Sequence(lambda n: f"Amt {60 + n}")


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Handlungsfeld {n + 1}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n + 1}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    field = factory.SubFactory(FieldOfActionFactory)
    name = factory.Sequence(lambda n: f"Projekt {n + 1}")


class KeyFigureFactory(factory.django.DjangoModelFactory):
    """A key figure that can be assessed: rising from 10 % (2020) to 30 % (2030)."""

    class Meta:
        model = KeyFigure

    field = factory.SubFactory(FieldOfActionFactory)
    name = factory.Sequence(lambda n: f"Kennzahl {n + 1}")
    unit = "%"
    direction = "up"
    baseline_value = 10
    baseline_date = datetime.date(2020, 1, 1)
    target_value = 30
    target_date = datetime.date(2030, 1, 1)


# --- Conferences ----------------------------------------------------------------------------


class ConferenceFactory(factory.django.DjangoModelFactory):
    """A conference of stage 4 in 20 days with its registration open, three World Café
    tables; `quotas={"politik": 2}` reserves seats per sector."""

    class Meta:
        model = Conference
        skip_postgeneration_save = True

    title = "Unser Dortmund – Wie wir es wollen"
    slug = factory.Sequence(lambda n: f"konferenz-{n + 1}")
    stage = 4
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    ends_at = factory.LazyAttribute(lambda c: c.starts_at + datetime.timedelta(hours=6))
    venue_name = "Rathaus"
    venue_address = "Friedensplatz 1\n44135 Dortmund"
    venue_accessibility = "Stufenloser Zugang."
    capacity = 3
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=5))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=15))
    contact_email = "konferenzteam@example.org"

    @factory.post_generation
    def quotas(self, create, extracted, **kwargs):
        for sector_slug, seats in (extracted or {}).items():
            SectorQuota.objects.create(conference=self, sector=sector_slug, seats=seats)

    @factory.post_generation
    def tables(self, create, extracted, **kwargs):
        titles = ("Mobilität", "Wohnen", "Arbeit") if extracted is None else extracted
        for order, title in enumerate(titles):
            CafeTable.objects.create(conference=self, title=title, seats=10, sort_order=order)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration with a seat, from a citizen without an account."""

    class Meta:
        model = Registration

    conference = factory.SubFactory(ConferenceFactory)
    name = factory.Sequence(lambda n: f"Person {n + 1}")
    email = factory.Sequence(lambda n: f"anmeldung{n + 1}@example.org")
    sector = "buergerinnen"
    status = "confirmed"
    consented_at = factory.LazyFunction(timezone.now)
    link_sent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    seat_since = factory.LazyFunction(timezone.now)


def paper_version(number=1, *, state="draft", **fields):
    """A compiled version of the council paper without running the compilation (for access
    and decision tests)."""
    version = PaperVersion(
        number=number,
        title=f"Ratsvorlage {number}",
        paper_number="12345-26",
        proposed_resolution="Der Rat beschließt.",
        state=state,
        created_at=timezone.now(),
        content={"paper": {}},
        sha256="a" * 64,
        html=f"<article><h1>Ratsvorlage {number}</h1></article>",
        published_at=timezone.now() if state == "published" else None,
        **fields,
    )
    version.pdf.save(f"v{number}.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    version.docx.save(f"v{number}.docx", ContentFile(b"PK docx"), save=False)
    version.save()
    return version
