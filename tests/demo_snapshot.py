"""The demo site, loaded once per test process and put back in a second on PostgreSQL.

`manage.py demo_data` takes 15–30 seconds; a dozen browser modules each want a fresh demo
site. On PostgreSQL the first load is kept as the raw rows of every table (COPY in binary) and
the sequences' positions; later modules get the same rows back with TRUNCATE and COPY, which
is what a fresh load would have written, minus the waiting. Files the demo writes (images)
stay in the test media folder between modules, so the rows' references hold. On SQLite,
and where PostgreSQL refuses (a role that may not set `session_replication_role`), the demo is
simply loaded again.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from psycopg import sql


@dataclass
class Snapshot:
    tables: dict[str, bytes]
    sequences: list[tuple[str, int | None]]


_snapshot: Snapshot | None = None


def load_demo(prepare: Callable[[], None]) -> None:
    """A freshly loaded demo site in the test database, however it got there; `prepare`
    puts the database in the state the demo is loaded on (what the migrations left)."""
    global _snapshot
    if connection.vendor == "postgresql" and _snapshot is not None:
        try:
            _restore(_snapshot)
        except DatabaseError:
            _snapshot = None
        else:
            ContentType.objects.clear_cache()
            cache.clear()
            return
    prepare()
    call_command("demo_data", force=True, stdout=io.StringIO())
    if connection.vendor == "postgresql":
        _snapshot = _take()


def _tables() -> list[str]:
    # The migrations' record is the same in every state; the rest is data.
    return [name for name in connection.introspection.table_names() if name != "django_migrations"]


def _take() -> Snapshot:
    connection.ensure_connection()
    raw = connection.connection
    tables = {}
    with raw.cursor() as cursor:
        for table in _tables():
            copy_out = sql.SQL("COPY {} TO STDOUT (FORMAT BINARY)").format(sql.Identifier(table))
            data = bytearray()
            with cursor.copy(copy_out) as copy:
                for chunk in copy:
                    data += chunk
            tables[table] = bytes(data)
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value"
            " FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = list(cursor.fetchall())
    return Snapshot(tables=tables, sequences=sequences)


def _restore(snapshot: Snapshot) -> None:
    with transaction.atomic():
        raw = connection.connection
        with raw.cursor() as cursor:
            # Rows go back in any order: no foreign key is checked and no trigger fires (the
            # search vectors are in the rows already) while the role is "replica".
            cursor.execute("SET LOCAL session_replication_role = replica")
            names = sql.SQL(", ").join(sql.Identifier(t) for t in snapshot.tables)
            cursor.execute(sql.SQL("TRUNCATE {} CASCADE").format(names))
            for table, data in snapshot.tables.items():
                copy_in = sql.SQL("COPY {} FROM STDIN (FORMAT BINARY)").format(
                    sql.Identifier(table)
                )
                with cursor.copy(copy_in) as copy:
                    copy.write(data)
            for sequence, last_value in snapshot.sequences:
                cursor.execute(
                    "SELECT setval(%s, %s, %s)",
                    [sequence, last_value or 1, last_value is not None],
                )
