"""Many people click their confirmation link at the same moment: never more seats than there
are, nobody lost, nobody twice. Needs PostgreSQL (row locks across connections)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from konferenzen.models import Registration, RegistrationStatus
from konferenzen.registrations import cancel, confirm
from tests import services

from .conftest import make_conference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# PostgreSQL's default allows 100 connections; 40 at a time keep well below it while every
# one of them contends for the same conference row.
CONNECTIONS = 40


def pending_registrations(conference, count: int, sector="buergerinnen") -> list[Registration]:
    now = timezone.now()
    return Registration.objects.bulk_create(
        [
            Registration(
                conference=conference,
                name=f"Person {number}",
                email=f"person-{number}@example.org",
                sector=sector,
                consented_at=now,
                link_sent_at=now,
            )
            for number in range(count)
        ]
    )


def confirm_all_at_once(registrations) -> list[Exception]:
    errors = []
    barrier = threading.Barrier(CONNECTIONS)

    def click(registration, wait):
        try:
            if wait:
                barrier.wait(timeout=30)
            confirm(registration_id=registration.pk, secret=registration.secret)
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
        for index, registration in enumerate(registrations):
            pool.submit(click, registration, index < CONNECTIONS)
    return errors


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL): SQLite has no row locks")


def test_200_parallel_confirmations_for_50_seats_fill_exactly_50(postgresql, process):
    conference = make_conference(capacity=50, tables=())
    registrations = pending_registrations(conference, 200)

    assert confirm_all_at_once(registrations) == []

    statuses = list(Registration.objects.values_list("status", flat=True))
    assert len(statuses) == 200
    assert statuses.count(RegistrationStatus.CONFIRMED) == 50
    assert statuses.count(RegistrationStatus.WAITING) == 150
    # The waiting list's order is the order of confirmation, without ties left to chance.
    waiting = list(
        Registration.objects.filter(status=RegistrationStatus.WAITING)
        .order_by("confirmed_at", "pk")
        .values_list("confirmed_at", flat=True)
    )
    assert waiting == sorted(waiting)


def test_parallel_confirmations_respect_a_sector_quota(postgresql, process):
    conference = make_conference(capacity=50, quotas={"politik": 10}, tables=())
    registrations = pending_registrations(conference, 60, sector="politik")

    assert confirm_all_at_once(registrations) == []

    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 10
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 50


def test_parallel_cancellations_promote_each_waiting_person_once(postgresql, process):
    conference = make_conference(capacity=20, tables=())
    registrations = pending_registrations(conference, 40)
    for registration in registrations:
        confirm(registration_id=registration.pk, secret=registration.secret)
    seated = list(Registration.objects.filter(status=RegistrationStatus.CONFIRMED)[:10])
    errors = []

    def give_back(registration):
        try:
            cancel(registration=registration, now=timezone.now() + timedelta(seconds=1))
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=give_back, args=(r,)) for r in seated]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 20
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 10
    assert Registration.objects.filter(status=RegistrationStatus.CANCELLED).count() == 10
