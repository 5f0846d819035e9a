"""Seating for the World Café: who sits at which theme table in which round.

Plain Python without Django, so the admin page, a management command and the tests can call it
with plain values, and so it can be reasoned about and timed without a database.

Each round is solved exactly as one min-cost flow (people → table/sector → table → sink) by
successive shortest paths, adding people one at a time in a seeded order. Because there are
only a few tables and sectors, the shortest path runs on a small graph of (table, sector)
nodes: moving someone already seated to make room is an arc between two of those nodes, its
cost the cheapest such move among the people sitting there. The cost is lexicographic:

1. seat as many people as possible (a shortest path is only refused when none exists);
2. then the preference cost of the round (RANK_COST), which no balance gain can outweigh;
3. then balance, measured against each table's share: its seats' part of the people, and of
   every sector. First, no count (people of a sector at a table, people at a table) may lie
   one or more away from its share, as far as the wishes allow. A rounding that keeps every
   count that close always exists when everyone fits, so without wishes round 1 reaches it
   (unless one table holds more than half the seats, see below), and so does round 2 with
   tables of equal size, where passing each table's people on to the next is one. Then the
   squared distances from the shares choose among those roundings. Filling tables in
   proportion to their seats is part of it, since the sector term alone would let small
   sectors pile up at one table. Every term is convex in its count, so the flow minimises
   all of it exactly and no local search is needed.

Round 2 forbids each person the table they had in round 1, and round 1 keeps a table that
holds more than half of all seats from taking more people than the other tables can absorb in
round 2, which would otherwise leave people without a seat there.
"""

import heapq
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_PREFERENCES = 3
# What a seat costs a person by the rank of the wish it fulfils (None: none of their wishes).
# Convex, so two people on their second wish beat one on the first and one on the third: a
# disappointment shared is preferred to one concentrated on a single person.
RANK_COST: dict[int | None, int] = {1: 0, 2: 1, 3: 3, None: 6}
SUMMARY_KEYS = {1: "first", 2: "second", 3: "third", None: "other"}


@dataclass(frozen=True)
class Person:
    """A confirmed participant as the seating sees them: nothing personal beyond the sector,
    which the tables should mix, and the wishes, which they should honour."""

    id: int
    sector: str
    # Round number -> table ids, best first. Ranks are the person's own: a wish for a table
    # that no longer exists still occupies its rank, so the next wish stays their second.
    preferences: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self):
        for round_number, wishes in self.preferences.items():
            if len(wishes) > MAX_PREFERENCES:
                # Refused rather than cut, as a cut would quietly drop what someone asked for.
                raise ValueError(
                    f"Person {self.id} has {len(wishes)} wishes in round {round_number}, "
                    f"at most {MAX_PREFERENCES} are possible."
                )


@dataclass(frozen=True)
class Table:
    """A theme table; only its capacity matters for the seating."""

    id: int
    seats: int

    def __post_init__(self):
        if self.seats < 0:
            raise ValueError(f"Table {self.id} has a negative number of seats.")


@dataclass(frozen=True)
class Assignment:
    """The result, kept as plain ids so it can be stored as TableSeat rows or shown as is."""

    seats: dict[int, dict[int, int]]
    # Reported, never dropped: the organisers must know whom to find a place for by hand.
    unseated: dict[int, tuple[int, ...]]

    def choice_rank(self, person: Person, round: int) -> int | None:
        """Which of their wishes the person got, so the admin page can show and store it."""
        table = self.seats.get(round, {}).get(person.id)
        if table is None:
            return None
        wishes = person.preferences.get(round, ())
        return wishes.index(table) + 1 if table in wishes else None

    def first_choices(self, people: Iterable[Person]) -> dict[int, int]:
        """The headline figure organisers look at first."""
        return {
            round_number: counts["first"] for round_number, counts in self.summary(people).items()
        }

    def summary(self, people: Iterable[Person]) -> dict[int, dict[str, int]]:
        """Per round, how many got which wish and how many have no seat; every person is
        counted exactly once per round, so the figures add up to the number of people."""
        people = list(people)
        result = {}
        for round_number in sorted(self.seats.keys() | self.unseated.keys()):
            counts = dict.fromkeys([*SUMMARY_KEYS.values(), "unseated"], 0)
            seated = self.seats.get(round_number, {})
            for person in people:
                if person.id in seated:
                    counts[SUMMARY_KEYS[self.choice_rank(person, round_number)]] += 1
                else:
                    counts["unseated"] += 1
            result[round_number] = counts
        return result


