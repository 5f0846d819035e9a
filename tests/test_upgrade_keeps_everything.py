"""An existing installation upgrades in place and loses nothing.

A database is built and filled by the demo with the code of the commit before the apps were
split (`BEFORE_SPLIT`, taken from this repository's history), then migrated by today's code.
Every table's row count and a checksum of its content are the same before and after, except
for what the upgrade is meant to change (listed in `EXPECTED`), and no media file changes.
"""

import hashlib
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from psycopg import sql

from tests import services

ROOT = Path(__file__).resolve().parent.parent
# The last commit before `strategie`, `auswertung`, `ratsvorlage` and `umsetzung` were split
# from `zielbilder`.
BEFORE_SPLIT = "582fca40056b5b330a477e384c4336cb2c400a1d"
# The models that moved, and the app that holds them now.
MOVED = {
    "goal": "strategie",
    "office": "strategie",
    "fieldofaction": "strategie",
    "project": "strategie",
    "keyfigure": "strategie",
    "participation": "strategie",
    "paperversion": "ratsvorlage",
    "councildecision": "ratsvorlage",
    "themeanalysis": "auswertung",
    "officemembership": "umsetzung",
    "keyfigurevalue": "umsetzung",
    "projectreport": "umsetzung",
    "milestone": "umsetzung",
    "measure": "umsetzung",
    "remindersent": "umsetzung",
}

pytestmark = pytest.mark.django_db


def _connect(dbname: str):
    params = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=dbname,
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
        autocommit=True,
    )


def _url(dbname: str) -> str:
    params = settings.DATABASES["default"]
    auth = params.get("USER") or ""
    if params.get("PASSWORD"):
        auth += f":{params['PASSWORD']}"
    host = params.get("HOST") or "127.0.0.1"
    return f"postgres://{auth}@{host}:{params.get('PORT') or 5432}/{dbname}"


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def snapshot(dbname: str) -> dict[str, tuple[int, str]]:
    """{table: (rows, md5 of all rows as text in a stable order)} of every table."""
    found = {}
    with _connect(dbname) as conn, conn.cursor() as cursor:
        for table in _tables(cursor):
            cursor.execute(
                sql.SQL(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text),"
                    " '')) FROM {} AS t"
                ).format(sql.Identifier(table))
            )
            found[table] = cursor.fetchone()
    return found


def rows(dbname: str, query: str) -> set[tuple]:
    with _connect(dbname) as conn, conn.cursor() as cursor:
        cursor.execute(query)
        return set(cursor.fetchall())


def files(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def manage(code: Path, env: dict, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} in {code}:\n{done.stderr[-3000:]}"


@pytest.fixture
def old_code(tmp_path) -> Path:
    """The source of BEFORE_SPLIT, unpacked from git."""
    if not (ROOT / ".git").exists():
        services.skip_or_fail("needs the project's git history (a clone, not an export)")
    archive = tmp_path / "before.tar"
    done = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), BEFORE_SPLIT],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        services.skip_or_fail(f"git cannot give commit {BEFORE_SPLIT}: {done.stderr.strip()}")
    code = tmp_path / "before"
    with tarfile.open(archive) as tar:
        tar.extractall(code, filter="data")
    return code


@pytest.fixture
def upgrade_database():
    if connection.vendor != "postgresql":
        services.skip_or_fail("needs PostgreSQL (DATABASE_URL): the upgrade is tested on it")
    name = f"sg_upgrade_{uuid.uuid4().hex[:12]}"
    with _connect("postgres") as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with _connect("postgres") as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def test_an_installation_filled_before_the_split_upgrades_without_losing_anything(
    old_code, upgrade_database, tmp_path
):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": _url(upgrade_database),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
        "CELERY_BROKER_URL": "",
    }
    manage(old_code, env, "migrate", "--noinput")
    manage(old_code, env, "demo_data", "--force")
    # The demo has no council paper yet: a published version and the council's decision on
    # it, as the old code stored them, so that the moved tables hold rows.
    manage(old_code, env, "shell", "-c", PAPER_AND_DECISION)
    media = [tmp_path / "media", tmp_path / "private-media"]
    before, media_before = snapshot(upgrade_database), [files(root) for root in media]
    content_types_before = rows(
        upgrade_database, "SELECT id, app_label, model FROM django_content_type"
    )
    assert before["zielbilder_paperversion"][0] == 1
    assert before["zielbilder_councildecision"][0] == 1
    for table in (
        "goal",
        "fieldofaction",
        "keyfigure",
        "participation",
        "themeanalysis",
        "keyfigurevalue",
        "projectreport",
        "officemembership",
    ):
        assert before[f"zielbilder_{table}"][0] > 0, f"the demo filled {table}"

    manage(ROOT, env, "migrate", "--noinput")

    after = snapshot(upgrade_database)
    assert set(after) == set(before), "no table is made or dropped"
    changed = {table for table in before if before[table] != after[table]}
    assert changed == EXPECTED, {table: (before[table], after[table]) for table in changed}
    # The content types of the moved models, and so their permissions and history, belong to
    # the new app, with the same ids; every other content type is untouched.
    moved = {
        (pk, MOVED[model] if label == "zielbilder" and model in MOVED else label, model)
        for pk, label, model in content_types_before
    }
    assert rows(upgrade_database, "SELECT id, app_label, model FROM django_content_type") == moved
    assert [files(root) for root in media] == media_before
    assert media_before[0], "the demo's images are there to compare"


PAPER_AND_DECISION = """
from django.utils import timezone
from zielbilder.models import CouncilDecision, PaperVersion

version = PaperVersion.objects.create(
    number=1, title="Ratsvorlage 1", paper_number="12345-26",
    proposed_resolution="Der Rat beschließt die Strategie.", state="published",
    content={"paper": {"title": "Ratsvorlage 1"}}, sha256="a" * 64,
    html="<article><h1>Ratsvorlage 1</h1></article>", published_at=timezone.now(),
)
CouncilDecision.objects.create(
    version=version, meeting_date=timezone.localdate(), outcome="adopted",
    votes_yes=60, votes_no=20, votes_abstain=4,
)
"""

# What the upgrade changes on purpose: the record of migrations run, and the app that the
# moved models' content types name.
EXPECTED = {"django_migrations", "django_content_type"}
