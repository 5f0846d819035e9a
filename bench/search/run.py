"""Benchmark of the site search (issue #15, item 3): /suche/ through gunicorn on PostgreSQL
at the participation benchmark's volume – 30,000 statements, 250,000 comments – with a mix of
common and rare German words, inflected forms, two-word queries and words found nowhere;
p95 ≤ 150 ms at 16 concurrent clients.

    .venv/bin/python bench/search/run.py [--keep] [--duration 20 --clients 16]
        [--json FILE --strict]

Builds (or with --keep reuses) bench/participation's database, serves it with gunicorn as
production does, and measures a random query of the mix per request, then the common words
alone, beside /healthz. Prints for every query what it matches, how PostgreSQL reads the
statements and comments for it, its SQL statements and its time alone. See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import dataset, load, machine  # noqa: E402
from harness.common import (  # noqa: E402
    WORK,
    django_env,
    log,
    participation_side,
    prepare_database,
)
from harness.server import (  # noqa: E402
    Gunicorn,
    add_service_arguments,
    django_script,
    free_port,
    production_workers,
)

TARGET_P95_MS = 150

# What people type, from the vocabulary of the demo statements that bench/participation
# repeats up to 30,000, and of its generated comments. The share of statements (of
# comments) each matches is printed with the results.
COMMON = ["Dortmund", "2030", "Stadtteil", "Menschen", "Quartiere"]
TOPICS = [
    "Radweg",
    "Radwege",
    "Bus",
    "Ladepunkte",
    "Schulen",
    "Wohnungen",
    "Klimaschutz",
    "Spielplätze",
    "Bäume",
    "Innenstadt",
    "Kinder",
    "Jugendliche",
    "Verkehr",
]
RARE = ["Promenade", "Reallabore"]
PHRASES = ["sichere Radwege", "bezahlbare Wohnungen", "Kinder Schule"]
NOWHERE = ["Seilbahn", "Hafenfähre"]
# Beyond the first page of results: one kind's later pages, a theme, the English interface.
BROWSING = [
    ("Radwege", {"kind": "aussagen", "page": "3"}),
    ("Stadtteil", {"kind": "kommentare", "page": "5"}),
    ("Bus", {"theme": "mobilitaet"}),
    ("Wohnungen", {"kind": "aussagen", "theme": "wohnen"}),
]


def search_path(words: str, extra: dict | None = None, *, english: bool = False) -> str:
    return ("/en" if english else "") + "/suche/?" + urlencode({"q": words, **(extra or {})})


def mix() -> list[str]:
    paths = [search_path(words) for words in COMMON + TOPICS + RARE + PHRASES + NOWHERE]
    paths += [search_path(words, extra) for words, extra in BROWSING]
    paths.append(search_path("Wohnungen", english=True))
    return paths


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=30_000)
    parser.add_argument("--comments", type=int, default=250_000)
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--duration", type=float, default=20, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds before")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=production_workers(ROOT))
    parser.add_argument("--repeat", type=int, default=5, help="requests per query, alone")
    parser.add_argument("--keep", action="store_true", help="reuse the database if it fits")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    add_service_arguments(parser, db_name="stadtgespraech_bench")
    return parser.parse_args()


def settle(dsn: str) -> None:
    """The tables as a running site has them: a database built before the search existed got
    its vectors from the migration, which rewrote every row; VACUUM ANALYZE clears that and
    gives the planner the statistics of the vectors."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        for table in ("participation_statement", "participation_comment", "participation_proposal"):
            conn.execute(f"VACUUM ANALYZE {table}")


