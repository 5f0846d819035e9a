"""The World Café seating (konferenzen.worldcafe): what it must never do, what it tries hardest
to achieve, and what it reports when the room is too small.

Plain values in, plain values out: no database is touched.
"""

import itertools
import random
from collections import Counter
from fractions import Fraction

import pytest

from konferenzen.worldcafe import RANK_COST, Assignment, Person, Table, assign

SECTORS = ("politik", "institutionen", "zivilgesellschaft", "buergerinnen")


def random_people(rng, count, table_ids, *, rounds=(1, 2), first_id=1):
    return [
        Person(
            id=first_id + index,
            sector=rng.choice(SECTORS),
            preferences={
                round_number: tuple(rng.sample(table_ids, rng.randint(0, min(3, len(table_ids)))))
                for round_number in rounds
            },
        )
        for index in range(count)
    ]


def assert_hard_constraints(assignment, people, tables, rounds=2):
    """What the seating must never break, whatever the wishes."""
    seats = {table.id: table.seats for table in tables}
    everyone = {person.id for person in people}
    assert set(assignment.seats) == set(assignment.unseated) == set(range(1, rounds + 1))
    for round_number in range(1, rounds + 1):
        seated = assignment.seats[round_number]
        unseated = assignment.unseated[round_number]
        # Each person exactly once: either at one table or on the list of the unseated.
        assert len(unseated) == len(set(unseated))
        assert set(seated).isdisjoint(unseated)
        assert set(seated) | set(unseated) == everyone
        assert set(seated.values()) <= set(seats)
        for table_id, count in Counter(seated.values()).items():
            assert count <= seats[table_id], f"table {table_id} overbooked in {round_number}"
    if len(tables) >= 2:
        for person_id, table_id in assignment.seats[1].items():
            assert assignment.seats.get(2, {}).get(person_id) != table_id


def shares(people, tables):
    """Each table's seat-proportional share of every sector and of the people, the reference
    the balance is measured against (with at least as many seats as people)."""
    total_seats = sum(table.seats for table in tables)
    sizes = Counter(person.sector for person in people)
    sector_share = {
        (table.id, sector): Fraction(sizes[sector] * table.seats, total_seats)
        for table in tables
        for sector in SECTORS
    }
    load_share = {table.id: Fraction(len(people) * table.seats, total_seats) for table in tables}
    return sector_share, load_share


# --- Hard constraints ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(15))
def test_hard_constraints_hold_on_random_conferences(seed):
    """Seats are never exceeded, everyone is seated once per round or reported, and nobody
    returns to their round-1 table — also when there are fewer seats than people."""
    rng = random.Random(seed)
    tables = [Table(id=10 + index, seats=rng.randint(0, 12)) for index in range(rng.randint(2, 7))]
    people = random_people(rng, rng.randint(1, 60), [table.id for table in tables])

    assignment = assign(people, tables, seed=seed)

    assert_hard_constraints(assignment, people, tables)


def test_a_single_table_seats_everyone_in_both_rounds():
    """With one table there is nowhere else to go, so returning to it is allowed."""
    tables = [Table(id=1, seats=5)]
    people = [Person(id=index, sector="politik", preferences={}) for index in range(5)]

    assignment = assign(people, tables)

    assert assignment.seats == {1: dict.fromkeys(range(5), 1), 2: dict.fromkeys(range(5), 1)}
    assert assignment.unseated == {1: (), 2: ()}


def test_three_rounds_never_repeat_a_table_while_another_is_left():
    rng = random.Random(3)
    tables = [Table(id=index, seats=10) for index in range(4)]
    people = random_people(rng, 36, [0, 1, 2, 3], rounds=(1, 2, 3))

    assignment = assign(people, tables, rounds=3)

    assert_hard_constraints(assignment, people, tables, rounds=3)
    for person in people:
        visited = [assignment.seats[round_number][person.id] for round_number in (1, 2, 3)]
        assert len(set(visited)) == 3


