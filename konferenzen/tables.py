"""Seating the World Café: from the confirmed registrations and their wishes to TableSeat
rows, with the figures the team wants to see (how many got their first choice)."""

from django.db import transaction

from . import worldcafe
from .models import Conference, Registration, RegistrationStatus, TableSeat
from .models.conferences import CAFE_ROUNDS


def assign_tables(conference: Conference) -> dict:
    """Seat everyone with a confirmed seat, replacing an earlier seating of this conference.

    Returns per round how many got their first, second, third or no wish, and how many could
    not be seated (then the tables have too few seats for the people confirmed).
    """
    registrations = list(
        Registration.objects.filter(conference=conference, status=RegistrationStatus.CONFIRMED)
        .prefetch_related("preferences")
        .order_by("pk")
    )
    people = [
        worldcafe.Person(
            id=registration.pk,
            sector=registration.sector,
            preferences={
                round_number: tuple(
                    p.table_id
                    for p in sorted(registration.preferences.all(), key=lambda p: p.rank)
                    if p.round == round_number
                )
                for round_number in CAFE_ROUNDS
            },
        )
        for registration in registrations
    ]
    tables = [worldcafe.Table(id=t.pk, seats=t.seats) for t in conference.tables.all()]
    if not tables:
        return {}
    # The conference's number as the seed: the same data always gives the same seating.
    result = worldcafe.assign(people, tables, rounds=len(CAFE_ROUNDS), seed=conference.pk)
    by_id = {person.id: person for person in people}
    with transaction.atomic():
        TableSeat.objects.filter(table__conference=conference).delete()
        TableSeat.objects.bulk_create(
            TableSeat(
                registration_id=person_id,
                round=round_number,
                table_id=table_id,
                choice_rank=result.choice_rank(by_id[person_id], round_number),
            )
            for round_number, seats in result.seats.items()
            for person_id, table_id in seats.items()
        )
    return result.summary(people)
