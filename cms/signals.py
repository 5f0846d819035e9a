"""Keeping what cms caches in step with what editors publish."""

from wagtail.models import Page

from .sitecache import tree_changed
from .stages import forget_process_stages


def stage_pages_changed(sender, **kwargs):
    forget_process_stages()


def page_saved_or_deleted(sender, instance, **kwargs):
    # Pages saved without publishing too: code (demo data, imports) adds live pages directly.
    if isinstance(instance, Page):
        tree_changed()
