"""Stored German full-text vectors of the strategy model (goals, fields of action, projects,
key figures) for the site search.

The search read them on the fly, computing every row's vector for every query; stored, a
query reads them only (zielbilder.search). On PostgreSQL a column `search_vector` per table,
kept by a trigger whenever a row is inserted or a searched field written (by the admin, the
import, the seed, plain SQL), the first field weighted as the title. The column is the
database's alone, like an index: no model declares it, so no query loads it and no dump
carries it (a restored row gets it from the trigger). On SQLite nothing: the search matches
words there without vectors.
"""

from django.db import migrations

# (table, the fields searched, the first one the title)
TABLES = [
    ("zielbilder_goal", ["name", "description"]),
    ("zielbilder_fieldofaction", ["name", "description"]),
    ("zielbilder_project", ["name", "description"]),
    ("zielbilder_keyfigure", ["name", "source", "note"]),
]


def _vector(fields: list[str]) -> str:
    return " || ".join(
        f"setweight(to_tsvector('pg_catalog.german', coalesce(NEW.{field}, '')), "
        f"'{'A' if number == 0 else 'B'}')"
        for number, field in enumerate(fields)
    )


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector")
        schema_editor.execute(
            f"""
            CREATE FUNCTION {table}_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_vector := {_vector(fields)};
                RETURN NEW;
            END
            $$
            """
        )
        schema_editor.execute(
            f"""
            CREATE TRIGGER {table}_search_vector
            BEFORE INSERT OR UPDATE OF {", ".join(fields)} ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_search_vector()
            """
        )
        # Writing a searched field fires the trigger for the rows already there.
        schema_editor.execute(f"UPDATE {table} SET {fields[0]} = {fields[0]}")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _fields in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_vector()")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("zielbilder", "0011_office_numeric_order"),
    ]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
