"""Scale-out run (issue #8, item 6): two gunicorn instances on different ports sharing
PostgreSQL and Redis, with every client sending each request to the next instance.

    .venv/bin/python bench/scaleout/run.py [--keep] [--instances 2] [--json FILE] [--strict]

On bench/participation's database (built or, with --keep, reused) it measures the theme page,
the statement page with 1,000 comments and votes as bench/participation does, then lets
1,000 people register for a conference through its form (some twice at the same moment, once
on each instance) and confirm, 50 at a time, for 300 seats as bench/konferenzen does – each
page fetched from one instance and its form sent to the other. It prints the same figures
as the single-instance runs and checks that no vote and no registration was lost or doubled
between the instances. Reuses bench/participation (gunicorn, load generator, scenarios,
machine report) and bench/konferenzen (confirmation burst, counts). See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import importlib.util
import json
import os
import re
import signal
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import dataset, load, machine  # noqa: E402
from harness.common import (  # noqa: E402
    CSRF_COOKIE,
    SESSION_COOKIE,
    csrf_tokens,
    django_env,
    http_request,
    log,
    participation_side,
    percentile,
    prepare_database,
    vote_statement_ids,
    wait_until_quiet,
)
from harness.participation_mix import TARGETS, scenarios  # noqa: E402
from harness.server import (  # noqa: E402
    Gunicorn,
    add_service_arguments,
    django_script,
    free_port,
    production_workers,
)


def _module(name: str, path: Path):
    """Another benchmark's script as a module: bench/scaleout repeats bench/konferenzen's
    burst of confirmations across several nodes."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


konferenzen = _module("konferenzen_run", HERE.parent / "konferenzen" / "run.py")

WORK = Path(tempfile.gettempdir()) / "stadtgespraech-bench-scaleout"
SCENARIOS = ("theme", "statement", "vote")
ADDRESSES = "scaleout-%@example.org"
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=30_000)
    parser.add_argument("--comments", type=int, default=250_000)
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--duration", type=float, default=20, help="measured seconds per scenario")
    parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds before each")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--instances", type=int, default=2, help="gunicorn instances")
    parser.add_argument(
        "--workers",
        type=int,
        default=production_workers(ROOT),
        help="gunicorn workers of each instance (default: as production)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="reuse bench/participation's database if it fits"
    )
    add_service_arguments(parser, db_name="stadtgespraech_bench")
    parser.add_argument(
        "--broker-url",
        default=os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/13"),
        help="Celery broker as in production, without a worker; emptied before and after",
    )
    parser.add_argument(
        "--vote-rounds",
        type=int,
        default=6,
        help="after the vote scenario each account changes its vote on one statement this "
        "often, on alternating instances",
    )
    parser.add_argument("--people", type=int, default=1000, help="people who register")
    parser.add_argument("--capacity", type=int, default=300, help="seats of the conference")
    parser.add_argument(
        "--twice-every",
        type=int,
        default=10,
        help="every n-th person sends the form twice at the same moment, once to each instance",
    )
    parser.add_argument("--conference-clients", type=int, default=50)
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a check fails")
    args = parser.parse_args()
    if args.instances < 2:
        parser.error("--instances: at least 2")
    return args


@dataclass
class Check:
    name: str
    measured: str
    target: str
    passed: bool


# --- Votes: none lost, none doubled ---------------------------------------------------------


