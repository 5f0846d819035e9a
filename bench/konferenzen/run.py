"""Benchmark of the conference registration (issue #4, item 9): 1,000 parallel confirmations
for 300 seats through gunicorn on PostgreSQL.

    .venv/bin/python bench/konferenzen/run.py [--registrations 1000 --capacity 300
        --clients 50 --quota politik=60 --json FILE --strict]

Builds a fresh database with one conference and 1,000 pending registrations, serves it with
gunicorn like production (config.settings.production, DEBUG off, sync workers, Redis), and
lets client threads, released together, each open a confirmation link and press its button.
Prints the duration, p50/p95/p99 and the final counts, and checks that exactly 300 got a seat
and everybody else is on the waiting list. See README.md.

Reuses bench/participation: gunicorn (server.py), the machine and CPU accounting
(machine.py), the database helpers (dataset.py) and the environment it serves with
(run.py's django_env).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import re
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import dataset, machine  # noqa: E402
from harness.common import (  # noqa: E402
    django_env,
    http_request,
    log,
    percentiles,
    wait_until_quiet,
)
from harness.server import (  # noqa: E402
    Gunicorn,
    add_service_arguments,
    django_script,
    free_port,
    production_workers,
)

WORK = Path(tempfile.gettempdir()) / "stadtgespraech-bench-konferenzen"
SECTORS = ("politik", "institutionen", "zivilgesellschaft", "buergerinnen")
TARGET_SECONDS = 10
CSRF_COOKIE = "csrftoken"
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
MANAGE_PREFIX = "/konferenzen/anmeldung/"
LOCK_SAMPLE_SECONDS = 0.05


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrations", type=int, default=1000, help="pending registrations")
    parser.add_argument("--capacity", type=int, default=300, help="seats of the conference")
    parser.add_argument(
        "--quota",
        action="append",
        default=[],
        metavar="SECTOR=SEATS",
        help=f"a sector quota, e.g. politik=60 (sectors: {', '.join(SECTORS)}); repeatable",
    )
    parser.add_argument(
        "--clients",
        type=int,
        default=50,
        help="client threads sending the confirmations (each: GET the page, POST the button)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=production_workers(ROOT),
        help="gunicorn workers (default: as production, WEB_CONCURRENCY in the Dockerfile)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=None,
        help="confirmations on a second conference before the measurement (4 × workers)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=20,
        help="confirmations of each outcome measured alone, in one process (0: skip)",
    )
    add_service_arguments(parser, db_name="stadtgespraech_bench_konferenzen")
    parser.add_argument(
        "--broker-url",
        default=os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/13"),
        help="Celery broker, as production has it; emptied before and after. No worker runs "
        "during the burst: the mails are stored and queued, as a web server leaves them to the "
        "worker. 'none': tasks run eagerly inside the request (the embedded default)",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="SECONDS",
        help="before the measurement, wait up to this long for other processes to leave the "
        "CPUs idle (< 10 %% busy)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = parser.parse_args()
    args.quotas = {}
    for item in args.quota:
        sector, _, seats = item.partition("=")
        if sector not in SECTORS or not seats.isdigit() or int(seats) < 1:
            parser.error(f"--quota {item}: SECTOR=SEATS with a sector of {', '.join(SECTORS)}")
        args.quotas[sector] = int(seats)
    if args.warmup is None:
        args.warmup = 4 * args.workers
    if args.registrations < 1 or args.capacity < 1 or args.clients < 1:
        parser.error("--registrations, --capacity and --clients must be at least 1")
    if args.json:
        args.json = args.json.resolve()
    return args


def expected_confirmed(args) -> int:
    """Whoever comes first gets a seat while one is free overall and in their sector's quota,
    so the seats given are exactly min(capacity, Σ per sector min(registrations, quota))."""
    per_sector = {
        sector: len(range(index, args.registrations, len(SECTORS)))
        for index, sector in enumerate(SECTORS)
    }
    reachable = sum(min(n, args.quotas.get(sector, n)) for sector, n in per_sector.items())
    return min(args.capacity, reachable)


def django_side(env: dict, *args: str) -> dict:
    return django_script(HERE / "django_side.py", ROOT, env, *args)


# --- The confirmations ----------------------------------------------------------------------


@dataclass
class Job:
    """One person: open the link (GET), press the button (POST)."""

    get_start: float = 0.0
    get_end: float = 0.0
    post_start: float = 0.0
    post_end: float = 0.0
    get_status: int = 0
    post_status: int = 0
    error: str = ""


@dataclass
class Burst:
    jobs: list[Job]
    released: float
    finished: float

    @property
    def done(self) -> list[Job]:
        return [job for job in self.jobs if job.post_end]

    @property
    def errors(self) -> list[Job]:
        return [job for job in self.jobs if job.error]

    @property
    def first_post(self) -> float:
        return min((job.post_start for job in self.done), default=self.released)

    @property
    def last_response(self) -> float:
        return max((job.post_end for job in self.done), default=self.finished)

    @property
    def duration(self) -> float:
        """From the first POST sent to the last POST answered, in seconds."""
        return max(0.0, self.last_response - self.first_post)


def confirm_once(port: int, path: str, post_port: int | None = None) -> Job:
    """GET the confirmation page, POST its form (to `post_port` if given: another instance)."""
    job = Job(get_start=time.perf_counter())
    try:
        status, headers, body = http_request(port, "GET", path, None, {"Accept": "text/html"})
    except (OSError, http.client.HTTPException) as error:
        status, headers, body = 0, None, repr(error).encode()
    job.get_end = time.perf_counter()
    job.get_status = status
    if status != 200:
        job.error = f"GET {status} {path}: {body[:300]!r}"
        return job
    cookie = next(
        (
            value.split(";", 1)[0].split("=", 1)[1]
            for value in headers.get_all("Set-Cookie") or []
            if value.startswith(f"{CSRF_COOKIE}=")
        ),
        None,
    )
    field = CSRF_FIELD.search(body)
    if not cookie or not field:
        job.error = f"GET {path}: no CSRF cookie or no form with a CSRF token"
        return job
    form = urlencode({"csrfmiddlewaretoken": field.group(1).decode()}).encode()
    job.post_start = time.perf_counter()
    try:
        status, headers, body = http_request(
            post_port or port,
            "POST",
            path,
            form,
            {
                "Accept": "text/html",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{CSRF_COOKIE}={cookie}",
            },
        )
    except (OSError, http.client.HTTPException) as error:
        status, headers, body = 0, None, repr(error).encode()
    job.post_end = time.perf_counter()
    job.post_status = status
    location = headers.get("Location", "") if headers else ""
    if status != 302 or not location.startswith(MANAGE_PREFIX):
        job.error = f"POST {status} {path} → {location!r}: {body[:300]!r}"
    return job


def burst(
    port: int | list[int], paths: list[str], clients: int, stop: threading.Event, on_window=None
):
    """`clients` threads wait at a barrier, then take the paths one after another until none
    is left. `on_window("start")` runs just before the release, `on_window("end")` just after
    the last answer (for CPU accounting). Given several ports (instances), link n's page is
    fetched from instance n and its form sent to the next one."""
    ports = [port] if isinstance(port, int) else list(port)
    jobs: list[Job | None] = [None] * len(paths)
    indices = iter(range(len(paths)))
    take = threading.Lock()
    clients = min(clients, len(paths))
    barrier = threading.Barrier(clients + 1)

    def client() -> None:
        try:
            barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            return
        while not stop.is_set():
            with take:
                index = next(indices, None)
            if index is None:
                return
            get_port = ports[index % len(ports)]
            post_port = ports[(index + 1) % len(ports)]
            jobs[index] = confirm_once(get_port, paths[index], post_port)

    threads = [
        threading.Thread(target=client, daemon=True, name=f"client-{n}") for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    if on_window:
        on_window("start")
    barrier.wait(timeout=60)
    released = time.perf_counter()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)
    except KeyboardInterrupt:
        stop.set()
        raise
    finished = time.perf_counter()
    if on_window:
        on_window("end")
    missing = Job(error="not sent")
    return Burst([job or missing for job in jobs], released, finished)


class LockSampler:
    """Every 50 ms, what the bench database's backends are doing: waiting for a lock (the
    conference's row), in a transaction but not running SQL (Python under the lock – the
    mail, its calendar file and QR code – or delivering a mail), or running SQL."""

    def __init__(self, dsn: str, database: str):
        self.dsn = dsn
        self.database = database
        self.samples: list[tuple[int, int, int]] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="lock-sampler")

    def __enter__(self) -> LockSampler:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.thread.join(5)

    def _run(self) -> None:
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            while not self.stopping.is_set():
                row = conn.execute(
                    "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),"
                    " count(*) FILTER (WHERE state = 'idle in transaction'),"
                    " count(*) FILTER (WHERE state = 'active'"
                    "  AND wait_event_type IS DISTINCT FROM 'Lock')"
                    " FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    [self.database],
                ).fetchone()
                self.samples.append(tuple(row))
                self.stopping.wait(LOCK_SAMPLE_SECONDS)

    def means(self) -> dict | None:
        if not self.samples:
            return None
        n = len(self.samples)
        return {
            "samples": n,
            "waiting_for_lock": sum(s[0] for s in self.samples) / n,
            "idle_in_transaction": sum(s[1] for s in self.samples) / n,
            "running_sql": sum(s[2] for s in self.samples) / n,
        }


# --- The outcome ----------------------------------------------------------------------------


def final_counts(
    dsn: str, conference: int, quotas: dict[str, int], addresses: str = "bench-%@example.org"
) -> dict:
    """What the database holds after the burst; `addresses`: the people's (LIKE pattern)."""
    with psycopg.connect(dsn) as conn:
        statuses = dict(
            conn.execute(
                "SELECT status, count(*) FROM konferenzen_registration"
                " WHERE conference_id = %s GROUP BY status",
                [conference],
            ).fetchall()
        )
        sectors = dict(
            conn.execute(
                "SELECT sector, count(*) FROM konferenzen_registration"
                " WHERE conference_id = %s AND status = 'confirmed' GROUP BY sector",
                [conference],
            ).fetchall()
        )
        duplicates = conn.execute(
            "SELECT count(*) - count(DISTINCT lower(email)) FROM konferenzen_registration"
            " WHERE conference_id = %s",
            [conference],
        ).fetchone()[0]
        mails = conn.execute(
            "SELECT count(*), count(sent_at), count(*) FILTER (WHERE last_error <> ''),"
            " count(DISTINCT lower(\"to\")), count(*) FILTER (WHERE attachments <> '[]')"
            ' FROM outbox_mail WHERE "to" LIKE %s',
            [addresses],
        ).fetchone()
        # Seats go in the order in which the conference's lock is granted, the waiting list
        # in the order of confirmed_at, which confirm() takes before it waits for the lock.
        # Passed over: someone waits although a later click got a seat they could have had
        # (same sector, or their own sector has no quota).
        passed_over = conn.execute(
            "SELECT count(*) FROM konferenzen_registration w"
            " WHERE w.conference_id = %(c)s AND w.status = 'waiting' AND EXISTS ("
            "  SELECT 1 FROM konferenzen_registration s"
            "  WHERE s.conference_id = %(c)s AND s.status = 'confirmed'"
            "  AND s.confirmed_at > w.confirmed_at"
            "  AND (s.sector = w.sector OR NOT w.sector = ANY(%(quotas)s)))",
            {"c": conference, "quotas": list(quotas)},
        ).fetchone()[0]
    return {
        "confirmed": statuses.get("confirmed", 0),
        "waiting": statuses.get("waiting", 0),
        "pending": statuses.get("pending", 0),
        "other": sum(
            n for s, n in statuses.items() if s not in ("confirmed", "waiting", "pending")
        ),
        "total": sum(statuses.values()),
        "confirmed_by_sector": {sector: sectors.get(sector, 0) for sector in SECTORS},
        "duplicate_emails": duplicates,
        "mails": mails[0],
        "mails_delivered": mails[1],
        "mails_with_error": mails[2],
        "mail_recipients": mails[3],
        "mails_with_attachments": mails[4],
        "passed_over": passed_over,
    }


