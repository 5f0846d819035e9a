"""The whole analysis task as the Celery worker runs it, on PostgreSQL (bench/opinion_groups).

`run.py --database` calls `measure()`: a fresh database is created and migrated, one theme
gets the generated statements and votes (not timed), then `auswertung.analysis.run_analysis`
is timed as a whole: reading the votes, the opinion groups, the similar statements and
storing the result.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "stadtgespraech_bench_opinion_groups"


def measure(votes, *, statements: int, host: str, port: int, user: str, repeat: int, log):
    from harness.dataset import database_url, recreate_database, server_dsn

    recreate_database(server_dsn(host, port, user), DATABASE)
    os.environ["DATABASE_URL"] = database_url(host, port, user, DATABASE)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ.setdefault("CELERY_BROKER_URL", "")
    os.chdir(ROOT)
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"migrated in {time.perf_counter() - started:.1f} s")
    theme_id, loaded = _fill(votes, statements=statements)
    log(f"{loaded:,} votes stored in {time.perf_counter() - started:.1f} s")

    from auswertung.analysis import run_analysis
    from auswertung.models import ThemeAnalysis

    seconds = []
    result = None
    for _ in range(repeat):
        run = ThemeAnalysis.objects.create(theme_id=theme_id)
        began = time.perf_counter()
        result = run_analysis(run.pk)
        seconds.append(time.perf_counter() - began)
    return seconds, result


def _fill(votes, *, statements: int) -> tuple[int, int]:
    """The theme, its statements and voters, and the votes, mapped onto real ids."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from participation.demo_statements import STATEMENTS
    from participation.models import Sector, Statement, Theme, Vote

    texts = [
        text for kinds in STATEMENTS.values() for entries in kinds.values() for _, text in entries
    ]
    theme = Theme.objects.create(name="Bench", slug="bench")
    sector = Sector.objects.create(name="Bench", slug="bench")
    # Demo texts, each with a different ending: near-duplicates for the similarity step too.
    created = Statement.objects.bulk_create(
        Statement(
            theme=theme,
            sector=sector,
            kind="zielbild",
            stage=3,
            state="published",
            text=f"{texts[n % len(texts)]} (Nr. {n})",
        )
        for n in range(statements)
    )
    statement_ids = sorted({statement for _, statement, _ in votes})
    statement_of = {old: new.pk for old, new in zip(statement_ids, created, strict=False)}
    User = get_user_model()
    participant_ids = sorted({participant for participant, _, _ in votes})
    users = User.objects.bulk_create(
        User(email=f"bench-{p}@example.org", display_name=f"Bench {p}", password="!")
        for p in participant_ids
    )
    user_of = {old: new.pk for old, new in zip(participant_ids, users, strict=True)}
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            "COPY participation_vote (statement_id, user_id, choice, created_at, updated_at)"
            " FROM STDIN"
        ) as copy:
            for participant, statement, choice in votes:
                copy.write_row(
                    (statement_of[statement], user_of[participant], choice, "now", "now")
                )
        cursor.execute("ANALYZE participation_vote")
    return theme.pk, Vote.objects.filter(statement__theme=theme).count()


if __name__ == "__main__":
    sys.exit("Run bench/opinion_groups/run.py --database")
