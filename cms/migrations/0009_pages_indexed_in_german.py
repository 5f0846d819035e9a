"""A marker: from here on Wagtail's search index holds the pages with German stemming
(settings WAGTAILSEARCH_BACKENDS, SEARCH_CONFIG "german"). Its schema does not change, but
the vectors of an existing index were made with PostgreSQL's default (English) configuration:
cms.signals.index_pages_again runs `update_index` once this migration has been applied."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_editors_translate_pages"),
    ]

    operations = []
