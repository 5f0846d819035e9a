"""Building blocks for tests: a site with the process and its stages, themes, accounts."""

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
from participation.models import (
    Comment,
    Sector,
    Statement,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from ratsvorlage.models import PaperVersion

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


def statement(
    theme: Theme | None = None,
    *,
    text: str = "",
    kind: str = "zielbild",
    stage: int = 3,
    source: str = "zivilgesellschaft",
    state: str = "published",
    **fields,
) -> Statement:
    if theme is None:
        theme = (ThemePage.objects.first() or theme_page()).theme
    number = next(_counter)
    return Statement.objects.create(
        theme=theme,
        kind=kind,
        stage=stage,
        sector=sector(source),
        state=state,
        text=text or f"Aussage Nummer {number}: Dortmund hat 2030 genug Platz für alle.",
        **fields,
    )


def comment(statement: Statement, *, author=None, text: str = "Ein Kommentar.", **fields):
    from participation.comments import recount_comments

    created = Comment.objects.create(
        statement=statement, author=author or UserFactory(), text=text, **fields
    )
    recount_comments(statement.pk)
    return created


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