class VoteLedger:
    """Every vote request as the clients sent it (warm-up included), in each client's order."""

    def __init__(self, sessions: list[dict]):
        self.users = [entry["user"] for entry in sessions]
        self.lock = threading.Lock()
        self.entries: list[tuple[int, int, str, int, int]] = []

    def record(self, client: int, request, status: int, port: int) -> None:
        _method, path, body, _headers = request
        statement = int(path.rstrip("/").split("/")[-2])
        choice = body.decode().split("=", 1)[1]
        with self.lock:
            self.entries.append((client, statement, choice, status, port))

    def summary(self) -> dict:
        last: dict[tuple[int, int], tuple[str, int]] = {}
        previous_port: dict[int, int] = {}
        switches = pairs_of_requests = 0
        for client, statement, choice, status, port in self.entries:
            last[(self.users[client], statement)] = (choice, status)
            if client in previous_port:
                pairs_of_requests += 1
                switches += previous_port[client] != port
            previous_port[client] = port
        certain = {pair: choice for pair, (choice, status) in last.items() if status == 200}
        per_pair: dict[tuple[int, int], int] = {}
        for client, statement, *_rest in self.entries:
            pair = (self.users[client], statement)
            per_pair[pair] = per_pair.get(pair, 0) + 1
        return {
            "repeated_pairs": sum(1 for n in per_pair.values() if n > 1),
            "most_requests_on_a_pair": max(per_pair.values(), default=0),
            "requests": len(self.entries),
            "succeeded": sum(1 for entry in self.entries if entry[3] == 200),
            "pairs": len(last),
            "certain": certain,
            "uncertain": len(last) - len(certain),
            "alternated": switches / pairs_of_requests if pairs_of_requests else 0.0,
            "per_port": {
                port: sum(1 for entry in self.entries if entry[4] == port)
                for port in sorted({entry[4] for entry in self.entries})
            },
        }


def alternating_votes(ports, sessions, tokens, statement_ids, ledger, rounds: int) -> None:
    """Every account changes its vote on one statement `rounds` times, each time on the next
    instance, all accounts at once: the requests that would double a vote if the instances
    did not share the database's lock and unique constraint."""
    choices = ("agree", "disagree", "neutral")
    # Each account goes on with the instance after the one its last vote went to.
    last_port = {entry[0]: entry[4] for entry in ledger.entries}

    def account(number: int) -> None:
        start = ports.index(last_port[number]) + 1 if number in last_port else number
        statement = statement_ids[-(number + 1)]
        cookie = f"{SESSION_COOKIE}={sessions[number]['session']}; {CSRF_COOKIE}={tokens[number]}"
        for step in range(rounds):
            port = ports[(start + step) % len(ports)]
            request = (
                "POST",
                f"/beteiligung/aussagen/{statement}/bewerten/",
                f"choice={choices[(number + step) % len(choices)]}".encode(),
                {
                    "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "X-CSRFToken": tokens[number],
                },
            )
            try:
                status = load.one_request(port, request)[0]
            except (OSError, http.client.HTTPException):
                status = 0
            ledger.record(number, request, status, port)

    threads = [threading.Thread(target=account, args=(n,)) for n in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def check_votes(dsn: str, ledger: VoteLedger, first_new_vote: int) -> dict:
    """One row per (account, statement) voted on, holding the choice of the account's last
    successful request; no new row nobody asked for; every touched statement's counters
    equal its votes."""
    summary = ledger.summary()
    certain = summary.pop("certain")
    users = [pair[0] for pair in certain]
    statements = [pair[1] for pair in certain]
    choices = list(certain.values())
    sent_pairs = sorted({(ledger.users[entry[0]], entry[1]) for entry in ledger.entries})
    with psycopg.connect(dsn) as conn:
        pairs, lost, doubled, wrong = conn.execute(
            """
            WITH sent AS (
                SELECT * FROM unnest(%(u)s::bigint[], %(s)s::bigint[], %(c)s::text[])
                    AS t(user_id, statement_id, choice)),
            found AS (
                SELECT pv.user_id, pv.statement_id, count(*) AS n, max(pv.choice) AS choice
                FROM participation_vote pv JOIN sent USING (user_id, statement_id)
                GROUP BY 1, 2)
            SELECT count(*), count(*) FILTER (WHERE found.n IS NULL),
                   count(*) FILTER (WHERE found.n > 1),
                   count(*) FILTER (WHERE found.n = 1 AND found.choice <> sent.choice)
            FROM sent LEFT JOIN found USING (user_id, statement_id)
            """,
            {"u": users, "s": statements, "c": choices},
        ).fetchone()
        touched = sorted({entry[1] for entry in ledger.entries})
        phantom = conn.execute(
            "SELECT count(*) FROM participation_vote pv WHERE pv.id > %(first)s AND NOT EXISTS"
            " (SELECT 1 FROM unnest(%(u)s::bigint[], %(s)s::bigint[]) AS t(user_id, statement_id)"
            "  WHERE t.user_id = pv.user_id AND t.statement_id = pv.statement_id)",
            {
                "first": first_new_vote,
                "u": [pair[0] for pair in sent_pairs],
                "s": [pair[1] for pair in sent_pairs],
            },
        ).fetchone()[0]
        new_rows = conn.execute(
            "SELECT count(*) FROM participation_vote WHERE id > %s", [first_new_vote]
        ).fetchone()[0]
        counters_off = conn.execute(
            """
            SELECT count(*) FROM participation_statement s JOIN (
                SELECT statement_id,
                       count(*) FILTER (WHERE choice = 'agree') AS agree,
                       count(*) FILTER (WHERE choice = 'disagree') AS disagree,
                       count(*) FILTER (WHERE choice = 'neutral') AS neutral
                FROM participation_vote WHERE statement_id = ANY(%s) GROUP BY statement_id
            ) v ON v.statement_id = s.id
            WHERE (s.agree_count, s.disagree_count, s.neutral_count)
                  <> (v.agree, v.disagree, v.neutral)
            """,
            [touched],
        ).fetchone()[0]
    return summary | {
        "checked_pairs": pairs,
        "lost": lost,
        "doubled": doubled,
        "wrong_choice": wrong,
        "phantom": phantom,
        "new_rows": new_rows,
        "statements": len(touched),
        "counters_off": counters_off,
    }


# --- Registrations: through the form, spread over the instances --------------------------------


@dataclass
class Registered:
    jobs: int = 0
    ok: int = 0
    twice: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)