@dataclass
class Check:
    name: str
    measured: str
    target: str
    passed: bool


def checks(args, burst_: Burst, counts: dict) -> list[Check]:
    n = args.registrations
    expected = expected_confirmed(args)
    result = [
        Check(
            "duration, first POST → last response",
            f"{burst_.duration:.2f} s",
            f"≤ {TARGET_SECONDS} s",
            burst_.duration <= TARGET_SECONDS and len(burst_.done) == n,
        ),
        Check(
            "confirmed",
            f"{counts['confirmed']:,}",
            f"= {expected:,}",
            counts["confirmed"] == expected,
        ),
        Check(
            "confirmed + waiting",
            f"{counts['confirmed'] + counts['waiting']:,}",
            f"= {n:,}",
            counts["confirmed"] + counts["waiting"] == n and counts["total"] == n,
        ),
        Check("errors", f"{len(burst_.errors)}", "= 0", not burst_.errors),
        Check(
            "duplicate registrations",
            f"{counts['duplicate_emails']}",
            "= 0",
            counts["duplicate_emails"] == 0,
        ),
        Check(
            "mails, one per person",
            f"{counts['mails']:,} to {counts['mail_recipients']:,}",
            f"= {n:,}",
            counts["mails"] == counts["mail_recipients"] == n,
        ),
    ]
    for sector, seats in args.quotas.items():
        taken = counts["confirmed_by_sector"][sector]
        result.append(Check(f"quota {sector}", f"{taken}", f"≤ {seats}", taken <= seats))
    return result