def assign(
    people: Sequence[Person], tables: Sequence[Table], rounds: int = 2, *, seed: int = 0
) -> Assignment:
    """Seat everyone once per round; see the module docstring for the priorities.

    The seed decides the order in which people are added, and with it who stays without a
    seat when there are too few, and which of several equally good seatings is chosen; the
    result is otherwise the same for the same input.
    """
    if rounds < 1:
        raise ValueError("There must be at least one round.")
    _refuse_duplicates("person", [person.id for person in people])
    _refuse_duplicates("table", [table.id for table in tables])

    order = list(people)
    random.Random(seed).shuffle(order)
    # Returning to a table defeats the point of a second round; with a single table it is
    # the only place there is.
    remembered_rounds = max(len(tables) - 1, 0)
    history: dict[int, list[int]] = {person.id: [] for person in people}
    seats: dict[int, dict[int, int]] = {}
    unseated: dict[int, tuple[int, ...]] = {}
    for round_number in range(1, rounds + 1):
        if round_number > 1:
            # Whoever missed a seat in the round before goes first, so the same people are
            # not left out twice.
            missed = set(unseated[round_number - 1])
            order = [p for p in order if p.id in missed] + [p for p in order if p.id not in missed]
        forbidden = {
            person.id: set(history[person.id][-remembered_rounds:]) if remembered_rounds else set()
            for person in order
        }
        capacities = [table.seats for table in tables]
        if round_number < rounds:
            _keep_next_round_seatable(capacities, len(people))
        seated, left_out = _Round(order, tables, capacities, round_number, forbidden).solve()
        for person_id, table_id in seated.items():
            history[person_id].append(table_id)
        seats[round_number] = seated
        unseated[round_number] = left_out
    return Assignment(seats=seats, unseated=unseated)


def _refuse_duplicates(kind: str, ids: list[int]) -> None:
    # A duplicate id would make one person take two seats or merge two tables' capacities.
    seen: set[int] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"The {kind} id {item} occurs twice.")
        seen.add(item)


def _keep_next_round_seatable(capacities: list[int], people: int) -> None:
    """Whoever sits at a table in this round needs a seat at another table in the next. Only
    a table with more than half of all seats can take more people than the others hold; it is
    capped there, but never so far that fewer people get a seat in this round. With two rounds
    and enough seats this guarantees a seat for everyone in both rounds whenever one exists.
    """
    total = sum(capacities)
    for index, seats in enumerate(capacities):
        elsewhere = total - seats
        if seats > elsewhere:
            needed_here = min(people, total) - elsewhere
            capacities[index] = min(seats, max(elsewhere, needed_here))