def register_once(get_port: int, post_port: int, slug: str, number: int) -> str:
    """The form fetched from one instance and sent to another; '' when it was accepted."""
    path = f"/konferenzen/{slug}/anmelden/"
    try:
        status, headers, body = http_request(get_port, "GET", path, headers={"Accept": "text/html"})
        cookie = next(
            (
                value.split(";", 1)[0].split("=", 1)[1]
                for value in headers.get_all("Set-Cookie") or []
                if value.startswith("csrftoken=")
            ),
            None,
        )
        token = CSRF_FIELD.search(body)
        if status != 200 or not cookie or not token:
            return f"GET {status} {path}: no form ({body[:200]!r})"
        form = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "name": f"Bench-Person {number:04d}",
                "email": f"scaleout-{number:04d}@example.org",
                "sector": "buergerinnen",
                "consent": "on",
            }
        ).encode()
        status, headers, body = http_request(
            post_port,
            "POST",
            path,
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Accept": "text/html",
            },
        )
    except (OSError, http.client.HTTPException) as error:
        return repr(error)
    location = headers.get("Location", "")
    if status != 302 or not location.endswith("/anmelden/gesendet/"):
        return f"POST {status} {path} → {location!r}: {body[:300]!r}"
    return ""


def register_all(ports, slug: str, people: int, twice_every: int, clients: int, stop) -> Registered:
    """Each person: the form from instance n, sent to instance n+1. Every `twice_every`-th
    person sends it a second time at about the same moment (the next job, taken by another
    client thread) the other way round."""
    jobs = []
    for number in range(1, people + 1):
        jobs.append((number, 0))
        if twice_every and number % twice_every == 0:
            jobs.append((number, 1))
    result = Registered(jobs=len(jobs), twice=sum(1 for _, again in jobs if again))
    lock = threading.Lock()
    pending = iter(range(len(jobs)))

    def client():
        while not stop.is_set():
            with lock:
                index = next(pending, None)
            if index is None:
                return
            number, again = jobs[index]
            first = ports[(number + again) % len(ports)]
            second = ports[(number + again + 1) % len(ports)]
            started = time.perf_counter()
            error = register_once(first, second, slug, number)
            seconds = time.perf_counter() - started
            with lock:
                if error:
                    result.errors.append(error)
                else:
                    result.ok += 1
                    result.latencies.append(seconds)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    result.seconds = time.perf_counter() - started
    return result


