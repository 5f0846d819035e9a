"""Every benchmark in bench/, one after another, and one table of what they measured.

    make bench                                   # all of them, the volumes the issues name
    .venv/bin/python bench/all.py --only konferenzen monitoring
    .venv/bin/python bench/all.py --fresh        # rebuild the databases instead of reusing them
    .venv/bin/python bench/all.py --quick        # small volumes, seconds per scenario: checks
                                                 # that everything runs; the figures mean nothing

Checks first that PostgreSQL and Redis answer. Runs each benchmark's run.py with --json,
its output in a log file, and prints one table: figure, target, measured, met, with the
machine and the load at the start of each benchmark. The table is also added, newest first,
to bench/RESULTS.md (with --quick to a file in the temporary folder). Exit status 1 when a
target is missed or a benchmark fails, 2 when PostgreSQL or Redis does not answer.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(1, str(BENCH))

from harness import machine  # noqa: E402

RESULTS = BENCH / "RESULTS.md"
WORK = Path(tempfile.gettempdir()) / "stadtgespraech-bench-all"
MARKER = "<!-- make bench: newest run below this line -->"

# The databases bench/participation builds and the others reuse: small ones for --quick, so
# that a quick run never replaces the full volume.
QUICK_VOLUME = ["--statements", "2000", "--comments", "5000", "--votes", "50000"]
QUICK_DB = ["--db-name", "stadtgespraech_bench_quick"]
QUICK_LOAD = ["--duration", "3", "--warmup", "1"]


@dataclass
class Bench:
    name: str
    script: str
    args: list[str]
    quick: list[str]
    keep: bool  # the script reuses its database with --keep
    what: str


BENCHES = [
    Bench(
        "participation",
        "participation/run.py",
        [],
        [*QUICK_VOLUME, *QUICK_DB, *QUICK_LOAD],
        True,
        "theme page, statement page, votes through gunicorn (issue #3)",
    ),
    Bench(
        "ratsvorlage",
        "ratsvorlage/run.py",
        [],
        [*QUICK_VOLUME, *QUICK_DB],
        True,
        "council paper compiled in all formats (issue #6)",
    ),
    Bench(
        "search",
        "search/run.py",
        [],
        [*QUICK_VOLUME, *QUICK_DB, *QUICK_LOAD, "--repeat", "1"],
        True,
        "site search through gunicorn, common and rare German words (issue #15)",
    ),
    Bench(
        "scaleout",
        "scaleout/run.py",
        [],
        [
            *QUICK_VOLUME,
            *QUICK_DB,
            *QUICK_LOAD,
            "--people",
            "100",
            "--capacity",
            "30",
            "--conference-clients",
            "20",
        ],
        True,
        "two gunicorn instances sharing PostgreSQL and Redis (issue #8)",
    ),
    Bench(
        "konferenzen",
        "konferenzen/run.py",
        [],
        ["--registrations", "200", "--capacity", "60", "--clients", "20", "--repeat", "3"],
        False,
        "1,000 parallel confirmations for 300 seats (issue #4)",
    ),
    Bench(
        "monitoring",
        "monitoring/run.py",
        [],
        [
            "--projects",
            "30",
            "--key-figures",
            "60",
            "--years",
            "2",
            *QUICK_LOAD,
            "--db-name",
            "stadtgespraech_bench_monitoring_quick",
        ],
        True,
        "dashboard and key-figure pages (issue #7)",
    ),
    Bench(
        "opinion_groups",
        "opinion_groups/run.py",
        ["--database"],
        ["--participants", "500", "--statements", "100", "--votes-each", "20", "--repeat", "1"],
        False,
        "opinion groups of 100,000 votes, grouping and the stored task (issue #5)",
    ),
]


@dataclass
class Row:
    bench: str
    figure: str
    target: str
    measured: str
    met: bool | None  # None: no target (for comparison only)


@dataclass
class Outcome:
    bench: Bench
    seconds: float = 0.0
    load: str = ""
    started: str = ""
    rows: list[Row] = field(default_factory=list)
    error: str = ""
    log: Path | None = None


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [bench.name for bench in BENCHES]
    parser.add_argument("--only", nargs="+", choices=names, help="run only these benchmarks")
    parser.add_argument("--fresh", action="store_true", help="rebuild the databases")
    parser.add_argument(
        "--quick", action="store_true", help="small volumes and short runs (figures meaningless)"
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help=f"Markdown file the table is added to (default {RESULTS.relative_to(ROOT)}; with "
        "--quick a file in the temporary folder)",
    )
    parser.add_argument("--db-host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--db-port", type=int, default=int(os.environ.get("PGPORT", "5432")))
    parser.add_argument("--db-user", default=os.environ.get("PGUSER", "postgres"))
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    args = parser.parse_args()
    if args.results is None:
        args.results = WORK / "RESULTS-quick.md" if args.quick else RESULTS
    return args


# --- Before anything: are the services there? --------------------------------------------------


def services_answer(args) -> str:
    """'' when PostgreSQL and Redis answer, else what to do about it, in plain words."""
    import psycopg
    import redis

    problems = []
    try:
        with psycopg.connect(
            host=args.db_host, port=args.db_port, user=args.db_user, dbname="postgres",
            connect_timeout=5,
        ) as conn:  # fmt: skip
            can_create = conn.execute(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()[0]
        if not can_create:
            problems.append(
                f"PostgreSQL user {args.db_user} may not create databases; the benchmarks "
                "build their own (stadtgespraech_bench…). Use a user with CREATEDB (--db-user)."
            )
    except psycopg.Error as error:
        problems.append(
            f"PostgreSQL does not answer at {args.db_host}:{args.db_port} as user "
            f"{args.db_user}: {str(error).strip()}\n  Start it (e.g. `pg_ctlcluster 15 main "
            "start`), or point the benchmarks at it with PGHOST, PGPORT, PGUSER."
        )
    client = redis.Redis.from_url(args.redis_url, socket_connect_timeout=5)
    try:
        client.ping()
    except redis.exceptions.RedisError as error:
        problems.append(
            f"Redis does not answer at {args.redis_url}: {error}\n  Start it (e.g. "
            "`redis-server --daemonize yes`), or set BENCH_REDIS_URL."
        )
    finally:
        client.close()
    return "\n".join(problems)


def describe_machine(args) -> dict:
    import redis

    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname=postgres"
    info = machine.describe(dsn)
    client = redis.Redis.from_url(args.redis_url)
    try:
        info["redis"] = client.info("server")["redis_version"]
    finally:
        client.close()
    info["revision"] = machine.revision(ROOT)
    info["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return info


def machine_line(info: dict) -> str:
    return (
        f"{info['cpu']}, {info['usable_cores'] or info['cores']} cores, {info['memory']} RAM; "
        f"PostgreSQL {info['postgresql'].split()[0]}, Redis {info['redis']}, "
        f"Python {info['python']}, Django {info['django']}, Wagtail {info['wagtail']}, "
        f"gunicorn {info['gunicorn']}; commit {info['revision']}; {info['date']}"
    )


# --- Running one benchmark ------------------------------------------------------------------------


def run(bench: Bench, args) -> Outcome:
    outcome = Outcome(bench=bench, load=machine.load_average())
    outcome.started = time.strftime("%H:%M")
    result_file = WORK / f"{bench.name}.json"
    result_file.unlink(missing_ok=True)
    outcome.log = WORK / f"{bench.name}.log"
    command = [sys.executable, str(BENCH / bench.script), *bench.args]
    if args.quick:
        command += bench.quick
    if bench.keep and not args.fresh:
        command.append("--keep")
    command += ["--json", str(result_file)]
    if bench.name != "opinion_groups":  # it names its server arguments differently
        command += ["--db-host", args.db_host, "--db-port", str(args.db_port)]
        command += ["--db-user", args.db_user, "--redis-url", args.redis_url]
    else:
        command += ["--pg-host", args.db_host, "--pg-port", str(args.db_port)]
        command += ["--pg-user", args.db_user]
    started = time.monotonic()
    with outcome.log.open("w") as output:
        output.write("$ " + " ".join(command) + "\n\n")
        output.flush()
        finished = subprocess.run(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    outcome.seconds = time.monotonic() - started
    if finished.returncode != 0 or not result_file.exists():
        tail = outcome.log.read_text(errors="replace").splitlines()[-15:]
        outcome.error = f"exit status {finished.returncode}; last lines of {outcome.log}:\n" + (
            "\n".join(f"    {line}" for line in tail)
        )
        return outcome
    outcome.rows = ROWS[bench.name](json.loads(result_file.read_text()))
    return outcome


# --- What each benchmark's JSON says, as rows -----------------------------------------------------


def _ms(value: float) -> str:
    return f"{value:,.1f} ms"


def participation_rows(data: dict, prefix: str = "") -> list[Row]:
    rows = []
    for result in data["results"]:
        rate = result["target"].startswith("≥") or result["scenario"] == "vote"
        measured = (
            f"{result['requests_per_s']:,.0f} req/s" if rate else f"p95 {_ms(result['p95_ms'])}"
        )
        if result["errors"]:
            measured += f", {result['errors']} errors"
        rows.append(
            Row(
                "scaleout" if prefix else "participation",
                prefix + result["label"],
                result["target"] or "– (baseline)",
                measured,
                result["passed"],
            )
        )
    return rows


def ratsvorlage_rows(data: dict) -> list[Row]:
    return [
        Row(
            "ratsvorlage",
            f"council paper compiled, all formats (PDF {data['pdf_pages']} pages, DOCX, HTML) "
            f"from {data['built']['statements']:,} statements, {data['built']['votes']:,} votes",
            f"≤ {data['target_s']:.0f} s",
            f"{data['total_seconds']:.1f} s",
            data["passed"],
        )
    ]


def konferenzen_rows(data: dict) -> list[Row]:
    people = data["args"]["registrations"]
    seats = data["args"]["capacity"]
    return [
        Row(
            "konferenzen",
            f"{people:,} parallel confirmations for {seats:,} seats: {check['name']}",
            check["target"],
            check["measured"],
            check["passed"],
        )
        for check in data["checks"]
    ]


def monitoring_rows(data: dict) -> list[Row]:
    labels = {
        "healthz": "monitoring: /healthz (baseline)",
        "dashboard": "monitoring dashboard /monitoring/",
        "key-figure": "key-figure page (random of all)",
    }
    target = data.get("target_p95_ms", 150)
    rows = []
    for name, result in data["results"].items():
        measured = f"p95 {_ms(result['p95'])}, {result['rate']:,.0f} req/s"
        if result["errors"]:
            measured += f", {result['errors']} errors"
        baseline = name == "healthz"
        rows.append(
            Row(
                "monitoring",
                labels.get(name, name),
                "–" if baseline else f"p95 ≤ {target} ms",
                measured,
                None if baseline else (result["p95"] <= target and not result["errors"]),
            )
        )
    return rows


def opinion_groups_rows(data: dict) -> list[Row]:
    target = data.get("target_s", 60.0)
    worst = max(data["seconds"]["whole"])
    rows = [
        Row(
            "opinion_groups",
            f"opinion groups of {data['votes']:,} votes (PCA, k-means; k = {data['k']}, "
            f"ARI {data['adjusted_rand_index']:.3f}), worst of {len(data['seconds']['whole'])}",
            f"< {target:.0f} s",
            f"{worst:.2f} s",
            worst < target,
        )
    ]
    task = data.get("task_seconds_on_postgres")
    if task:
        rows.append(
            Row(
                "opinion_groups",
                "the stored task on PostgreSQL (read votes, group, similar statements, store)",
                f"< {target:.0f} s",
                f"{max(task):.2f} s",
                max(task) < target,
            )
        )
    return rows


def search_rows(data: dict) -> list[Row]:
    target = data.get("target_p95_ms", 150)
    labels = {"healthz": "search: /healthz (baseline)"}
    rows = []
    for name, result in data["results"].items():
        measured = f"p95 {_ms(result['p95'])}, {result['rate']:,.0f} req/s"
        if result["errors"]:
            measured += f", {result['errors']} errors"
        # The baseline and the worst case are for comparison.
        compared = name in ("healthz", "search-common-cold")
        rows.append(
            Row(
                "search",
                labels.get(name, result["label"]),
                "–" if compared else f"p95 ≤ {target} ms",
                measured,
                None if compared else (result["p95"] <= target and not result["errors"]),
            )
        )
    return rows


def scaleout_rows(data: dict) -> list[Row]:
    instances = data["instances"]
    rows = participation_rows(data, prefix=f"{instances} instances: ")
    checks = {check["name"]: check for check in data["checks"]}
    votes = data.get("votes")
    if votes:
        # The accounting checks; the scenario ones ("…, 2 instances") have their own rows.
        vote_checks = [
            c
            for name, c in checks.items()
            if name.startswith(("vote", "accounts", "statements")) and "instances" not in name
        ]
        rows.append(
            Row(
                "scaleout",
                f"{instances} instances: votes lost / doubled / other than the last choice / "
                f"nobody sent, of {votes['checked_pairs']:,} (account, statement) pairs, "
                f"{votes['repeated_pairs']} changed on alternating instances; statements with "
                "counters unlike their votes",
                "0 / 0 / 0 / 0; 0",
                f"{votes['lost']} / {votes['doubled']} / {votes['wrong_choice']} / "
                f"{votes['phantom']}; {votes['counters_off']}",
                all(c["passed"] for c in vote_checks),
            )
        )
    registrations = data.get("registrations")
    if registrations:
        rows.append(
            Row(
                "scaleout",
                f"{instances} instances: registrations through the form, page from one, form to "
                f"the other ({registrations['forms']:,} forms, {registrations['twice']} sent "
                "twice at once): stored once per person",
                f"= {registrations['forms'] - registrations['twice']:,}",
                f"{registrations['registrations']:,} for {registrations['addresses']:,} "
                f"addresses, {registrations['accepted']:,} forms accepted",
                checks["registration forms accepted"]["passed"]
                and checks["registrations stored (one per person)"]["passed"],
            )
        )
    confirmations = data.get("confirmations")
    if confirmations:
        duration = checks["confirmations: first POST → last response"]
        rows.append(
            Row(
                "scaleout",
                f"{instances} instances: confirmations, first POST → last response",
                duration["target"],
                duration["measured"],
                duration["passed"],
            )
        )
        counts = confirmations["counts"]
        rows.append(
            Row(
                "scaleout",
                f"{instances} instances: confirmed = seats, confirmed + waiting = confirmations "
                "answered, no duplicates",
                f"{checks['confirmed']['target']}; "
                f"{checks['confirmed + waiting = confirmations answered']['target']}; = 0",
                f"{counts['confirmed']:,}; {counts['confirmed'] + counts['waiting']:,}; "
                f"{counts['duplicate_emails']}",
                checks["confirmed"]["passed"]
                and checks["confirmed + waiting = confirmations answered"]["passed"]
                and checks["duplicate registrations"]["passed"],
            )
        )
    return rows


ROWS = {
    "participation": participation_rows,
    "ratsvorlage": ratsvorlage_rows,
    "konferenzen": konferenzen_rows,
    "monitoring": monitoring_rows,
    "opinion_groups": opinion_groups_rows,
    "scaleout": scaleout_rows,
    "search": search_rows,
}


# --- The table ------------------------------------------------------------------------------------


def verdict(met: bool | None) -> str:
    return {True: "yes", False: "**NO**", None: "–"}[met]


def table(outcomes: list[Outcome], info: dict, args, seconds: float) -> str:
    quick = " – QUICK RUN (small volumes, short scenarios): the figures are not the issues'" * (
        args.quick
    )
    lines = [
        f"## {info['date']}, commit {info['revision']}{quick}",
        "",
        f"Machine: {machine_line(info)}. `make bench` took {seconds / 60:.0f} min.",
        "",
        "| benchmark (start, load average) | figure | target | measured | met |",
        "|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        run_label = (
            f"{outcome.bench.name} ({outcome.started}, {outcome.load.split()[0]}, "
            f"{outcome.seconds / 60:.1f} min)"
        )
        if outcome.error:
            lines.append(f"| {run_label} | {outcome.bench.what} | – | did not finish | **NO** |")
            continue
        for row in outcome.rows:
            cells = [run_label, row.figure, row.target, row.measured, verdict(row.met)]
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    missed = [row for o in outcomes for row in o.rows if row.met is False]
    failed = [o for o in outcomes if o.error]
    lines.append("")
    if not missed and not failed:
        lines.append("Every target met.")
    else:
        lines.append(
            f"{len(missed)} target(s) missed"
            + (f", {len(failed)} benchmark(s) did not finish" if failed else "")
            + ". Logs: "
            + ", ".join(f"`{o.log}`" for o in outcomes if o.log)
        )
    return "\n".join(lines)


def record(path: Path, text: str) -> None:
    """Add the run to the results file, newest first, keeping every earlier run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        old = path.read_text()
    else:
        old = f"# Results of `make bench`\n\nNewest first; written by bench/all.py.\n\n{MARKER}\n"
    if MARKER not in old:
        old = old.rstrip("\n") + f"\n\n{MARKER}\n"
    head, tail = old.split(MARKER, 1)
    path.write_text(f"{head}{MARKER}\n\n{text}\n{tail}")


