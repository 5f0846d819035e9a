"""German full-text vectors of statements, comments and proposals for the site search.

On PostgreSQL a trigger per table computes `search_vector` from `text` whenever a row is
inserted or its text written – by the forms, the admin, imports with bulk_create or plain SQL
(the demo and the benchmark data) – so that no write path can leave it stale. A partial GIN
index covers exactly the rows the search may find. Existing rows get their vectors here.
On SQLite the columns stay empty: the search matches words there without them.
"""

import django.contrib.postgres.search
from django.db import migrations

# (table, the rows a visitor may find: the partial index's condition)
TABLES = [
    ("participation_statement", "state IN ('published', 'withdrawn')"),
    ("participation_comment", "visibility = 'published' AND deleted_at IS NULL"),
    ("participation_proposal", "state = 'accepted' AND visibility = 'published'"),
]


# Computes the vector whenever the trigger fires. PostgreSQL's own tsvector_update_trigger
# keeps the old vector when the text is unchanged, so a Django save() of an instance that
# holds no vector (written as NULL beside its unchanged text) would empty it.
FUNCTION = """
CREATE FUNCTION participation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := to_tsvector('pg_catalog.german', coalesce(NEW.text, ''));
    RETURN NEW;
END
$$
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table, _readable in TABLES:
        schema_editor.execute(
            f"""
            CREATE TRIGGER {table}_search_vector
            BEFORE INSERT OR UPDATE OF text, search_vector ON {table}
            FOR EACH ROW EXECUTE FUNCTION participation_search_vector()
            """
        )
    fill(schema_editor)
    for table, readable in TABLES:
        schema_editor.execute(
            f"CREATE INDEX {table}_search ON {table} USING gin (search_vector) WHERE {readable}"
        )


def fill(schema_editor):
    """The vectors of the rows written before the triggers existed."""
    for table, _readable in TABLES:
        # Writing the column fires the trigger, which computes the vector.
        schema_editor.execute(f"UPDATE {table} SET search_vector = NULL")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _readable in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS participation_search_vector()")


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0010_theme_english_name_and_page_per_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="proposal",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="statement",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(install, uninstall, elidable=False),
    ]