# --- Report ---------------------------------------------------------------------------------


def report(args, info, burst_: Burst, counts, found: list[Check], cpu, locks, alone, started):
    done = burst_.done
    gets = [job.get_end - job.get_start for job in burst_.jobs if job.get_status == 200]
    posts = [job.post_end - job.post_start for job in done]
    whole = [job.post_end - job.get_start for job in done]
    since = [job.post_end - burst_.released for job in done]
    quotas = ", ".join(f"{s} {n}" for s, n in args.quotas.items()) or "none"
    per_sector = -(-args.registrations // len(SECTORS))
    lines = [
        f"Stadtgespräch – bench/konferenzen, {started:%Y-%m-%d %H:%M %Z}",
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['memory']} RAM, Linux {info['kernel']}; load average before the "
        f"burst {info['load_average']}",
        f"Software: PostgreSQL {info['postgresql']} ("
        + ", ".join(f"{k}={v}" for k, v in sorted(info["postgresql_settings"].items()))
        + f"), Redis {info['redis']}, Python {info['python']}, Django {info['django']}, "
        f"Wagtail {info['wagtail']}, "
        f"gunicorn {info['gunicorn']} ({args.workers} sync workers), "
        "config.settings.production, DEBUG off, "
        + (
            "Celery eager (no broker), mail to locmem"
            if args.broker_url == "none"
            else f"Celery broker {args.broker_url} without a worker (mails stored and queued)"
        ),
        f"Code:     {info['revision']}",
        f"Data:     one conference, {args.capacity:,} seats (quotas: {quotas}), "
        f"{args.registrations:,} pending registrations (sectors in turn, ≤ {per_sector:,} "
        f"each); {args.warmup} warm-up confirmations on a second conference first",
        f"Load:     {args.registrations:,} confirmations (GET the link's page, POST its form "
        f"with the CSRF token) by {min(args.clients, args.registrations)} client threads "
        f"released together at {info['measured_at']}, on the same machine",
        "",
    ]
    header = f"{'request':<22} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    lines += [header, "-" * len(header)]
    for label, values in (
        ("GET confirm page", gets),
        ("POST confirmation", posts),
        ("whole job (GET+POST)", whole),
        ("answered after release", since),
    ):
        p50, p95, p99, top = percentiles(values)
        lines.append(
            f"{label:<22} {len(values):>6,} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {top:>8.1f}"
        )
    rate = len(done) / burst_.duration if burst_.duration else 0.0
    lines += [
        "",
        f"Duration: {burst_.duration:.2f} s from the first POST to the last response "
        f"({rate:.0f} confirmations/s); {burst_.finished - burst_.released:.2f} s from the "
        "release, the GETs included.",
        f"Counts:   confirmed {counts['confirmed']:,}, waiting {counts['waiting']:,}, "
        f"pending {counts['pending']:,}, other {counts['other']:,} (total {counts['total']:,}); "
        "seats by sector "
        + ", ".join(f"{s} {n}" for s, n in counts["confirmed_by_sector"].items())
        + f"; duplicate e-mails {counts['duplicate_emails']}",
        f"Mails:    {counts['mails']:,} stored for {counts['mail_recipients']:,} people "
        f"({counts['mails_with_attachments']:,} with calendar file and QR code), "
        + (
            f"{counts['mails_delivered']:,} delivered to locmem, {counts['mails_with_error']} "
            "with an error"
            if args.broker_url == "none"
            else "queued for the worker"
        ),
        f"Order:    {counts['passed_over']:,} of the waiting passed over by a later click "
        "(confirmed_at) that got a seat they could have had",
        "",
    ]
    header = f"{'check':<38} {'measured':>16}  {'target':<10} result"
    lines += [header, "-" * len(header)]
    for check in found:
        verdict = "pass" if check.passed else "FAIL"
        lines.append(f"{check.name:<38} {check.measured:>16}  {check.target:<10} {verdict}")
    sample = next((job.error for job in burst_.errors), "")
    if sample:
        lines.append(f"first error: {sample}")

    lines += ["", "Where the time goes:"]
    cores = info["usable_cores"] or info["cores"] or 1
    if cpu:
        seconds = burst_.finished - burst_.released
        per_job = (cpu.server + cpu.database) / 100 * cores * seconds * 1000 / max(len(done), 1)
        lines.append(
            f"  CPU during the burst (all {cores} cores = 100 %): gunicorn {cpu.server:.0f} %, "
            f"PostgreSQL + Redis {cpu.database:.0f} %, load generator {cpu.load:.0f} %, "
            f"other processes {cpu.others:.0f} %; {per_job:.1f} CPU ms of gunicorn + "
            "PostgreSQL per confirmation (GET + POST)"
        )
        if cpu.others > 10:
            lines.append(
                "  WARNING: other processes used more than 10 % of the CPUs during the burst; "
                "the duration understates what the application can do on this machine."
            )
    if locks:
        lines.append(
            f"  Backends of the bench database (mean of {locks['samples']} samples, "
            f"{args.workers} workers): {locks['waiting_for_lock']:.1f} waiting for a lock, "
            f"{locks['idle_in_transaction']:.1f} in a transaction between statements (Python "
            f"under the conference's lock, or delivering a mail), {locks['running_sql']:.1f} "
            "running SQL"
        )
    if alone:
        seat, wait = alone["seat"], alone["waiting"]
        for label, row in (("seat", seat), ("waiting list", wait)):
            python = row["lock_ms"] - row["lock_sql_ms"] - row["commit_ms"]
            lines.append(
                f"  Alone, {label} (median of {row['n']}, one process, test client): GET "
                f"{row['get_ms']:.1f} ms, POST {row['post_ms']:.1f} ms ({row['queries']:.0f} "
                f"statements with BEGIN/COMMIT); lock held {row['lock_ms']:.1f} ms = "
                f"{row['lock_statements']:.0f} statements {row['lock_sql_ms']:.1f} ms + COMMIT "
                f"{row['commit_ms']:.1f} ms + Python {python:.1f} ms; in it the mail "
                f"{row['mail_ms']:.1f} ms (calendar file + QR code {row['attachments_ms']:.1f} "
                f"ms), Wagtail's reference index {row['reference_index_ms']:.1f} ms; delivery "
                f"after the commit {row['delivery_ms']:.1f} ms"
            )
        confirmed = counts["confirmed"]
        floor = (confirmed * seat["lock_ms"] + (len(done) - confirmed) * wait["lock_ms"]) / 1000
        lines.append(
            f"  The lock lets one confirmation through at a time: held as long as alone, "
            f"{confirmed:,} seats and {len(done) - confirmed:,} waiting need at least "
            f"{floor:.2f} s one after another, whatever the number of workers."
        )
    return "\n".join(lines)


