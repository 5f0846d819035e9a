"""A small but complete site for the access tests: one of everything a URL can point at,
and one account per role, built once per module.

Everything belongs to someone: the citizen Erika owns a comment, a proposal, a conference
registration and notification settings; the other objects belong to somebody else, so that
the object-level tests can ask whether one person reaches another's things.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from accounts import roles
from auswertung.models import ThemeAnalysis
from cms.models import ContentPage, EasyLanguagePage, FooterSettings, StagePage
from cms.models.results import StageResults
from cms.translation import translate_page
from konferenzen.models import ConferencePage
from outbox.models import Mail
from participation.models import NotificationSettings, Proposal
from ratsvorlage.models import CouncilDecision
from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project
from tests import factories
from tests.accounts.conftest import register
from tests.konferenzen.conftest import make_conference
from umsetzung.models import KeyFigureValue, Measure, Milestone, OfficeMembership, ProjectReport
from zielbilder.models import CatalogueAgreement, ConsolidatedZielbild, InputOutcome

ROLES = [
    "visitor",
    "unverified",
    "citizen",
    "moderator",
    "editor",
    "conference_team",
    "strategy_team",
    "council",
    "office",
    "superuser",
]
ROLE_GROUPS = {
    "moderator": roles.MODERATORS,
    "editor": roles.EDITORS,
    "conference_team": roles.CONFERENCE_TEAM,
    "strategy_team": roles.STRATEGY_TEAM,
    "council": roles.COUNCIL,
    "office": roles.OFFICE_STAFF,
}


@dataclass
class SecuritySite:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as error:
            raise AttributeError(name) from error


def build() -> SecuritySite:  # noqa: PLR0915 – one of everything, in one place
    site = SecuritySite()
    o = site.objects
    today = timezone.localdate()
    now = timezone.now()

    # People: one per role, and Erika's neighbour whose things nobody else may touch.
    site.users["visitor"] = None
    site.users["unverified"] = factories.UserFactory(display_name="Unbestätigt", verified=False)
    site.users["citizen"] = factories.UserFactory(display_name="Erika Beispiel")
    for role, group in ROLE_GROUPS.items():
        site.users[role] = factories.UserFactory(display_name=f"Rolle {role}", roles=[group])
    site.users["superuser"] = factories.UserFactory(
        display_name="Administration", is_superuser=True, is_staff=True
    )
    o["neighbour"] = factories.UserFactory(display_name="Nachbar Nils")
    # Wagtail makes a user's profile row on their first request that shows its chrome; made
    # here, so that the POST sweep counts no write against whoever sent that request.
    for user in [*site.users.values(), o["neighbour"]]:
        if user:
            UserProfile.get_for_user(user)

    # Pages: the process, a theme, a conference page, a content page, Leichte Sprache, and
    # a draft.
    process = factories.process_with_stages(today=today, running=3)
    o["process"] = process
    o["home"] = factories.home_page()
    o["stage"] = StagePage.objects.get(locale__language_code="de", number=3)
    o["theme_page"] = factories.theme_page("Mobilität")
    o["theme"] = o["theme_page"].theme
    o["content_page"] = factories.publish(
        o["home"], ContentPage(title="Impressum", slug="impressum")
    )
    # wagtail-localize's records: the imprint translated into English, as an editor does.
    translate_page(o["content_page"], [("Impressum", "Legal notice")])
    o["translation"] = Translation.objects.get(source__object_id=o["content_page"].translation_key)
    o["string_segment"] = StringSegment.objects.filter(source=o["translation"].source).first()
    o["easy_page"] = factories.publish(
        o["home"], EasyLanguagePage(title="Leichte Sprache", slug="leichte-sprache", body=[])
    )
    draft = ContentPage(title="Geheimer Entwurf", slug="entwurf", live=False)
    o["home"].add_child(instance=draft)
    draft.save_revision()
    o["draft_page"] = draft
    o["page_revision"] = draft.latest_revision

    # Participation: a statement with Erika's and Nils's comments, proposals of both.
    statement = factories.statement(o["theme"], text="Dortmund hat 2030 Busse im Takt.")
    o["statement"] = statement
    o["withdrawn_statement"] = factories.statement(o["theme"], state="withdrawn")
    o["draft_statement"] = factories.statement(o["theme"], state="draft")
    o["own_comment"] = factories.comment(statement, author=site.users["citizen"], text="Ja!")
    o["others_comment"] = factories.comment(statement, author=o["neighbour"], text="Nein.")
    o["own_proposal"] = Proposal.objects.create(
        theme=o["theme"],
        kind="zielbild",
        stage=3,
        text="Jede Haltestelle in Dortmund ist 2030 barrierefrei erreichbar, ohne Ausnahme.",
        author=site.users["citizen"],
    )
    o["others_proposal"] = Proposal.objects.create(
        theme=o["theme"],
        kind="zielbild",
        stage=3,
        text="Dortmund hat 2030 in jedem Stadtbezirk einen Park, der nachts beleuchtet ist.",
        author=o["neighbour"],
    )
    NotificationSettings.objects.create(user=o["neighbour"], replies=True)

    # Conferences: one open with a page, Erika's and Nils's registrations.
    conference = make_conference(capacity=5)
    o["conference"] = conference
    o["conference_page"] = factories.publish(
        StagePage.objects.get(locale__language_code="de", number=4),
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    o["own_registration"] = register(
        conference, site.users["citizen"].email, user=site.users["citizen"]
    )
    o["others_registration"] = register(
        conference, o["neighbour"].email, user=o["neighbour"], name="Nils Nachbar"
    )

    # The strategy model, the offices and their reports.
    goal = Goal.objects.create(number=1, name="Dortmund wird einfacher")
    o["goal"] = goal
    o["field"] = FieldOfAction.objects.create(goal=goal, name="Verkehrswende", slug="verkehr")
    o["other_field"] = FieldOfAction.objects.create(goal=goal, name="Wohnen", slug="wohnen")
    o["office_61"] = Office.objects.create(number=61, name="Stadtplanungs- und Bauordnungsamt")
    o["office_64"] = Office.objects.create(number=64, name="Wohnungsamt")
    o["participation"] = Participation.objects.create(
        office=o["office_61"], field=o["field"], role="F"
    )
    Participation.objects.create(office=o["office_64"], field=o["other_field"], role="F")
    o["membership"] = OfficeMembership.objects.create(
        user=site.users["office"], office=o["office_61"]
    )
    o["key_figure"] = KeyFigure.objects.create(
        field=o["field"],
        name="Anteil des Radverkehrs",
        unit="%",
        direction="up",
        baseline_value=10,
        baseline_date=datetime.date(2020, 1, 1),
        target_value=30,
        target_date=datetime.date(2030, 1, 1),
    )
    o["other_key_figure"] = KeyFigure.objects.create(
        field=o["other_field"], name="Neue Wohnungen", unit="Anzahl"
    )
    o["project"] = Project.objects.create(field=o["field"], name="Radwall", strategic=True)
    o["other_project"] = Project.objects.create(
        field=o["other_field"], name="Wohnen am Hafen", strategic=True
    )
    o["key_figure_value"] = KeyFigureValue.objects.create(
        key_figure=o["key_figure"],
        date=today - datetime.timedelta(days=10),
        value=12,
        office=o["office_61"],
        reported_by=site.users["office"],
    )
    o["project_report"] = ProjectReport.objects.create(
        project=o["project"],
        office=o["office_61"],
        state="running",
        progress=10,
        reported_by=site.users["office"],
    )
    o["milestone"] = Milestone.objects.create(
        project=o["project"], title="Planung", due=today + datetime.timedelta(days=30)
    )
    o["measure"] = Measure.objects.create(title="Radwege bauen", office=o["office_61"])

    # Consolidation: a published and a draft Zielbild, an outcome, an analysis.
    zielbild = ConsolidatedZielbild(theme=o["theme"], text="Alle kommen gut an.")
    zielbild.save()
    zielbild.save_revision().publish()
    o["zielbild"] = zielbild
    o["draft_zielbild"] = ConsolidatedZielbild.objects.create(
        theme=o["theme"], text="Entwurf eines Zielbilds.", live=False
    )
    o["outcome"] = InputOutcome.objects.create(
        statement=statement, zielbild=zielbild, kind="taken_up", decided_by=site.users["superuser"]
    )
    o["analysis"] = ThemeAnalysis.objects.create(theme=o["theme"])
    past_conference = make_conference(
        slug="wie-wir-es-sehen-2",
        stage=4,
        starts_at=now - datetime.timedelta(days=5),
        ends_at=now - datetime.timedelta(days=5) + datetime.timedelta(hours=6),
        registration_opens=now - datetime.timedelta(days=40),
        registration_closes=now - datetime.timedelta(days=6),
    )
    o["agreement"] = CatalogueAgreement.objects.create(
        conference=past_conference, agreed_on=today - datetime.timedelta(days=1)
    )

    # The council paper: a published version with a decision, and a draft.
    o["published_version"] = factories.paper_version(1, state="published")
    o["draft_version"] = factories.paper_version(2, state="draft")
    o["decision"] = CouncilDecision.objects.create(
        version=o["published_version"],
        meeting_date=today - datetime.timedelta(days=2),
        outcome="postponed",
    )

    # Stage results, an image, a document, a mail in the outbox.
    o["stage_results"] = StageResults.objects.create(
        stage=StagePage.objects.get(locale__language_code="de", number=1)
    )
    o["stage_results"].save_revision()
    o["collection"] = Collection.get_first_root_node()
    o["image"] = get_image_model().objects.create(
        title="Bild", file=ContentFile(png(), name="bild.png"), width=2, height=2
    )
    o["document"] = get_document_model().objects.create(
        title="Dokument", file=ContentFile(b"%PDF-1.7", name="dokument.pdf")
    )
    o["mail"] = Mail.objects.create(
        to="nils@example.org", from_email="info@example.org", subject="Hallo", text="Text"
    )
    o["group"] = Group.objects.get(name=roles.EDITORS)
    o["wagtail_site"] = Site.objects.get(is_default_site=True)
    # The footer's settings row, which the first page shown would otherwise create (a write
    # the POST sweep would count against whoever sent that request).
    o["footer_settings"] = FooterSettings.for_site(o["wagtail_site"])
    o["root_page"] = Page.get_first_root_node()
    return site


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()
