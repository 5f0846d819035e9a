"""Keeping what cms caches in step with what editors publish, and the search index in step
with its configuration."""

import io

from django.core.management import call_command
from django.db import connections
from wagtail.models import Page

from .process import forget_process_stages
from .sitecache import tree_changed


def stage_pages_changed(sender, **kwargs):
    forget_process_stages()


def page_saved_or_deleted(sender, instance, **kwargs):
    # Pages saved without publishing too: code (demo data, imports) adds live pages directly.
    if isinstance(instance, Page):
        tree_changed()


# From this migration on, the pages are indexed with the German configuration
# (WAGTAILSEARCH_BACKENDS' SEARCH_CONFIG).
GERMAN_PAGE_INDEX = ("cms", "0009_pages_indexed_in_german")


def index_pages_again(sender, plan=None, using="default", **kwargs):
    """After the migration to the German configuration ran on PostgreSQL, index the pages
    again: the index keeps the vectors it made with the configuration of their time, and
    "Radweg" would not find a page whose "Radwege" was stemmed as English."""
    if connections[using].vendor != "postgresql" or not plan:
        return
    if any(
        (migration.app_label, migration.name) == GERMAN_PAGE_INDEX and not backwards
        for migration, backwards in plan
    ):
        call_command("update_index", stdout=io.StringIO())