# --- Main -----------------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    started = datetime.datetime.now().astimezone()
    stop = threading.Event()

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    os.chdir(ROOT)  # dataset.manage runs manage.py from here
    WORK.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = django_env(args, port)
    env.update({"STATIC_ROOT": str(WORK / "static"), "MEDIA_ROOT": str(WORK / "media")})
    if args.broker_url != "none":
        env["CELERY_BROKER_URL"] = args.broker_url
    admin = dataset.server_dsn(args.db_host, args.db_port, args.db_user)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"

    try:
        log(f"creating database {args.db_name}")
        dataset.recreate_database(admin, args.db_name)
        dataset.manage(env, "migrate", "--noinput", log=log)
        info = machine.describe(dsn)
        info["redis"] = machine.empty_redis(args.redis_url)
        if args.broker_url != "none":
            machine.empty_redis(args.broker_url)
        info["revision"] = machine.revision(ROOT)
        dataset.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log)
        step = time.monotonic()
        built = django_side(
            env,
            "setup",
            str(args.registrations),
            str(args.capacity),
            str(args.warmup),
            *(f"{s}={n}" for s, n in args.quotas.items()),
        )
        log(
            f"conference {built['conference']} with {args.capacity} seats and "
            f"{len(built['paths']):,} pending registrations: {time.monotonic() - step:.1f} s"
        )

        log(f"starting gunicorn on 127.0.0.1:{port} with {args.workers} workers")
        with Gunicorn(
            root=ROOT, env=env, port=port, workers=args.workers, log=WORK / "gunicorn.log"
        ) as server:
            if built["warmup_paths"]:
                warm = burst(port, built["warmup_paths"], args.clients, stop)
                if warm.errors:
                    log(f"gunicorn log ({server.log_path}):\n{server.tail()}")
                    raise RuntimeError(f"warm-up failed: {warm.errors[0].error}")
                log(f"warm-up: {len(warm.jobs)} confirmations on a second conference")
            meter = machine.CpuMeter(server_pid=server.pid, database=args.db_name)
            if args.wait_quiet:
                wait_until_quiet(meter, args.wait_quiet)
            info["load_average"] = machine.load_average()
            info["measured_at"] = f"{datetime.datetime.now().astimezone():%H:%M:%S}"
            samples = {}
            log(
                f"{len(built['paths']):,} confirmations by {args.clients} client threads, "
                "released together"
            )
            with LockSampler(dsn, args.db_name) as locks:
                measured = burst(
                    port,
                    built["paths"],
                    args.clients,
                    stop,
                    on_window=lambda moment: samples.__setitem__(moment, meter.sample()),
                )
            cpu = meter.share(samples.get("start"), samples.get("end"))
            log(
                f"done in {measured.duration:.2f} s (first POST → last response), "
                f"{len(measured.errors)} errors"
            )
            if measured.errors:
                log(f"gunicorn log ({server.log_path}):\n{server.tail()}")
        counts = final_counts(dsn, built["conference"], args.quotas)
        alone = None
        if args.repeat > 0:
            step = time.monotonic()
            alone = django_side(env, "alone", str(args.repeat))
            log(f"{2 * args.repeat} confirmations alone: {time.monotonic() - step:.1f} s")
            (WORK / "queries.json").write_text(json.dumps(alone["sql"], indent=2))
    except KeyboardInterrupt:
        stop.set()
        log("interrupted; gunicorn stopped")
        return 130
    finally:
        if args.broker_url != "none":
            # The queued deliveries are for addresses that do not exist.
            machine.empty_redis(args.broker_url)

    found = checks(args, measured, counts)
    lock_means = locks.means()
    print(report(args, info, measured, counts, found, cpu, lock_means, alone, started))
    if args.json:
        args.json.write_text(
            json.dumps(
                as_json(args, info, measured, counts, found, cpu, lock_means, alone, started),
                indent=2,
            )
        )
    if args.strict and not all(check.passed for check in found):
        return 1
    return 0