def main() -> int:
    args = parse_args()
    port = free_port()
    env = django_env(args, port)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    started = time.monotonic()
    built = prepare_database(args, env)
    step = time.monotonic()
    settle(dsn)
    log(f"database ready in {step - started:.0f} s; VACUUM ANALYZE {time.monotonic() - step:.0f} s")
    dataset.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log)

    paths = mix()
    words = list(dict.fromkeys(COMMON + TOPICS + RARE + PHRASES + NOWHERE))
    matched = django_script(HERE / "django_side.py", ROOT, env, "matches", *words)
    # Each query's own cost: nothing kept, every request searches.
    counted = participation_side(
        {**env, "SEARCH_CACHE_SECONDS": "0"}, "queries", str(args.repeat), *paths
    )
    bad = {path: q["status"] for path, q in counted.items() if q["status"] != 200}
    if bad:
        raise SystemExit(f"search pages answered otherwise than 200: {bad}")
    info = machine.describe(dsn)
    machine.empty_redis(args.redis_url)

    common_paths = [search_path(words) for words in COMMON]

    def get(choices):
        return lambda _client, rng: ("GET", rng.choice(choices), None, {"Accept": "text/html"})

    def cold(choices):
        # A parameter the form ignores makes each address new: nothing kept can answer it.
        return lambda _client, rng: (
            "GET",
            f"{rng.choice(choices)}&new={rng.getrandbits(48)}",
            None,
            {"Accept": "text/html"},
        )

    target = f"p95 ≤ {TARGET_P95_MS} ms"
    scenarios = [
        load.Scenario("healthz", "minimal Django view: GET /healthz", get(["/healthz"])),
        load.Scenario(
            "search",
            f"search, a random one of {len(paths)} queries (repeats kept 60 s, as on the site)",
            get(paths),
            target=target,
            check=lambda r: r.p95 <= TARGET_P95_MS,
        ),
        load.Scenario(
            "search-cold",
            f"search, the same {len(paths)} queries, each a new address (nothing kept)",
            cold(paths),
            target=target,
            check=lambda r: r.p95 <= TARGET_P95_MS,
        ),
        # The worst case, for comparison: no target of its own.
        load.Scenario(
            "search-common-cold",
            f"search, the {len(common_paths)} most common words, nothing kept (worst case)",
            cold(common_paths),
        ),
    ]
    stop = threading.Event()
    results = []
    with Gunicorn(
        root=ROOT, env=env, port=port, workers=args.workers, log=WORK / "search.log"
    ) as server:
        info["load_average"] = machine.load_average()
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
            log(f"{scenario.name}: p50 {result.p50:.1f} ms, p95 {result.p95:.1f} ms")
            if result.errors:
                log(f"errors: {result.error_sample}\n{server.tail()}")

    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Stadtgespräch – bench/search, {now}")
    print(
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable),"
        f" {info['memory']} RAM; PostgreSQL {info['postgresql']}; gunicorn {args.workers}"
        f" workers, {args.clients} clients; load average at start {info['load_average']}"
    )
    print(f"Code:     {machine.revision(ROOT)}")
    print(
        f"Data:     {built.statements:,} statements, {built.comments:,} comments,"
        f" {built.votes:,} votes, {built.users:,} accounts"
    )
    print()
    print(f"{'query':<24} {'statements':>10} {'comments':>9} {'pages':>6} {'strategy':>8}"
          f" {'SQL':>4} {'alone ms':>9}  statements read by")  # fmt: skip
    print("-" * 118)
    for text in words:
        counts = matched[text]["counts"]
        cost = counted[search_path(text)]

        def shown(kind, counts=counts):
            number = counts.get(kind, 0)
            return "1,000+" if number > 1000 else f"{number:,}"

        print(
            f"{text:<24} {shown('aussagen'):>10} {shown('kommentare'):>9} {shown('seiten'):>6}"
            f" {shown('strategie'):>8} {cost['queries']:>4} {cost['alone_ms']:>9.1f}"
            f"  {matched[text]['plans'].get('aussagen', '')}"
        )
    for path in paths:
        if path not in {search_path(text) for text in words}:
            cost = counted[path]
            print(f"{path:<60} {cost['queries']:>4} SQL, {cost['alone_ms']:.1f} ms alone")
    print()
    print(f"{'scenario':<62} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>7}  target")
    print("-" * 110)
    passed = True
    for result in results:
        ok = result.passed
        passed = passed and ok is not False
        print(
            f"{result.scenario.label:<62} {result.p50:8.1f} {result.p95:8.1f}"
            f" {result.rate:8.1f} {result.errors:7d}  {result.scenario.target}"
            + ("" if ok is None else (" pass" if ok else " FAIL"))
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "at": now,
                    "machine": info,
                    "built": built.__dict__,
                    "queries": {
                        path: {k: v for k, v in q.items() if k != "sql"}
                        for path, q in counted.items()
                    },
                    "matches": matched,
                    "target_p95_ms": TARGET_P95_MS,
                    "passed": passed,
                    "results": {
                        r.scenario.name: {
                            "label": r.scenario.label,
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
