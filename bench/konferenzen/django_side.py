"""What the benchmark needs from inside Django, run as a subprocess with the bench settings.

    python bench/konferenzen/django_side.py setup REGISTRATIONS CAPACITY WARMUP [SECTOR=SEATS…]
        One conference (registration open, starting in 10 days) with CAPACITY seats and the
        given sector quotas, and REGISTRATIONS pending registrations for it (one
        bulk_create: bench-0001@example.org …, the sector cycling over the four sectors,
        with the rows in Wagtail's reference index that save() would have written);
        beside it a second conference with WARMUP pending registrations and half as many
        seats, confirmed before the measurement so that every gunicorn worker has loaded the
        templates and code of both outcomes.
        Prints the conferences' ids and the confirmation paths.
    python bench/konferenzen/django_side.py alone REPEAT
        What one confirmation costs without HTTP, gunicorn or concurrency: on a third
        conference with REPEAT seats, 2 × REPEAT registrations are confirmed one after another
        with Django's test client (GET the page, POST the button): the first REPEAT get a
        seat, the others go on the waiting list. Per request: the time, the SQL statements,
        and how long the conference's row lock was held, with what the mail costs in it.

Prints JSON on stdout.
"""

import json
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import ReferenceIndex  # noqa: E402

from konferenzen import mails  # noqa: E402
from konferenzen.links import confirm_url  # noqa: E402
from konferenzen.models import (  # noqa: E402
    Conference,
    Registration,
    RegistrationSector,
    RegistrationStatus,
    SectorQuota,
)
from outbox import services as outbox  # noqa: E402

SECTORS = [value for value, _label in RegistrationSector.choices]
VENUE = {
    "venue_name": "Rathaus Dortmund, Bürgerhalle",
    "venue_address": "Friedensplatz 1\n44135 Dortmund",
    "venue_accessibility": "Stufenloser Zugang, Aufzug, Induktionsschleife.",
    "contact_email": "stadtgespraech@example.org",
}


def conference(slug: str, title: str, capacity: int, quotas: dict[str, int]) -> Conference:
    now = timezone.now()
    starts = (now + timedelta(days=10)).replace(hour=9, minute=30, second=0, microsecond=0)
    created = Conference.objects.create(
        slug=slug,
        title=title,
        stage=4,
        starts_at=starts,
        ends_at=starts + timedelta(hours=6),
        capacity=capacity,
        registration_opens=now - timedelta(days=1),
        registration_closes=starts - timedelta(days=1),
        **VENUE,
    )
    for sector, seats in quotas.items():
        SectorQuota.objects.create(conference=created, sector=sector, seats=seats)
    return created


def registrations(target: Conference, count: int, prefix: str) -> list[Registration]:
    now = timezone.now()
    rows = [
        Registration(
            conference=target,
            name=f"Bench-Person {number:04d}",
            email=f"{prefix}-{number:04d}@example.org",
            sector=SECTORS[(number - 1) % len(SECTORS)],
            organisation="Bench e. V.",
            consented_at=now,
            link_sent_at=now,
            status=RegistrationStatus.PENDING,
        )
        for number in range(1, count + 1)
    ]
    # PostgreSQL returns the new ids, which the signed links need.
    created = Registration.objects.bulk_create(rows, batch_size=1000)
    # Registration is a Wagtail snippet: save() (as register() calls it) also records its
    # reference to the conference in Wagtail's reference index, which bulk_create skips.
    # Without those rows each confirmation would insert its own, under the lock.
    for registration in created:
        ReferenceIndex.create_or_update_for_object(registration)
    return created


