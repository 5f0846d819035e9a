"""What the benchmark needs from inside Django, run as a subprocess with the bench settings.

    python bench/participation/django_side.py sessions N
        Sessions for the first N bench accounts, as a signed-in browser would have them.
    python bench/participation/django_side.py queries REPEAT URL…
        Database queries per request for each URL (GET; "POST:/path" posts a vote as a bench
        account), counted with Django's test client against the bench database, and the
        median time of REPEAT requests one after the other in this one process: what a
        request costs without HTTP, gunicorn or concurrency.

Prints JSON on stdout.
"""

import json
import statistics
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BACKEND = "django.contrib.auth.backends.ModelBackend"


def bench_users(count: int):
    users = list(
        get_user_model()
        .objects.filter(email__startswith="bench-", email__endswith="@example.org")
        .order_by("pk")[:count]
    )
    if len(users) < count:
        raise SystemExit(f"Only {len(users)} bench accounts; the data set needs rebuilding.")
    return users


def sessions(count: int) -> list[dict]:
    """What django.contrib.auth.login stores, without a password or a login request."""
    engine = import_module(settings.SESSION_ENGINE)
    result = []
    for user in bench_users(count):
        session = engine.SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = BACKEND
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.set_expiry(6 * 3600)
        session.save()
        result.append({"user": user.pk, "session": session.session_key})
    return result


def queries(repeat: int, urls: list[str]) -> dict[str, dict]:
    anonymous = Client()
    signed_in = Client()
    signed_in.force_login(bench_users(1)[0], backend=BACKEND)
    result = {}
    for url in urls:
        if url.startswith("POST:"):
            path = url.removeprefix("POST:")
            request = lambda c, p=path: c.post(  # noqa: E731
                p, {"choice": "agree"}, headers={"accept": "application/json"}
            )
            client = signed_in
        else:
            path = url
            request = lambda c, p=path: c.get(p)  # noqa: E731
            client = anonymous
        request(client)  # warm: the first request of a process loads templates and URLs
        with CaptureQueriesContext(connection) as captured:
            response = request(client)
        # Read now: the next request's request_started signal empties connection.queries.
        sql = [q["sql"] for q in captured.captured_queries]
        durations = []
        for _ in range(repeat):
            started = time.perf_counter()
            request(client)
            durations.append(time.perf_counter() - started)
        result[url] = {
            "status": response.status_code,
            "queries": len(sql),
            "bytes": len(response.content),
            "alone_ms": 1000 * statistics.median(durations) if durations else None,
            "alone_min_ms": 1000 * min(durations) if durations else None,
            "sql": sql,
        }
    return result


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "sessions":
        print(json.dumps(sessions(int(args[0]))))
    elif command == "queries":
        print(json.dumps(queries(int(args[0]), args[1:])))
    else:
        raise SystemExit(__doc__)
