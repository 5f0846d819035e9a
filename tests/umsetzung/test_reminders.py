"""Offices whose key-figure values are due get a reminder; a month later the sponsoring
office (or the strategy team) hears of it. Each mail goes out once."""

import datetime

import pytest

from outbox.models import Mail
from strategie.models import Office
from tests import factories
from umsetzung import reminders, tasks
from umsetzung.models import KeyFigureValue, OfficeMembership, ReminderSent

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def office_member(strategy):  # noqa: F811
    user = factories.UserFactory(roles=["Fachämter"])
    OfficeMembership.objects.create(user=user, office=strategy["office"])
    return user


def test_a_due_value_reminds_the_reporting_office_once(strategy, office_member):  # noqa: F811
    figure = strategy["figure"]
    figure.reporting_interval = 12
    figure.save()
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2025, 11, 1), value=20)
    assert reminders.send_reminders(TODAY) == 1
    mail = Mail.objects.get(to=office_member.email)
    assert "Bitte melden: Anteil des Radverkehrs" in mail.subject
    assert f"/admin/berichte/kennzahl/{figure.pk}/" in mail.text
    assert reminders.send_reminders(TODAY) == 0  # the nightly job again: nothing twice
    assert Mail.objects.count() == 1


def test_a_value_not_yet_due_reminds_nobody(strategy, office_member):  # noqa: F811
    figure = strategy["figure"]
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2026, 6, 30), value=20)
    assert reminders.send_reminders(TODAY) == 0


def test_a_month_overdue_goes_to_the_sponsoring_office_or_the_strategy_team(
    strategy,  # noqa: F811
    office_member,
):
    figure = strategy["figure"]
    team = factories.UserFactory(roles=["Strategieteam"])
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2025, 9, 1), value=20)
    reminders.send_reminders(TODAY)  # due since 1 Sep 2026: escalated
    assert ReminderSent.objects.get().level == "escalated"
    assert Mail.objects.filter(to=team.email, subject__contains="Überfällig").exists()
    assert Mail.objects.filter(to=office_member.email).exists()

    sponsor = Office.objects.create(number=1, name="Verwaltungsvorstand")
    sponsor_person = factories.UserFactory(roles=["Fachämter"])
    OfficeMembership.objects.create(user=sponsor_person, office=sponsor)
    figure.field.sponsor_office = sponsor
    figure.field.save()
    ReminderSent.objects.all().delete()
    Mail.objects.all().delete()
    reminders.send_reminders(TODAY)
    assert Mail.objects.filter(to=sponsor_person.email).exists()
    assert not Mail.objects.filter(to=team.email).exists()


def test_the_beat_task_sends_the_reminders(strategy, office_member):  # noqa: F811
    KeyFigureValue.objects.create(
        key_figure=strategy["figure"], date=datetime.date(2020, 1, 1), value=10
    )
    # Long overdue: escalated; the field has no sponsoring office and there is no strategy
    # team in this test, so the office alone is told.
    assert tasks.send_key_figure_reminders() == 1
    assert Mail.objects.filter(to=office_member.email).count() == 1
