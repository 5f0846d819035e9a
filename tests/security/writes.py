"""Did a request change the site's data? The tables it wrote rows to, however briefly.

The sweep undoes every request (answers.request rolls its savepoint back), so comparing the
data before and after would always find it unchanged. Both databases count the rows a
transaction inserted, updated or deleted, rolled-back savepoints included: PostgreSQL per
table in pg_stat_xact_all_tables, SQLite in total_changes(). One query before and one after
a request say whether it wrote anything – updates included, which row counts would miss.

The session is not the site's data: signing out deletes it, a message may be kept in it.
"""

import re
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext

IGNORED = {"django_session"}

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _changes() -> dict[str, int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del"
                " FROM pg_stat_xact_all_tables WHERE schemaname = 'public'"
            )
            return dict(cursor.fetchall())
        cursor.execute("SELECT total_changes()")
        return {"*": cursor.fetchone()[0]}


@contextmanager
def watch():
    """`with watch() as written: …` – afterwards `written` holds the tables written to."""
    written: set[str] = set()
    before = _changes()
    # Only SQLite needs the statements (to name the tables); PostgreSQL names them itself.
    queries = CaptureQueriesContext(connection)
    if connection.vendor != "postgresql":
        queries.__enter__()
    try:
        yield written
    finally:
        if connection.vendor != "postgresql":
            queries.__exit__(None, None, None)
    after = _changes()
    changed = {table for table, count in after.items() if count != before.get(table, 0)}
    if "*" in changed:
        # SQLite counts all rows together: the statements name the tables.
        changed = {
            match.group(1)
            for query in queries.captured_queries
            if (match := WRITE.match(query["sql"]))
        } or {"?"}
    written.update(changed - IGNORED)
