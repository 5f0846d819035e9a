"""What every benchmark does the same way: log, the environment of the Django processes, the
database built by bench/participation (built once, reused with --keep), signed-in sessions with
their CSRF tokens, plain HTTP requests, percentiles, and waiting for a quiet machine."""

from __future__ import annotations

import http.client
import os
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from . import dataset, load, machine
from .server import django_script

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
WORK = Path(tempfile.gettempdir()) / "stadtgespraech-bench"
SESSION_COOKIE = "sessionid"
CSRF_COOKIE = "csrftoken"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def django_env(args, port: int) -> dict:
    env = dict(os.environ)
    for name in ("DEBUG", "CELERY_BROKER_URL", "EMAIL_HOST", "DATABASE_CONN_MAX_AGE"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DATABASE_URL": dataset.database_url(
                args.db_host, args.db_port, args.db_user, args.db_name
            ),
            "SECRET_KEY": "bench-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "BASE_URL": f"http://127.0.0.1:{port}",
            # Plain HTTP on loopback: no redirect to https, no HSTS.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "REDIS_URL": args.redis_url,
            "STATIC_ROOT": str(WORK / "static"),
            "MEDIA_ROOT": str(WORK / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # The load comes from a few bench accounts on one address (127.0.0.1), at hundreds
            # of requests a second: the per-account and per-address limits on votes and
            # conference registrations (issue #8, rate limits) would refuse most of it. The
            # benchmarks measure the work behind the limits, so they lift them: they stay on
            # (each vote is still counted in Redis, as in production) but out of reach.
            "PARTICIPATION_VOTES_PER_MINUTE": "1000000",
            "KONFERENZEN_REGISTRATIONS_PER_ADDRESS_PER_HOUR": "1000000",
            "KONFERENZEN_REGISTRATIONS_PER_IP_PER_HOUR": "1000000",
        }
    )
    return env


def prepare_database(args, env: dict) -> dataset.Built:
    admin = dataset.server_dsn(args.db_host, args.db_port, args.db_user)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    wanted = dataset.Volume(args.statements, args.comments, args.votes)
    if args.keep and dataset.database_exists(admin, args.db_name):
        built = dataset.recorded_volume(dsn)
        if built and (built.statements, built.comments, built.votes) == (
            wanted.statements,
            wanted.comments,
            wanted.votes,
        ):
            log(f"reusing database {args.db_name} (built in {built.seconds:.0f} s)")
            # The code may have new migrations since the database was built.
            dataset.manage(env, "migrate", "--noinput", log=log)
            return built
        log(f"database {args.db_name} holds another volume: rebuilding")
    log(f"creating database {args.db_name}")
    dataset.recreate_database(admin, args.db_name)
    dataset.manage(env, "migrate", "--noinput", log=log)
    dataset.manage(env, "demo_data", "--force", log=log)
    return dataset.build(dsn, wanted, min_users=args.clients, log=log)


def participation_side(env: dict, *args: str) -> object:
    """bench/participation/django_side.py (bench accounts and their sessions, counts)."""
    return django_script(BENCH / "participation" / "django_side.py", ROOT, env, *args)


def vote_statement_ids(dsn: str) -> list[int]:
    """Statements open to votes: published, of stage 3 (the demo process's open consultation)."""
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT id FROM participation_statement WHERE stage = 3 AND state = 'published'"
        ).fetchall()
    return [row[0] for row in rows]


def csrf_tokens(port: int, sessions: list[dict], statement: int) -> list[str]:
    """A signed-in GET of a page with forms sets the CSRF cookie, as in a browser."""
    tokens = []
    for entry in sessions:
        status, cookies, body = load.one_request(
            port,
            (
                "GET",
                f"/beteiligung/aussagen/{statement}/",
                None,
                {"Cookie": f"{SESSION_COOKIE}={entry['session']}"},
            ),
        )
        token = next(
            (
                cookie.split(";", 1)[0].split("=", 1)[1]
                for cookie in cookies
                if cookie.startswith(f"{CSRF_COOKIE}=")
            ),
            None,
        )
        if status != 200 or not token:
            raise RuntimeError(f"no CSRF cookie from the statement page ({status}): {body[:300]!r}")
        if f'id="vote-reason-{statement}"'.encode() in body:
            raise RuntimeError(
                "the statement page offers no vote to a signed-in bench account: is stage 3's "
                "consultation still open? Rebuild the database (run without --keep)."
            )
        tokens.append(token)
    return tokens


def wait_until_quiet(meter: machine.CpuMeter, limit: float, *, threshold: float = 10) -> None:
    """Wait (up to `limit` seconds) until other processes leave the CPUs alone."""
    deadline = time.monotonic() + limit
    while True:
        share = meter.quiet_share(2.0)
        if share is None or share.others <= threshold:
            return
        if time.monotonic() >= deadline:
            log(f"other processes still use {share.others:.0f} % of the CPUs; measuring anyway")
            return
        log(f"other processes use {share.others:.0f} % of the CPUs; waiting")
        time.sleep(8)


def http_request(port: int, method: str, path: str, body=None, headers=None, *, timeout=120):
    """One request on a connection of its own: (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.msg, response.read()
    finally:
        conn.close()


def percentile(values: list[float], share: float) -> float:
    """Nearest rank of durations in seconds, in milliseconds (as load.Result)."""
    return load.Result(scenario=None, latencies=values).percentile(share)


def percentiles(values: list[float]) -> tuple[float, float, float, float]:
    """p50, p95, p99 and the maximum of durations in seconds, in milliseconds."""
    return (
        percentile(values, 0.50),
        percentile(values, 0.95),
        percentile(values, 0.99),
        max(values, default=float("nan")) * 1000,
    )