class _Round:
    """One round's min-cost flow, solved by successive shortest paths with potentials.

    Nodes: G(t, s) for each table and sector, T(t) for each table, and the sink. Arcs: the new
    person to G(t, their sector) at their preference cost; G(t, s) -> T(t) at the balance cost
    of one more person of sector s at t (and back, refunding it, while someone of s sits
    there); G(a, s) -> G(b, s) at the cheapest preference change of someone of sector s moving
    from a to b; T(t) -> sink at the balance cost of one more person at t, while t has a free
    seat. Holding costs per node pair rather than per person keeps each search to about sixty
    nodes, whatever the number of people. Every balance cost is convex in the count, which is
    what lets successive shortest paths use the k-th unit's cost as the arc's cost.
    """

    def __init__(self, order, tables, capacities, round_number, forbidden):
        self.people = order
        self.tables = len(tables)
        self.capacity = capacities
        sectors = sorted({person.sector for person in order})
        self.sectors = len(sectors)
        sector_index = {sector: index for index, sector in enumerate(sectors)}
        self.sector = [sector_index[person.sector] for person in order]

        people = len(order)
        total_seats = sum(table.seats for table in tables)
        fillable = min(people, total_seats)
        sector_sizes = [0] * self.sectors
        for index in self.sector:
            sector_sizes[index] += 1
        # Shares are kept as numerator over people × seats: exact integers keep the potentials
        # exact, where floats could let a rounding error pose as a negative cycle.
        # At least 1 so an empty room or an empty list divides without special cases.
        self.unit = max(people * total_seats, 1)
        # The share of sector s at table t if the tables filled in proportion to their seats
        # and each in the overall mix, and the share of people at table t.
        group_share = [
            sector_sizes[s] * table.seats * fillable
            for table in tables
            for s in range(self.sectors)
        ]
        table_share = [people * table.seats * fillable for table in tables]
        self.group_curve = [self._curve(share) for share in group_share]
        self.table_curve = [self._curve(share) for share in table_share]
        # A count off its share by less than one is as good as rounding allows; any count
        # beyond that costs `outside`, more than the squared terms can ever differ, so the
        # squares only choose among the roundings. When everyone fits, a rounding of every
        # share at once exists (matrix rounding, Baranyai), so without wishes every count of
        # round 1 ends up within one of its share.
        squares_range = 4 * people**2 * self.unit
        self.outside = squares_range + 1
        # More than the balance terms can ever differ, so balance only breaks ties between
        # seatings of equal preference cost.
        scale = (4 * people + 2) * self.outside
        position = {table.id: index for index, table in enumerate(tables)}
        self.cost: list[list[int | None]] = []
        for person in order:
            wishes = person.preferences.get(round_number, ())
            row: list[int | None] = [RANK_COST[None] * scale] * self.tables
            for rank, table_id in reversed(list(enumerate(wishes, start=1))):
                # Unknown tables are skipped; reversed so a repeated id keeps its best rank.
                if table_id in position:
                    row[position[table_id]] = RANK_COST[rank] * scale
            for table_id in forbidden[person.id]:
                if table_id in position:
                    row[position[table_id]] = None
            self.cost.append(row)
        self.table_ids = [table.id for table in tables]

        groups = self.tables * self.sectors
        self.first_table_node = groups
        self.sink = groups + self.tables
        self.count = [0] * groups
        self.load = [0] * self.tables
        self.at = [-1] * people
        # movers[group * tables + b]: change of preference cost -> the people (insertion-ordered,
        # for determinism) of that group who could move to table b at that change.
        self.movers: list[dict[int, dict[int, None]]] = [{} for _ in range(groups * self.tables)]
        self.cheapest: list[int | None] = [None] * (groups * self.tables)
        # Potentials under which every arc of the empty flow has reduced cost 0.
        self.potential = [0] * (self.sink + 1)
        for table in range(self.tables):
            node = self.first_table_node + table
            self.potential[node] = -self._step(self.table_curve[table], 1)
            for group in range(table * self.sectors, (table + 1) * self.sectors):
                self.potential[group] = self.potential[node] - self._step(
                    self.group_curve[group], 1
                )

    def _curve(self, share: int) -> tuple[int, int, int]:
        return share, share // self.unit, -(-share // self.unit)

    def _step(self, curve: tuple[int, int, int], k: int) -> int:
        """What the k-th person adds to (count − share)² plus the penalty for leaving the
        share's rounding; increasing in k, i.e. convex."""
        share, below, above = curve
        penalty = -self.outside if k <= below else (self.outside if k > above else 0)
        return (2 * k - 1) * self.unit - 2 * share + penalty

    def solve(self) -> tuple[dict[int, int], tuple[int, ...]]:
        left_out = [person.id for index, person in enumerate(self.people) if not self._add(index)]
        seated = {
            person.id: self.table_ids[self.at[index]]
            for index, person in enumerate(self.people)
            if self.at[index] >= 0
        }
        return seated, tuple(left_out)

    def _add(self, person: int) -> bool:
        tables, sectors, sink = self.tables, self.sectors, self.sink
        first_table_node = self.first_table_node
        potential, count, load, capacity = self.potential, self.count, self.load, self.capacity
        cheapest, step = self.cheapest, self._step
        group_curve, table_curve = self.group_curve, self.table_curve
        nodes = sink + 1
        infinite = float("inf")
        distance: list[float] = [infinite] * nodes
        previous = [-2] * nodes  # -1: reached directly from the new person
        via_change = [0] * nodes
        settled = [False] * nodes
        heap: list[tuple[float, int]] = []

        sector = self.sector[person]
        for table, cost in enumerate(self.cost[person]):
            if cost is not None:
                node = table * sectors + sector
                distance[node] = cost - potential[node]
                previous[node] = -1
                heap.append((distance[node], node))
        heapq.heapify(heap)

        while heap:
            label, node = heapq.heappop(heap)
            if settled[node]:
                continue
            settled[node] = True
            if node == sink:
                break
            here = potential[node]
            if node < first_table_node:
                table, group_sector = divmod(node, sectors)
                target = first_table_node + table
                candidate = (
                    label + step(group_curve[node], count[node] + 1) + here - potential[target]
                )
                if candidate < distance[target]:
                    distance[target], previous[target] = candidate, node
                    heapq.heappush(heap, (candidate, target))
                base = node * tables
                for other in range(tables):
                    change = cheapest[base + other]
                    if change is None:
                        continue
                    target = other * sectors + group_sector
                    candidate = label + change + here - potential[target]
                    if candidate < distance[target]:
                        distance[target], previous[target] = candidate, node
                        via_change[target] = change
                        heapq.heappush(heap, (candidate, target))
            else:
                table = node - first_table_node
                if load[table] < capacity[table]:
                    candidate = (
                        label + step(table_curve[table], load[table] + 1) + here - potential[sink]
                    )
                    if candidate < distance[sink]:
                        distance[sink], previous[sink] = candidate, node
                        heapq.heappush(heap, (candidate, sink))
                for group in range(table * sectors, (table + 1) * sectors):
                    if count[group]:
                        candidate = (
                            label - step(group_curve[group], count[group]) + here - potential[group]
                        )
                        if candidate < distance[group]:
                            distance[group], previous[group] = candidate, node
                            heapq.heappush(heap, (candidate, group))

        if not settled[sink]:
            return False
        reach = distance[sink]
        for node in range(nodes):
            # Nodes not settled lie at least as far as the sink; capping there keeps every
            # reduced cost non-negative for the next search.
            potential[node] += distance[node] if settled[node] else reach
        self._augment(person, previous, via_change)
        return True

    def _augment(self, person: int, previous: list[int], via_change: list[int]) -> None:
        # Walked from the sink back, so each move takes its person from a table that no later
        # step of the walk has touched yet.
        sectors, first_table_node, sink = self.sectors, self.first_table_node, self.sink
        node = sink
        while True:
            before = previous[node]
            if node == sink:
                self.load[before - first_table_node] += 1
            elif before == -1:
                self._place(person, node // sectors)
                return
            elif node >= first_table_node:
                self.count[before] += 1
            elif before >= first_table_node:
                self.count[node] -= 1
            else:
                destination = node // sectors
                waiting = self.movers[before * self.tables + destination][via_change[node]]
                mover = next(iter(waiting))
                self._remove(mover)
                self._place(mover, destination)
            node = before

    def _place(self, person: int, table: int) -> None:
        self.at[person] = table
        group = table * self.sectors + self.sector[person]
        costs = self.cost[person]
        here = costs[table]
        for other, cost in enumerate(costs):
            if other == table or cost is None:
                continue
            change = cost - here
            slot = group * self.tables + other
            self.movers[slot].setdefault(change, {})[person] = None
            if self.cheapest[slot] is None or change < self.cheapest[slot]:
                self.cheapest[slot] = change

    def _remove(self, person: int) -> None:
        table = self.at[person]
        self.at[person] = -1
        group = table * self.sectors + self.sector[person]
        costs = self.cost[person]
        here = costs[table]
        for other, cost in enumerate(costs):
            if other == table or cost is None:
                continue
            change = cost - here
            slot = group * self.tables + other
            waiting = self.movers[slot][change]
            del waiting[person]
            if not waiting:
                del self.movers[slot][change]
                if change == self.cheapest[slot]:
                    self.cheapest[slot] = min(self.movers[slot], default=None)
