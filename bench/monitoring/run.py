"""Benchmark of the public monitoring (issue #7, item 7): the dashboard and a key-figure page
with 9 goals, 21 fields, 120 projects, 300 key figures and ten years of monthly values, p95
≤ 150 ms through gunicorn on PostgreSQL and Redis.

    .venv/bin/python bench/monitoring/run.py [--projects 120 --key-figures 300 --years 10
        --duration 20 --clients 16 --keep --json FILE --strict]

Builds (or with --keep reuses) a database with the demo data of Dortmund topped up to that
volume, serves it with gunicorn as production does, and measures the dashboard and the page
of a key figure drawn at random, next to /healthz. Reuses bench/participation's gunicorn,
load generator, machine report and environment. See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import dataset, load, machine  # noqa: E402
from harness.common import WORK, django_env, log  # noqa: E402
from harness.server import (  # noqa: E402
    Gunicorn,
    add_service_arguments,
    django_script,
    free_port,
    production_workers,
)

TARGET_P95_MS = 150


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=120)
    parser.add_argument("--key-figures", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=production_workers(ROOT))
    parser.add_argument("--keep", action="store_true", help="reuse the database if it exists")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--strict", action="store_true")
    add_service_arguments(parser, db_name="stadtgespraech_bench_monitoring")
    args = parser.parse_args()

    port = free_port()
    env = django_env(args, port)
    admin = dataset.server_dsn(args.db_host, args.db_port, args.db_user)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    script = HERE / "django_side.py"
    if not (args.keep and dataset.database_exists(admin, args.db_name)):
        log(f"creating database {args.db_name}")
        dataset.recreate_database(admin, args.db_name)
        dataset.manage(env, "migrate", "--noinput", log=log)
        dataset.manage(env, "demo_data", "--force", log=log)
    else:
        dataset.manage(env, "migrate", "--noinput", log=log)
    started = time.monotonic()
    built = django_script(
        script, ROOT, env, "build", str(args.projects), str(args.key_figures), str(args.years)
    )
    log(
        f"{built['projects']} projects, {built['key_figures']} key figures, "
        f"{built['values']:,} values in {time.monotonic() - started:.0f} s"
    )
    dataset.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log)
    ids = built["key_figure_ids"]
    counted = django_script(
        script, ROOT, env, "queries", "/monitoring/", f"/monitoring/kennzahlen/{ids[0]}/"
    )
    info = machine.describe(dsn)
    machine.empty_redis(args.redis_url)

    def get(path_of):
        return lambda client, rng: ("GET", path_of(rng), None, {})

    scenarios = [
        load.Scenario("healthz", "minimal Django view: GET /healthz", get(lambda rng: "/healthz")),
        load.Scenario(
            "dashboard",
            "dashboard: GET /monitoring/",
            get(lambda rng: "/monitoring/"),
            target=f"p95 ≤ {TARGET_P95_MS} ms",
            check=lambda r: r.p95 <= TARGET_P95_MS,
        ),
        load.Scenario(
            "key-figure",
            "key-figure page (random of all): GET /monitoring/kennzahlen/<id>/",
            get(lambda rng: f"/monitoring/kennzahlen/{rng.choice(ids)}/"),
            target=f"p95 ≤ {TARGET_P95_MS} ms",
            check=lambda r: r.p95 <= TARGET_P95_MS,
        ),
    ]
    stop = threading.Event()
    results = []
    with Gunicorn(
        root=ROOT, env=env, port=port, workers=args.workers, log=WORK / "monitoring.log"
    ) as server:
        info["load_average"] = machine.load_average()
        # A running site has seen its pages: each is built once and then served from the
        # cache until its key figure gets a new value. So every page is visited once first;
        # how long building one takes is printed separately.
        builds = []
        for figure_id in ids:
            started_at = time.perf_counter()
            status, _headers, _body = load.one_request(
                port, ("GET", f"/monitoring/kennzahlen/{figure_id}/", None, {})
            )
            builds.append(time.perf_counter() - started_at)
            if status != 200:
                raise SystemExit(f"/monitoring/kennzahlen/{figure_id}/ answered {status}")
        builds.sort()
        info["page_build_ms"] = {
            "p50": builds[len(builds) // 2] * 1000,
            "p95": builds[int(len(builds) * 0.95)] * 1000,
        }
        log(
            f"every key-figure page built once: p50 {info['page_build_ms']['p50']:.0f} ms, "
            f"p95 {info['page_build_ms']['p95']:.0f} ms (one client, nothing else running)"
        )
        for scenario in scenarios:
            log(f"{scenario.name}: {args.warmup:g} s warm-up, {args.duration:g} s measured")
            result = load.run(
                scenario,
                port=port,
                clients=args.clients,
                duration=args.duration,
                warmup=args.warmup,
                stop=stop,
            )
            results.append(result)
            if result.errors:
                log(f"errors: {result.error_sample}\n{server.tail()}")
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Stadtgespräch – bench/monitoring, {now}")
    print(
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable),"
        f" {info['memory']} RAM; PostgreSQL {info['postgresql']}; gunicorn {args.workers}"
        f" workers, {args.clients} clients; load average at start {info['load_average']}"
    )
    print(f"Code:     {machine.revision(ROOT)}")
    print(
        f"Data:     {built['goals']} goals, {built['fields']} fields, {built['projects']}"
        f" projects, {built['key_figures']} key figures, {built['values']:,} values"
        f" ({args.years} years monthly)"
    )
    print(
        "Queries:  "
        + ", ".join(f"{path} {q['queries']}" for path, q in counted.items())
        + " (served from the cache; building a page costs a few more)"
    )
    print(
        "Building: a key-figure page alone, before it is cached:"
        f" p50 {info['page_build_ms']['p50']:.0f} ms, p95 {info['page_build_ms']['p95']:.0f} ms"
    )
    print()
    print(f"{'scenario':<70} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>7}  target")
    print("-" * 118)
    passed = True
    for result in results:
        ok = result.passed
        passed = passed and ok is not False
        print(
            f"{result.scenario.label:<70} {result.p50:8.1f} {result.p95:8.1f}"
            f" {result.rate:8.1f} {result.errors:7d}  {result.scenario.target}"
            + ("" if ok is None else (" pass" if ok else " FAIL"))
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "at": now,
                    "machine": info,
                    "built": {k: v for k, v in built.items() if k != "key_figure_ids"},
                    "queries": counted,
                    "target_p95_ms": TARGET_P95_MS,
                    "passed": passed,
                    "results": {
                        r.scenario.name: {
                            "p50": r.p50,
                            "p95": r.p95,
                            "rate": r.rate,
                            "errors": r.errors,
                        }
                        for r in results
                    },
                },
                indent=2,
            )
        )
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