def registration_counts(dsn: str, conference: int) -> dict:
    with psycopg.connect(dsn) as conn:
        total, distinct, pending = conn.execute(
            "SELECT count(*), count(DISTINCT lower(email)), count(*) FILTER (WHERE status ="
            " 'pending') FROM konferenzen_registration WHERE conference_id = %s",
            [conference],
        ).fetchone()
    return {"registrations": total, "addresses": distinct, "pending": pending}


# --- Report -----------------------------------------------------------------------------------


def checks(args, results, votes, registered, registrations, burst, counts) -> list[Check]:
    targets = TARGETS
    by_name = {r.scenario.name: r for r in results}
    found = []
    for name, label, target, ok in (
        ("theme", "theme page p95", f"≤ {targets['theme_p95_ms']} ms", None),
        ("statement", "statement page p95", f"≤ {targets['statement_p95_ms']} ms", None),
        ("vote", "votes per second", f"≥ {targets['votes_per_s']}/s", None),
    ):
        result = by_name.get(name)
        if result is None:
            continue
        measured = f"{result.rate:.0f}/s" if name == "vote" else f"{result.p95:.1f} ms"
        ok = bool(result.passed)
        found.append(Check(f"{label}, {args.instances} instances", measured, target, ok))
    if votes:
        found += [
            Check(
                "votes: each account's requests alternate instances",
                f"{votes['alternated']:.0%}",
                "= 100%",
                votes["alternated"] == 1.0,
            ),
            Check(
                "accounts that changed one vote on alternating instances",
                f"{votes['repeated_pairs']}",
                f"≥ {args.clients}",
                votes["repeated_pairs"] >= args.clients,
            ),
            Check(
                "votes lost (pair without its vote)",
                f"{votes['lost']} of {votes['checked_pairs']:,}",
                "= 0",
                votes["lost"] == 0,
            ),
            Check(
                "votes doubled (pair with two rows)",
                f"{votes['doubled']}",
                "= 0",
                not votes["doubled"],
            ),
            Check(
                "votes holding another than the last choice",
                f"{votes['wrong_choice']}",
                "= 0",
                votes["wrong_choice"] == 0,
            ),
            Check("votes nobody sent", f"{votes['phantom']}", "= 0", votes["phantom"] == 0),
            Check(
                "statements whose counters differ from their votes",
                f"{votes['counters_off']} of {votes['statements']:,}",
                "= 0",
                votes["counters_off"] == 0,
            ),
            Check(
                "vote requests failed",
                f"{votes['requests'] - votes['succeeded']}",
                "= 0",
                votes["requests"] == votes["succeeded"],
            ),
        ]
    if registered is not None:
        found += [
            Check(
                "registration forms accepted",
                f"{registered.ok:,} of {registered.jobs:,}",
                f"= {registered.jobs:,}",
                registered.ok == registered.jobs,
            ),
            Check(
                "registrations stored (one per person)",
                f"{registrations['registrations']:,} for {registrations['addresses']:,} addresses",
                f"= {args.people:,}",
                registrations["registrations"] == registrations["addresses"] == args.people,
            ),
        ]
    if burst is not None:
        expected = min(args.capacity, args.people)
        posts_ok = len(burst.done) - sum(1 for job in burst.done if job.error)
        found += [
            Check(
                "confirmations: first POST → last response",
                f"{burst.duration:.2f} s",
                f"≤ {konferenzen.TARGET_SECONDS} s",
                burst.duration <= konferenzen.TARGET_SECONDS and not burst.errors,
            ),
            Check(
                "confirmed",
                f"{counts['confirmed']:,}",
                f"= {expected:,}",
                counts["confirmed"] == expected,
            ),
            Check(
                "confirmed + waiting = confirmations answered",
                f"{counts['confirmed'] + counts['waiting']:,}",
                f"= {posts_ok:,} = {args.people:,}",
                counts["confirmed"] + counts["waiting"] == posts_ok == args.people,
            ),
            Check(
                "duplicate registrations",
                f"{counts['duplicate_emails']}",
                "= 0",
                counts["duplicate_emails"] == 0,
            ),
        ]
    return found


