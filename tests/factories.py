"""Building blocks for tests: a site with the process and its stages, themes, accounts."""

import datetime
import itertools

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from accounts.models import User
from cms.models import HomePage, ProcessPage, StagePage
from cms.stages import StageKind
from participation.models import Theme, ThemeIndexPage, ThemePage

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


def process_with_stages(*, today: datetime.date, running: int = 3) -> ProcessPage:
    """Six stages, back to back, with stage `running` running on `today`."""
    home = home_page()
    process = publish(
        home, ProcessPage(title="Stadtgespräch", slug="stadtgespraech", show_in_menus=True)
    )
    kinds = {
        1: StageKind.WORKSHOPS,
        2: StageKind.CONFERENCE,
        3: StageKind.WORKSHOPS,
        4: StageKind.CONFERENCE,
        5: StageKind.COUNCIL_DECISION,
        6: StageKind.IMPLEMENTATION,
    }
    for number in range(1, 7):
        offset = (number - running) * 30
        publish(
            process,
            StagePage(
                title=f"Stufe Nummer {number}",
                slug=f"stufe-{number}",
                number=number,
                kind=kinds[number],
                short_description=f"Kurzbeschreibung der Stufe {number}.",
                start_date=today + datetime.timedelta(days=offset - 14),
                end_date=today + datetime.timedelta(days=offset + 14),
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
