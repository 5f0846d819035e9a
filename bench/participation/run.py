"""Benchmark of the online consultation (app participation) on PostgreSQL and gunicorn.

    .venv/bin/python bench/participation/run.py [--statements 30000 --comments 250000
        --votes 2000000 --duration 20 --clients 16 --keep]

Builds (or with --keep reuses) the database, serves it with gunicorn like production
(config.settings.production, DEBUG off, sync workers), and measures p50/p95 and requests per
second for the theme page, a statement page with 1,000 comments and vote POSTs, each beside
/healthz (a minimal Django view doing SELECT 1) measured in the same run. See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import signal
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from harness import dataset, load, machine  # noqa: E402
from harness.common import (  # noqa: E402
    WORK,
    csrf_tokens,
    django_env,
    log,
    participation_side,
    prepare_database,
    vote_statement_ids,
    wait_until_quiet,
)
from harness.participation_mix import THEME_SLUG, scenarios  # noqa: E402
from harness.server import Gunicorn, add_service_arguments, free_port, production_workers  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=30_000)
    parser.add_argument("--comments", type=int, default=250_000)
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--duration", type=float, default=20, help="measured seconds per scenario")
    parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds before each")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument(
        "--workers",
        type=int,
        default=production_workers(ROOT),
        help="gunicorn workers (default: as production, WEB_CONCURRENCY in the Dockerfile)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database if an earlier run built the same volume in it",
    )
    add_service_arguments(parser, db_name="stadtgespraech_bench")
    parser.add_argument(
        "--only", nargs="*", default=None, help="run only these scenarios (names in the table)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=20,
        help="requests per URL for the 'alone ms' column (one after another, in-process)",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="SECONDS",
        help="before each scenario, wait up to this long for other processes to leave the "
        "CPUs idle (< 10 %% busy)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    return parser.parse_args()


# --- Preparing ------------------------------------------------------------------------------


# --- Scenarios ------------------------------------------------------------------------------


# --- Report ---------------------------------------------------------------------------------


def report(args, info: dict, built: dataset.Built, results, queries: dict, started) -> str:
    lines = [
        f"Stadtgespräch – bench/participation, {started:%Y-%m-%d %H:%M %Z}",
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['memory']} RAM, Linux {info['kernel']}; load average at start "
        f"{info['load_average']}",
        f"Software: PostgreSQL {info['postgresql']} ("
        + ", ".join(f"{k}={v}" for k, v in sorted(info["postgresql_settings"].items()))
        + f"), Redis {info['redis']}, Python {info['python']}, Django {info['django']}, "
        f"Wagtail {info['wagtail']}, "
        f"gunicorn {info['gunicorn']} ({args.workers} sync workers), "
        "config.settings.production, DEBUG off",
        f"Code:     {info['revision']}",
        f"Data:     19 themes, {built.statements:,} statements "
        f"({THEME_SLUG}: {built.heavy_theme_statements:,}), {built.comments:,} comments "
        f"(statement {built.hot_statement}: {built.hot_comments:,}), {built.votes:,} votes, "
        f"{built.users:,} accounts",
        f"Load:     {args.clients} concurrent clients (closed loop, Python threads on the same "
        f"machine), {args.duration:g} s measured after {args.warmup:g} s warm-up per scenario",
        "",
    ]
    header = (
        f"{'scenario':<13} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'req/s':>7}  {'target':<14} result"
    )
    lines += [header, "-" * len(header)]
    for result in results:
        verdict = {None: "", True: "pass", False: "FAIL"}[result.passed]
        lines.append(
            f"{result.scenario.name:<13} {result.requests:>8,} {result.errors:>6} "
            f"{result.p50:>8.1f} {result.p95:>8.1f} {result.p99:>8.1f} {result.rate:>7.1f}  "
            f"{result.scenario.target:<14} {verdict}"
        )
    lines.append("")
    for result in results:
        lines.append(f"  {result.scenario.name:<13} {result.scenario.label}")
        if result.error_sample:
            lines.append(f"  {'':<13} first error: {result.error_sample}")
    baseline = next((r for r in results if r.scenario.name == "healthz"), None)
    if baseline and baseline.requests:
        lines.append("")
        lines.append("Beside the minimal view (/healthz, same run):")
        for r in results:
            if r is not baseline and r.requests:
                lines.append(
                    f"  {r.scenario.name:<13} p50 ×{r.p50 / baseline.p50:.1f}, "
                    f"p95 ×{r.p95 / baseline.p95:.1f}, req/s ×{r.rate / baseline.rate:.2f}"
                )

    cores = info["usable_cores"] or info["cores"] or 1
    lines += ["", "What a request costs:"]
    header = (
        f"{'scenario':<13} {'queries':>7} {'KiB':>5} {'alone ms':>9} {'CPU ms/req':>10} "
        f"{'→ req/s':>8}  {'CPU % app/db/loadgen/others':<28}"
    )
    lines += [header, "-" * len(header)]
    for result in results:
        q = queries.get(result.scenario.name, {})
        cpu = result.cpu
        per_request = capacity = None
        if cpu and result.requests:
            per_request = (
                (cpu.server + cpu.database) / 100 * cores * result.seconds * 1000 / result.requests
            )
            capacity = cores * 1000 / per_request if per_request else None
        shares = (
            f"{cpu.server:.0f}/{cpu.database:.0f}/{cpu.load:.0f}/{cpu.others:.0f}" if cpu else "?"
        )
        lines.append(
            f"{result.scenario.name:<13} {q.get('queries', ''):>7} "
            f"{result.body_bytes / 1024:>5.0f} {_num(q.get('alone_ms')):>9} "
            f"{_num(per_request):>10} {_num(capacity, 0):>8}  {shares:<28}"
        )
    lines += [
        "",
        "queries: SQL statements per request. alone ms: median of one request after another "
        "in one process (Django test client: no HTTP, no gunicorn, no concurrency). CPU ms/req: "
        "CPU time of gunicorn and PostgreSQL per request under load; → req/s: what "
        f"{cores} cores would serve at that cost if nothing else ran (an upper bound; with "
        f"{args.clients} clients the mean latency is at least {args.clients} ÷ that rate). "
        "CPU %: share of all cores during the measured window.",
    ]
    busy = [r for r in results if r.cpu and r.cpu.others > 10]
    if busy:
        lines.append(
            "WARNING: other processes used more than 10 % of the CPUs during "
            + ", ".join(r.scenario.name for r in busy)
            + "; these figures understate what the application can do on this machine."
        )
    return "\n".join(lines)


def _num(value, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


# --- Main -----------------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    started = datetime.datetime.now().astimezone()
    stop = threading.Event()

    def terminate(signum, frame):
        raise KeyboardInterrupt

    # Also SIGINT: a shell starts background jobs with it ignored, and Python then never
    # raises KeyboardInterrupt.
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    WORK.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = django_env(args, port)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    first_new_vote = None

    try:
        built = prepare_database(args, env)
        first_new_vote = dataset.last_vote_id(dsn)
        info = machine.describe(dsn)
        info["redis"] = machine.empty_redis(args.redis_url)
        info["revision"] = machine.revision(ROOT)
        dataset.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log)
        sessions = participation_side(env, "sessions", str(args.clients))
        vote_ids = vote_statement_ids(dsn)
        paths = {
            "healthz": "/healthz",
            "theme": f"/themen/{THEME_SLUG}/",
            "theme-sorted": f"/themen/{THEME_SLUG}/?sort=umstritten",
            "statement": f"/beteiligung/aussagen/{built.hot_statement}/",
            "vote": f"POST:/beteiligung/aussagen/{vote_ids[0]}/bewerten/",
        }
        if args.wait_quiet:
            wait_until_quiet(machine.CpuMeter(server_pid=None, database=args.db_name), 300)
        counted = participation_side(env, "queries", str(args.repeat), *paths.values())
        queries = {name: counted[path] for name, path in paths.items()}
        (WORK / "queries.json").write_text(json.dumps(queries, indent=2))
        log(
            "queries per request (median ms alone): "
            + ", ".join(
                f"{name} {q['queries']} ({q['alone_ms']:.1f})" for name, q in queries.items()
            )
            + f"; SQL in {WORK / 'queries.json'}"
        )

        results = []
        log(f"starting gunicorn on 127.0.0.1:{port} with {args.workers} workers")
        with Gunicorn(
            root=ROOT, env=env, port=port, workers=args.workers, log=WORK / "gunicorn.log"
        ) as server:
            meter = machine.CpuMeter(server_pid=server.pid, database=args.db_name)
            info["load_average"] = machine.load_average()
            tokens = csrf_tokens(port, sessions, built.hot_statement)
            for scenario in scenarios(built, sessions, tokens, vote_ids):
                if args.only and scenario.name not in args.only:
                    continue
                if args.wait_quiet:
                    wait_until_quiet(meter, args.wait_quiet)
                log(f"{scenario.name}: {args.warmup:g} s warm-up, {args.duration:g} s measured")
                samples = {}
                result = load.run(
                    scenario,
                    port=port,
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
                    f"{scenario.name}: {result.requests} requests, p50 {result.p50:.1f} ms, "
                    f"p95 {result.p95:.1f} ms, {result.rate:.1f}/s, {result.errors} errors"
                    + (f", others used {result.cpu.others:.0f} % CPU" if result.cpu else "")
                )
            if any(r.errors for r in results):
                log(f"gunicorn log ({server.log_path}):\n{server.tail()}")
    except KeyboardInterrupt:
        stop.set()
        log("interrupted; gunicorn stopped")
        return 130
    finally:
        if first_new_vote is not None:
            removed = dataset.forget_votes_after(dsn, first_new_vote)
            log(f"removed the {removed:,} vote(s) the run added; counters recounted")

    text = report(args, info, built, results, queries, started)
    print(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "started": started.isoformat(),
                    "machine": info,
                    "data": built.__dict__,
                    "args": {k: str(v) for k, v in vars(args).items()},
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
                            "target": r.scenario.target,
                            "passed": r.passed,
                            "queries": queries.get(r.scenario.name, {}).get("queries"),
                            "alone_ms": queries.get(r.scenario.name, {}).get("alone_ms"),
                            "cpu_percent": r.cpu.__dict__ | {"others": r.cpu.others}
                            if r.cpu
                            else None,
                        }
                        for r in results
                    ],
                },
                indent=2,
            )
        )
    if args.strict and any(r.passed is False for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