def report(args, info, ports, results, votes, registered, registrations, burst, counts, found,
           started) -> str:  # fmt: skip
    lines = [
        f"Stadtgespräch – bench/scaleout, {started:%Y-%m-%d %H:%M %Z}",
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['memory']} RAM; load average at start {info.get('load_average', '?')}",
        f"Software: PostgreSQL {info['postgresql']}, Redis {info['redis']}, "
        f"gunicorn {info['gunicorn']}: {args.instances} instances on ports "
        + ", ".join(str(p) for p in ports)
        + f", {args.workers} sync workers each, config.settings.production, sharing "
        f"PostgreSQL ({args.db_name}), Redis ({args.redis_url}) and the broker",
        f"Code:     {info['revision']}",
        f"Load:     {args.clients} clients, each sending every request to the next instance;"
        f" {args.duration:g} s measured after {args.warmup:g} s warm-up per scenario",
        "",
    ]
    header = (
        f"{'scenario':<10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'req/s':>7}  {'per instance':<16} {'target':<14} result"
    )
    lines += [header, "-" * len(header)]
    for result in results:
        verdict = {None: "", True: "pass", False: "FAIL"}[result.passed]
        split = "/".join(str(result.per_port.get(port, 0)) for port in ports)
        lines.append(
            f"{result.scenario.name:<10} {result.requests:>8,} {result.errors:>6} "
            f"{result.p50:>8.1f} {result.p95:>8.1f} {result.p99:>8.1f} {result.rate:>7.1f}  "
            f"{split:<16} {result.scenario.target:<14} {verdict}"
        )
        if result.error_sample:
            lines.append(f"{'':<10} first error: {result.error_sample}")
    if votes:
        lines += [
            "",
            f"Votes:    {votes['requests']:,} vote requests (warm-up included, "
            + "/".join(f"{n:,}" for n in votes["per_port"].values())
            + f" per instance) by {args.clients} accounts on {votes['pairs']:,} (account, "
            f"statement) pairs, {votes['repeated_pairs']} of them voted on repeatedly (up to "
            f"{votes['most_requests_on_a_pair']} times: the vote scenario, then "
            f"{args.vote_rounds} changes of each account's vote on one statement); "
            f"{votes['alternated']:.0%} of each account's consecutive "
            f"requests went to the other instance. In the database: {votes['checked_pairs']:,}"
            f" pairs checked, {votes['lost']} lost, {votes['doubled']} doubled, "
            f"{votes['wrong_choice']} with another than the last choice sent, "
            f"{votes['phantom']} nobody sent; {votes['new_rows']:,} new rows; "
            f"{votes['counters_off']} of {votes['statements']:,} statements with counters "
            "that differ from their votes.",
        ]
    if registered is not None:
        lines += [
            "",
            f"Register: {registered.jobs:,} form submissions ({registered.twice} of them a "
            f"second one of the same person at the same moment, the other way round), each "
            f"fetched from one instance and sent to the other: {registered.ok:,} accepted in "
            f"{registered.seconds:.1f} s (p95 {percentile(registered.latencies, 0.95):.0f} ms "
            f"for GET + POST); stored: {registrations['registrations']:,} registrations for "
            f"{registrations['addresses']:,} addresses, {registrations['pending']:,} pending.",
        ]
        if registered.errors:
            lines.append(f"          first error: {registered.errors[0]}")
    if burst is not None:
        posts = [job.post_end - job.post_start for job in burst.done]
        lines += [
            f"Confirm:  {len(burst.jobs):,} confirmations by {args.conference_clients} clients "
            f"released together, page from one instance, form to the other: "
            f"{burst.duration:.2f} s from the first POST to the last response, POST p50 "
            f"{percentile(posts, 0.5):.0f} ms, p95 {percentile(posts, 0.95):.0f} ms; confirmed "
            f"{counts['confirmed']:,}, waiting {counts['waiting']:,}, pending "
            f"{counts['pending']:,}, duplicates {counts['duplicate_emails']}.",
        ]
        if burst.errors:
            lines.append(f"          first error: {burst.errors[0].error}")
    lines += ["", f"{'check':<56} {'measured':>24}  {'target':<18} result"]
    lines.append("-" * len(lines[-1]))
    for check in found:
        verdict = "pass" if check.passed else "FAIL"
        lines.append(f"{check.name:<56} {check.measured:>24}  {check.target:<18} {verdict}")
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
    os.chdir(ROOT)
    WORK.mkdir(parents=True, exist_ok=True)
    ports: list[int] = []
    while len(ports) < args.instances:
        port = free_port()
        if port not in ports:
            ports.append(port)
    envs = []
    for port in ports:
        env = django_env(args, port)
        env.update(
            {
                "STATIC_ROOT": str(WORK / "static"),
                "MEDIA_ROOT": str(WORK / "media"),
                "CELERY_BROKER_URL": args.broker_url,
            }
        )
        envs.append(env)
    env = envs[0]
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    first_new_vote = None
    results: list[load.Result] = []
    votes = registered = registrations = measured = counts = None

    try:
        built = prepare_database(args, env)
        first_new_vote = dataset.last_vote_id(dsn)
        info = machine.describe(dsn)
        info["redis"] = machine.empty_redis(args.redis_url)
        machine.empty_redis(args.broker_url)
        info["revision"] = machine.revision(ROOT)
        dataset.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log)
        removed = django_script(HERE / "django_side.py", ROOT, env, "reset")
        if removed["conferences"]:
            log(f"removed an earlier run's conferences: {removed}")
        sessions = participation_side(env, "sessions", str(args.clients))
        vote_ids = vote_statement_ids(dsn)
        conference = django_script(
            HERE / "django_side.py",
            ROOT,
            env,
            "conference",
            str(args.capacity),
            str(4 * args.workers * args.instances),
        )
        ledger = VoteLedger(sessions)

        with ExitStack() as servers:
            pids = []
            for number, (port, port_env) in enumerate(zip(ports, envs, strict=True)):
                log(f"starting gunicorn instance {number + 1} on 127.0.0.1:{port}")
                server = servers.enter_context(
                    Gunicorn(
                        root=ROOT,
                        env=port_env,
                        port=port,
                        workers=args.workers,
                        log=WORK / f"gunicorn-{number + 1}.log",
                    )
                )
                pids.append(server.pid)
            meter = machine.CpuMeter(server_pid=pids, database=args.db_name)
            info["load_average"] = machine.load_average()
            # The CSRF cookie from instance 1 is good on every instance (one SECRET_KEY).
            tokens = csrf_tokens(ports[0], sessions, built.hot_statement)
            for scenario in scenarios(built, sessions, tokens, vote_ids):
                if scenario.name not in SCENARIOS:
                    continue
                if scenario.name == "vote":
                    scenario.record = ledger.record
                if args.wait_quiet:
                    wait_until_quiet(meter, args.wait_quiet)
                log(f"{scenario.name}: {args.warmup:g} s warm-up, {args.duration:g} s measured")
                samples = {}
                result = load.run(
                    scenario,
                    port=ports,
                    clients=args.clients,
                    duration=args.duration,
                    warmup=args.warmup,
                    stop=stop,
                    on_window=lambda moment, samples=samples: samples.__setitem__(
                        moment, meter.sample()
                    ),
                )
                result.cpu = meter.share(samples.get("start"), samples.get("end"))
                results.append(result)
                log(
                    f"{scenario.name}: {result.requests} requests, p95 {result.p95:.1f} ms, "
                    f"{result.rate:.1f}/s, {result.errors} errors, per instance "
                    + "/".join(str(result.per_port.get(p, 0)) for p in ports)
                )
            alternating_votes(ports, sessions, tokens, vote_ids, ledger, args.vote_rounds)
            votes = check_votes(dsn, ledger, first_new_vote)
            log(
                f"votes: {votes['lost']} lost, {votes['doubled']} doubled, "
                f"{votes['counters_off']} statements with wrong counters"
            )

            warm = konferenzen.burst(
                ports, conference["warmup_paths"], args.conference_clients, stop
            )
            if warm.errors:
                raise RuntimeError(f"warm-up failed: {warm.errors[0].error}")
            log(f"{args.people:,} people register, every {args.twice_every}th twice at once")
            registered = register_all(
                ports,
                conference["slug"],
                args.people,
                args.twice_every,
                args.conference_clients,
                stop,
            )
            registrations = registration_counts(dsn, conference["conference"])
            log(
                f"registered in {registered.seconds:.1f} s: {registered.ok:,} forms accepted,"
                f" {registrations['registrations']:,} registrations stored"
            )
            paths = django_script(
                HERE / "django_side.py", ROOT, env, "links", str(conference["conference"])
            )
            if args.wait_quiet:
                wait_until_quiet(meter, args.wait_quiet)
            log(f"{len(paths):,} confirmations by {args.conference_clients} clients")
            measured = konferenzen.burst(ports, paths, args.conference_clients, stop)
            counts = konferenzen.final_counts(dsn, conference["conference"], {}, ADDRESSES)
            log(f"confirmed in {measured.duration:.2f} s, {len(measured.errors)} errors")
            if any(r.errors for r in results) or measured.errors or registered.errors:
                for number in range(len(ports)):
                    log(f"gunicorn {number + 1}:\n" + (WORK / f"gunicorn-{number + 1}.log")
                        .read_text(errors="replace")[-3000:])  # fmt: skip
    except KeyboardInterrupt:
        stop.set()
        log("interrupted; gunicorn stopped")
        return 130
    finally:
        if first_new_vote is not None:
            removed = dataset.forget_votes_after(dsn, first_new_vote)
            log(f"removed the {removed:,} vote(s) the run added; counters recounted")
        machine.empty_redis(args.broker_url)
        try:
            # Leave bench/participation's database as it was for the other benchmarks.
            django_script(HERE / "django_side.py", ROOT, env, "reset")
        except RuntimeError as error:
            log(f"could not remove the bench conferences: {error}")

    found = checks(args, results, votes, registered, registrations, measured, counts)
    print(
        report(
            args,
            info,
            ports,
            results,
            votes,
            registered,
            registrations,
            measured,
            counts,
            found,
            started,
        )  # fmt: skip
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "started": started.isoformat(),
                    "machine": info,
                    "data": built.__dict__,
                    "args": {k: str(v) for k, v in vars(args).items()},
                    "instances": args.instances,
                    "results": [
                        {
                            "scenario": r.scenario.name,
                            "label": r.scenario.label,
                            "requests": r.requests,
                            "errors": r.errors,
                            "p50_ms": r.p50,
                            "p95_ms": r.p95,
                            "p99_ms": r.p99,
                            "requests_per_s": r.rate,
                            "per_instance": [r.per_port.get(p, 0) for p in ports],
                            "target": r.scenario.target,
                            "passed": r.passed,
                        }
                        for r in results
                    ],
                    "votes": votes,
                    "registrations": {
                        "forms": registered.jobs,
                        "twice": registered.twice,
                        "accepted": registered.ok,
                        "errors": len(registered.errors),
                        "seconds": registered.seconds,
                        **registrations,
                    }
                    if registered
                    else None,
                    "confirmations": {
                        "duration_s": measured.duration,
                        "errors": len(measured.errors),
                        "counts": counts,
                    }
                    if measured
                    else None,
                    "checks": [asdict(check) for check in found],
                    "passed": all(check.passed for check in found),
                },
                indent=2,
                default=str,
            )
        )
    if args.strict and not all(check.passed for check in found):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
