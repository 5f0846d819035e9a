"""Keeping what cms caches in step with what editors publish."""

from .stages import forget_process_stages


def stage_pages_changed(sender, **kwargs):
    forget_process_stages()
