"""A person who has used every part of the platform, for "download my data" and "delete my
account"."""

import datetime
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from konferenzen import registrations
from konferenzen.models import Registration
from participation.models import (
    Comment,
    Flag,
    Follow,
    NotificationSettings,
    Proposal,
    SentNotification,
    Statement,
    Vote,
)
from strategie.models import Office
from tests import factories
from tests.konferenzen.conftest import make_conference
from umsetzung.models import OfficeMembership

SECOND_ADDRESS = "zweite.adresse@example.org"
FOREIGN_ADDRESS = "nicht.bestaetigt@example.org"


@pytest.fixture
def moderator(db):
    return factories.UserFactory(display_name="Moderatorin", roles=["Moderation"])


@dataclass
class Everything:
    person: object
    other: object
    statement: Statement
    comment: Comment
    reply: Comment
    proposal: Proposal
    flag: Flag
    coming: Registration
    by_second_address: Registration
    past: Registration
    by_unconfirmed_address: Registration
    waiting: Registration
    conference: object
    past_conference: object


def register(conference, email: str, *, user=None, name="Erika Beispiel", confirm=True):
    registration = registrations.register(
        conference=conference,
        email=email,
        details={
            "name": name,
            "sector": "zivilgesellschaft",
            "organisation": "Verein Nordstadt",
            "needs_wheelchair": True,
            "dietary": "vegetarisch",
        },
        preferences={1: [conference.tables.first().pk]},
        user=user,
    )
    if confirm:
        registrations.confirm(registration_id=registration.pk, secret=registration.secret)
    registration.refresh_from_db()
    return registration


@pytest.fixture
def everything(process) -> Everything:
    """Erika comments, replies, votes, proposes, flags, follows, registers for a coming
    conference (seat) and with her second address for a past one; someone else registered
    with an address she added but never confirmed, and somebody waits for her seat."""
    person = factories.UserFactory(display_name="Erika Beispiel")
    EmailAddress.objects.create(user=person, email=SECOND_ADDRESS, verified=True)
    EmailAddress.objects.create(user=person, email=FOREIGN_ADDRESS, verified=False)
    other = factories.UserFactory(display_name="Nachbar Nils")

    statement = factories.statement(text="Dortmund hat 2030 Busse im Zehn-Minuten-Takt.")
    comment = factories.comment(statement, author=person, text="Auch in den Außenbezirken!")
    factories.comment(statement, author=other, text="Wie soll das gehen?")
    reply = factories.comment(statement, author=person, text="Mit mehr Bussen.", parent=comment)
    Vote.objects.create(user=person, statement=statement, choice="agree")
    Vote.objects.create(user=other, statement=statement, choice="disagree")
    proposal = Proposal.objects.create(
        theme=statement.theme,
        kind="zielbild",
        stage=3,
        text="Jede Haltestelle in Dortmund ist 2030 barrierefrei erreichbar, ohne Ausnahme.",
        author=person,
        state="rejected",
        decision_reason="Gibt es schon als Aussage.",
        decided_at=timezone.now(),
    )
    others_comment = Comment.objects.filter(author=other).first()
    flag = Flag.objects.create(user=person, comment=others_comment, reason="off_topic", note="?")
    Follow.objects.create(user=person, theme=statement.theme)
    Follow.objects.create(user=person, statement=statement)
    NotificationSettings.objects.create(user=person, replies=False)
    SentNotification.objects.create(user=person, key=f"reply:{others_comment.pk}")

    conference = make_conference(capacity=1)
    coming = register(conference, person.email, user=person)
    waiting = register(conference, "wartend@example.org", name="Walter Wartend")
    now = timezone.now()
    past_conference = make_conference(
        slug="wie-wir-es-sehen",
        title="Unser Dortmund – Wie wir es sehen",
        stage=2,
        capacity=10,
    )
    by_second_address = register(past_conference, SECOND_ADDRESS)
    by_unconfirmed_address = register(past_conference, FOREIGN_ADDRESS, name="Jemand Anderes")
    past = register(past_conference, person.email, user=person)
    # The conference is over now, its registrations not yet anonymised.
    past_conference.starts_at = now - datetime.timedelta(days=10)
    past_conference.ends_at = now - datetime.timedelta(days=10) + datetime.timedelta(hours=6)
    past_conference.registration_opens = now - datetime.timedelta(days=40)
    past_conference.registration_closes = now - datetime.timedelta(days=11)
    past_conference.save()

    office = Office.objects.create(number="61", name="Stadtplanungs- und Bauordnungsamt")
    OfficeMembership.objects.create(user=person, office=office)
    return Everything(
        person=person,
        other=other,
        statement=statement,
        comment=comment,
        reply=reply,
        proposal=proposal,
        flag=flag,
        coming=coming,
        by_second_address=by_second_address,
        past=past,
        by_unconfirmed_address=by_unconfirmed_address,
        waiting=waiting,
        conference=conference,
        past_conference=past_conference,
    )