def as_json(args, info, burst_: Burst, counts, found, cpu, locks, alone, started) -> dict:
    done = burst_.done

    def summary(values):
        p50, p95, p99, top = percentiles(values)
        return {"count": len(values), "p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "max_ms": top}

    return {
        "started": started.isoformat(),
        "machine": info,
        "args": {
            k: v if isinstance(v, int | float | dict | list) else str(v)
            for k, v in vars(args).items()
        },
        "expected_confirmed": expected_confirmed(args),
        "duration_s": burst_.duration,
        "burst_s": burst_.finished - burst_.released,
        "target_s": TARGET_SECONDS,
        "get": summary([j.get_end - j.get_start for j in burst_.jobs if j.get_status == 200]),
        "post": summary([j.post_end - j.post_start for j in done]),
        "job": summary([j.post_end - j.get_start for j in done]),
        "answered_after_release": summary([j.post_end - burst_.released for j in done]),
        "errors": len(burst_.errors),
        "first_error": next((j.error for j in burst_.errors), ""),
        "counts": counts,
        "checks": [asdict(check) for check in found],
        "passed": all(check.passed for check in found),
        "cpu_percent": asdict(cpu) | {"others": cpu.others} if cpu else None,
        "backends": locks,
        "alone": {k: v for k, v in alone.items() if k != "sql"} if alone else None,
    }


if __name__ == "__main__":
    sys.exit(main())