def setup(count: int, capacity: int, warmup: int, quotas: dict[str, int]) -> dict:
    with transaction.atomic():
        measured = conference("bench-konferenz", "Bench-Konferenz", capacity, quotas)
        paths = [confirm_url(r, absolute=False) for r in registrations(measured, count, "bench")]
        # Half of them get a seat, the others go on the waiting list: both paths are warm.
        warm = conference("bench-aufwaermen", "Bench-Aufwärmen", max(warmup // 2, 1), {})
        warm_paths = [confirm_url(r, absolute=False) for r in registrations(warm, warmup, "warmup")]
    return {
        "conference": measured.pk,
        "warmup_conference": warm.pk,
        "paths": paths,
        "warmup_paths": warm_paths,
    }


# --- One confirmation alone ---------------------------------------------------------------------


class Clock:
    """How long the conference's row lock is held (from the SELECT … FOR UPDATE on it to the
    end of the COMMIT), how much of that is SQL and the COMMIT, and how long named functions
    take, within one request."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.lock_from: float | None = None
        self.lock_held: float | None = None
        self.sql = 0.0
        self.statements = 0
        self.commit = 0.0
        self.spent: dict[str, float] = {}

    @property
    def locked(self) -> bool:
        return self.lock_from is not None and self.lock_held is None

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        if (
            self.lock_from is None
            and sql.lstrip().startswith("SELECT")
            and '"konferenzen_conference"' in sql
            and "FOR UPDATE" in sql
        ):
            self.lock_from = started
        try:
            return execute(sql, params, many, context)
        finally:
            if self.locked:
                self.sql += time.perf_counter() - started
                self.statements += 1

    def wrap_commit(self, connection) -> None:
        commit = connection.commit

        def timed_commit():
            started = time.perf_counter()
            commit()
            if self.locked:
                self.lock_held = time.perf_counter() - self.lock_from
                self.commit = time.perf_counter() - started

        connection.commit = timed_commit

    def timed(self, owner, name: str, label: str, *, classmethod_: bool = False) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - started

        if classmethod_:
            setattr(owner, name, classmethod(lambda cls, *a, **k: wrapper(*a, **k)))
        else:
            setattr(owner, name, wrapper)


def alone(repeat: int) -> dict:
    target = conference("bench-allein", "Bench-Allein", repeat, {})
    paths = [confirm_url(r, absolute=False) for r in registrations(target, 2 * repeat, "alone")]
    clock = Clock()
    # Measuring only: the application's functions are wrapped in this process, not changed.
    clock.timed(mails, "seat_confirmed", "mail")
    clock.timed(mails, "on_waiting_list", "mail")
    clock.timed(mails, "ticket_attachments", "attachments")
    clock.timed(outbox, "_enqueue_delivery", "delivery")
    clock.timed(ReferenceIndex, "create_or_update_for_object", "reference_index", classmethod_=True)
    connection.ensure_connection()
    clock.wrap_commit(connection)
    client = Client()
    samples = {"seat": [], "waiting": []}
    sql = {}
    with connection.execute_wrapper(clock):
        for index, path in enumerate(paths):
            kind = "seat" if index < repeat else "waiting"
            started = time.perf_counter()
            page = client.get(path)
            got = time.perf_counter()
            clock.reset()
            with CaptureQueriesContext(connection) as captured:
                response = client.post(path)
            done = time.perf_counter()
            if page.status_code != 200 or response.status_code != 302:
                raise SystemExit(f"{path}: GET {page.status_code}, POST {response.status_code}")
            queries = [q["sql"] for q in captured.captured_queries]
            samples[kind].append(
                {
                    "get_ms": 1000 * (got - started),
                    "post_ms": 1000 * (done - got),
                    "lock_ms": 1000 * (clock.lock_held or 0.0),
                    "lock_sql_ms": 1000 * clock.sql,
                    "lock_statements": clock.statements,
                    "commit_ms": 1000 * clock.commit,
                    "reference_index_ms": 1000 * clock.spent.get("reference_index", 0.0),
                    "mail_ms": 1000 * clock.spent.get("mail", 0.0),
                    "attachments_ms": 1000 * clock.spent.get("attachments", 0.0),
                    "delivery_ms": 1000 * clock.spent.get("delivery", 0.0),
                    "queries": len(queries),
                }
            )
            sql[kind] = queries  # the last one: warm
    statuses = dict(
        Registration.objects.filter(conference=target)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # The first of each kind also loads templates and code: left out of the medians.
    result = {"statuses": statuses, "sql": sql}
    for kind, rows in samples.items():
        rows = rows[1:] or rows
        result[kind] = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
        result[kind]["n"] = len(rows)
    return result


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "setup":
        count, capacity, warmup, *quota_args = args
        quotas = {}
        for item in quota_args:
            sector, seats = item.split("=", 1)
            quotas[sector] = int(seats)
        print(json.dumps(setup(int(count), int(capacity), int(warmup), quotas)))
    elif command == "alone":
        print(json.dumps(alone(int(args[0]))))
    else:
        raise SystemExit(__doc__)