# --- Preferences ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_everyone_gets_their_first_choice_when_a_seating_allows_it(seed):
    """Built backwards: plan a seating of both rounds first, then give everyone the planned
    table as first wish and two random others; the planned quality must be found again."""
    rng = random.Random(seed)
    tables = [Table(id=100 + index, seats=rng.randint(3, 15)) for index in range(rng.randint(2, 8))]
    table_ids = [table.id for table in tables]
    round_one, round_two = plan_two_rounds(rng, tables)
    people = []
    for index, planned in enumerate(zip(round_one, round_two, strict=True)):
        wishes = {}
        for round_number, table_id in enumerate(planned, start=1):
            others = rng.sample([other for other in table_ids if other != table_id], 2)
            wishes[round_number] = (table_id, *others[: rng.randint(0, 2)])
        people.append(Person(id=index, sector=rng.choice(SECTORS), preferences=wishes))

    assignment = assign(people, tables, seed=seed)

    assert_hard_constraints(assignment, people, tables)
    assert assignment.first_choices(people) == {1: len(people), 2: len(people)}


def plan_two_rounds(rng, tables):
    """Random seatings for both rounds in which nobody keeps their table, found by trying."""
    seats = [table.id for table in tables for _ in range(table.seats)]
    for _ in range(10_000):
        round_one = rng.sample(seats, rng.randint(len(seats) // 2, len(seats)))
        free = Counter(seats)
        round_two = []
        for previous in round_one:
            options = [table_id for table_id, left in free.items() if left and table_id != previous]
            if not options:
                break
            round_two.append(rng.choice(options))
            free[round_two[-1]] -= 1
        else:
            return round_one, round_two
    raise AssertionError("no two-round seating found for the test data")


def test_those_who_miss_an_oversubscribed_table_get_their_second_choice():
    """Eight want table 1 with five seats; the three who miss it get their second wish,
    table 2, which has room, not a table they did not ask for."""
    tables = [Table(id=1, seats=5), Table(id=2, seats=10), Table(id=3, seats=10)]
    people = [
        Person(id=index, sector=SECTORS[index % 4], preferences={1: (1, 2, 3)})
        for index in range(8)
    ]

    assignment = assign(people, tables, rounds=1)

    assert Counter(assignment.choice_rank(person, 1) for person in people) == {1: 5, 2: 3}
    assert Counter(assignment.seats[1].values()) == {1: 5, 2: 3}


def test_who_had_their_favourite_in_round_one_gets_their_second_wish_in_round_two():
    """The same wishes in both rounds: the round-1 table is closed to them in round 2, so the
    next wish takes its place."""
    tables = [Table(id=1, seats=4), Table(id=2, seats=4), Table(id=3, seats=4)]
    people = [
        Person(id=index, sector="buergerinnen", preferences={1: (1, 2, 3), 2: (1, 2, 3)})
        for index in range(4)
    ]

    assignment = assign(people, tables)

    assert set(assignment.seats[1].values()) == {1}
    assert set(assignment.seats[2].values()) == {2}
    assert assignment.summary(people)[2]["second"] == 4


def test_wishes_for_unknown_tables_are_ignored_and_keep_their_rank():
    """A wish for a table that was removed cannot be granted; the next wish stays the second."""
    tables = [Table(id=1, seats=2), Table(id=2, seats=2)]
    person = Person(id=7, sector="politik", preferences={1: (99, 2)})

    assignment = assign([person], tables, rounds=1)

    assert assignment.seats[1] == {7: 2}
    assert assignment.choice_rank(person, 1) == 2


@pytest.mark.parametrize("seed", range(25))
def test_the_preference_cost_is_the_least_possible_on_small_conferences(seed):
    """Checked against trying every seating: nothing better for the wishes exists."""
    rng = random.Random(seed)
    tables = [Table(id=index, seats=rng.randint(1, 4)) for index in range(rng.randint(2, 4))]
    total_seats = sum(table.seats for table in tables)
    people = random_people(rng, min(rng.randint(2, 7), total_seats), [0, 1, 2, 3], rounds=(1,))

    def cost(seating):
        return sum(
            RANK_COST[
                person.preferences[1].index(table) + 1 if table in person.preferences[1] else None
            ]
            for person, table in zip(people, seating, strict=True)
        )

    best = min(
        cost(seating)
        for seating in itertools.product([table.id for table in tables], repeat=len(people))
        if all(seating.count(table.id) <= table.seats for table in tables)
    )
    assignment = assign(people, tables, rounds=1, seed=seed)

    assert assignment.unseated[1] == ()
    assert cost([assignment.seats[1][person.id] for person in people]) == best


# --- Sector balance ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_without_wishes_every_table_is_within_one_of_its_share(seed):
    """With no wishes, each sector's count at each table, and each table's number of people,
    differ from the seat-proportional share by less than one, in both rounds. Guaranteed for
    round 1 and, with tables of equal size, for round 2 (passing every table's people on to
    the next table is such a seating, and the balance is minimised exactly)."""
    rng = random.Random(seed)
    tables = [Table(id=index, seats=16) for index in range(rng.randint(2, 9))]
    weights = [rng.random() for _ in SECTORS]
    people = [
        Person(id=index, sector=rng.choices(SECTORS, weights)[0], preferences={})
        for index in range(rng.randint(len(tables), 16 * len(tables)))
    ]
    sector_share, load_share = shares(people, tables)

    assignment = assign(people, tables, seed=seed)

    assert_hard_constraints(assignment, people, tables)
    for round_number in (1, 2):
        assert assignment.unseated[round_number] == ()
        seated = assignment.seats[round_number]
        counts = Counter((seated[person.id], person.sector) for person in people)
        loads = Counter(seated.values())
        for key, share in sector_share.items():
            assert abs(counts[key] - share) < 1, (round_number, key, counts[key], share)
        for table_id, share in load_share.items():
            assert abs(loads[table_id] - share) < 1, (round_number, table_id)


def test_tables_of_different_sizes_fill_in_proportion_without_wishes():
    """Round 1 keeps the same bound when the tables differ in size."""
    tables = [Table(id=1, seats=8), Table(id=2, seats=12), Table(id=3, seats=20)]
    rng = random.Random(4)
    people = [Person(id=index, sector=rng.choice(SECTORS), preferences={}) for index in range(30)]
    sector_share, load_share = shares(people, tables)

    seated = assign(people, tables).seats[1]

    counts = Counter((seated[person.id], person.sector) for person in people)
    loads = Counter(seated.values())
    assert all(abs(counts[key] - share) < 1 for key, share in sector_share.items())
    assert all(abs(loads[table_id] - share) < 1 for table_id, share in load_share.items())


@pytest.mark.parametrize("seed", range(20))
def test_small_unequal_tables_stay_within_one_of_their_share(seed):
    """An instance where minimising the squared distances alone leaves a count more than one
    away from its share (found by search); staying within one comes first, so it holds."""
    tables = [Table(id=index, seats=seats) for index, seats in enumerate((7, 2, 5, 5, 2))]
    sector_of = dict(zip("abcd", SECTORS, strict=True))
    people = [
        Person(id=index, sector=sector_of[letter], preferences={})
        for index, letter in enumerate("cddabdacbbc")
    ]
    sector_share, load_share = shares(people, tables)

    seated = assign(people, tables, rounds=1, seed=seed).seats[1]

    counts = Counter((seated[person.id], person.sector) for person in people)
    loads = Counter(seated.values())
    assert all(abs(counts[key] - share) < 1 for key, share in sector_share.items())
    assert all(abs(loads[table_id] - share) < 1 for table_id, share in load_share.items())


def test_balance_never_costs_anyone_a_wish():
    """All politicians want table 1 and all citizens table 2; the mix gives way to the wishes."""
    tables = [Table(id=1, seats=10), Table(id=2, seats=10)]
    people = [Person(id=index, sector="politik", preferences={1: (1,)}) for index in range(6)] + [
        Person(id=index, sector="buergerinnen", preferences={1: (2,)}) for index in range(6, 12)
    ]

    assignment = assign(people, tables, rounds=1)

    assert assignment.first_choices(people) == {1: 12}


# --- Too few seats --------------------------------------------------------------------------


def test_too_few_seats_reports_the_unseated_and_seats_everyone_else():
    tables = [Table(id=1, seats=4), Table(id=2, seats=3)]
    rng = random.Random(8)
    people = random_people(rng, 10, [1, 2])

    assignment = assign(people, tables)

    assert_hard_constraints(assignment, people, tables)
    for round_number in (1, 2):
        assert len(assignment.seats[round_number]) == 7
        assert len(assignment.unseated[round_number]) == 3


def test_who_missed_a_seat_in_round_one_has_one_in_round_two():
    """Whoever is left out once goes first next time, so nobody is left out twice while
    others sit both rounds."""
    tables = [Table(id=1, seats=5), Table(id=2, seats=5), Table(id=3, seats=5)]
    rng = random.Random(9)
    people = random_people(rng, 18, [1, 2, 3])

    assignment = assign(people, tables, seed=2)

    assert len(assignment.unseated[1]) == 3
    assert set(assignment.unseated[1]) <= set(assignment.seats[2])


def test_a_table_with_most_of_the_seats_does_not_strand_people_in_round_two():
    """Everyone wants the big table. Filling it in round 1 would leave its twelve people only
    the eight seats of the small one in round 2; round 1 holds it back so both rounds seat
    everyone."""
    tables = [Table(id=1, seats=12), Table(id=2, seats=8)]
    people = [
        Person(id=index, sector=SECTORS[index % 4], preferences={1: (1,), 2: (1,)})
        for index in range(16)
    ]

    assignment = assign(people, tables)

    assert assignment.unseated == {1: (), 2: ()}
    assert_hard_constraints(assignment, people, tables)


def test_no_tables_leaves_everyone_unseated():
    people = [Person(id=1, sector="politik", preferences={1: (3,)})]

    assignment = assign(people, [])

    assert assignment.seats == {1: {}, 2: {}}
    assert assignment.unseated == {1: (1,), 2: (1,)}


# --- Reproducibility and reporting ----------------------------------------------------------


def test_the_same_input_and_seed_give_the_same_seating():
    rng = random.Random(12)
    tables = [Table(id=index, seats=9) for index in range(6)]
    people = random_people(rng, 60, list(range(6)))

    first = assign(people, tables, seed=5)
    again = assign(list(people), list(tables), seed=5)

    assert first == again
    assert [list(seated) for seated in first.seats.values()] == [
        list(seated) for seated in again.seats.values()
    ]


def test_the_summary_counts_add_up_to_the_number_of_people():
    rng = random.Random(13)
    tables = [Table(id=index, seats=7) for index in range(5)]
    people = random_people(rng, 40, list(range(5)))

    assignment = assign(people, tables, seed=1)
    summary = assignment.summary(people)

    assert set(summary) == {1, 2}
    for round_number, counts in summary.items():
        assert set(counts) == {"first", "second", "third", "other", "unseated"}
        assert sum(counts.values()) == len(people)
        assert counts["unseated"] == len(assignment.unseated[round_number]) == 5
    assert assignment.first_choices(people) == {
        round_number: counts["first"] for round_number, counts in summary.items()
    }


def test_choice_rank_names_the_wish_that_was_granted():
    person = Person(id=1, sector="politik", preferences={1: (4, 5, 6)})
    assignment = Assignment(seats={1: {1: 5}, 2: {1: 9}}, unseated={1: (), 2: ()})

    assert assignment.choice_rank(person, 1) == 2
    assert assignment.choice_rank(person, 2) is None
    assert assignment.choice_rank(person, 3) is None


# --- Input that cannot be right ---------------------------------------------------------------


def test_more_than_three_wishes_are_refused():
    with pytest.raises(ValueError, match="at most 3"):
        Person(id=1, sector="politik", preferences={1: (1, 2, 3, 4)})


def test_duplicate_ids_and_negative_seats_are_refused():
    person = Person(id=1, sector="politik", preferences={})
    with pytest.raises(ValueError, match="person id 1"):
        assign([person, person], [Table(id=1, seats=3)])
    with pytest.raises(ValueError, match="table id 1"):
        assign([person], [Table(id=1, seats=3), Table(id=1, seats=2)])
    with pytest.raises(ValueError, match="negative"):
        Table(id=1, seats=-1)


# --- Size ---------------------------------------------------------------------------------------


def test_a_conference_of_six_hundred_at_twelve_tables():
    """The size of a large city conference; it must finish (quickly, see the module) and keep
    every hard constraint."""
    rng = random.Random(600)
    tables = [Table(id=index, seats=50) for index in range(1, 13)]
    people = random_people(rng, 600, [table.id for table in tables])

    assignment = assign(people, tables, seed=600)

    assert_hard_constraints(assignment, people, tables)
    assert assignment.unseated == {1: (), 2: ()}