def main() -> int:
    args = parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    problem = services_answer(args)
    if problem:
        print(f"make bench: cannot run.\n{problem}", file=sys.stderr)
        return 2
    info = describe_machine(args)
    chosen = [bench for bench in BENCHES if not args.only or bench.name in args.only]
    log(
        f"{len(chosen)} benchmark(s){' (quick)' if args.quick else ''}; each one's output in "
        f"{WORK}/<name>.log"
    )
    started = time.monotonic()
    outcomes = []
    for number, bench in enumerate(chosen, start=1):
        log(f"{number}/{len(chosen)} {bench.name}: {bench.what}")
        try:
            outcome = run(bench, args)
        except KeyboardInterrupt:
            log("interrupted")
            return 130
        outcomes.append(outcome)
        if outcome.error:
            log(f"{bench.name} did not finish ({outcome.seconds / 60:.1f} min): {outcome.error}")
        else:
            missed = sum(1 for row in outcome.rows if row.met is False)
            log(
                f"{bench.name}: {outcome.seconds / 60:.1f} min, "
                + (f"{missed} target(s) missed" if missed else "targets met")
            )
    text = table(outcomes, info, args, time.monotonic() - started)
    print(text)
    record(args.results, text)
    log(f"table added to {args.results}")
    failed = any(o.error for o in outcomes) or any(
        row.met is False for o in outcomes for row in o.rows
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
