"""What the scheduler does for the conferences: expire, remind, anonymise – each once."""

import datetime

from django.utils import timezone

from konferenzen.models import Registration, RegistrationStatus, TablePreference, TableSeat
from konferenzen.registrations import (
    anonymise_past_conferences,
    seat_status,
    send_reminders,
)
from outbox.models import Mail

from .conftest import make_conference


def seated(conference, number: int, **fields) -> Registration:
    now = timezone.now()
    defaults = {
        "conference": conference,
        "name": f"Person {number}",
        "email": f"person-{number}@example.org",
        "sector": "buergerinnen",
        "consented_at": now,
        "link_sent_at": now,
        "confirmed_at": now,
        "seat_since": now,
        "status": RegistrationStatus.CONFIRMED,
    }
    return Registration.objects.create(**{**defaults, **fields})


def test_the_reminder_goes_out_three_days_before_once_with_the_tables(db):
    conference = make_conference(capacity=10)
    registration = seated(conference, 1)
    table = conference.tables.first()
    TableSeat.objects.create(registration=registration, round=1, table=table)
    waiting = seated(conference, 2, status=RegistrationStatus.WAITING, seat_since=None)
    four_days_before = conference.starts_at - datetime.timedelta(days=4)
    two_days_before = conference.starts_at - datetime.timedelta(days=2, hours=23)

    assert send_reminders(now=four_days_before) == 0
    assert send_reminders(now=two_days_before) == 1
    assert send_reminders(now=two_days_before) == 0

    reminders = Mail.objects.filter(subject__contains="Erinnerung")
    assert [m.to for m in reminders] == [registration.email]
    assert f"Runde 1: {table.title}" in reminders[0].text
    assert registration.checkin_code in reminders[0].text
    assert not Mail.objects.filter(to=waiting.email).exists()


def test_personal_data_is_erased_after_the_retention_period_and_the_numbers_stay(db):
    conference = make_conference(capacity=10)
    for number in range(3):
        registration = seated(
            conference, number, needs_wheelchair=True, dietary="vegan", organisation="Verein"
        )
        TablePreference.objects.create(
            registration=registration, round=1, rank=1, table=conference.tables.first()
        )
    just_before = conference.ends_at + datetime.timedelta(days=89)
    after = conference.ends_at + datetime.timedelta(days=91)

    assert anonymise_past_conferences(now=just_before) == 0
    assert anonymise_past_conferences(now=after) == 1
    assert anonymise_past_conferences(now=after) == 0

    people = list(Registration.objects.all())
    assert {p.name for p in people} == {"gelöschte Anmeldung"}
    assert not any(p.needs_wheelchair or p.dietary or p.organisation for p in people)
    assert not any("person-" in p.email for p in people)
    assert not TablePreference.objects.exists()
    assert seat_status(conference).taken == 3
    assert list(Registration.objects.values_list("sector", flat=True)) == ["buergerinnen"] * 3
