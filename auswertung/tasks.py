"""The analysis' periodic work (Celery). See `analysis` for why each run is safe to repeat."""

from celery import shared_task

from . import analysis
from .analysis import compute_theme_analysis

# The task that computes one run lives beside it (it is enqueued from there); here for
# Celery's discovery and for callers that know it as a task of this module.
__all__ = ["compute_theme_analysis"]


@shared_task
def run_waiting_analyses() -> int:
    """The safety net: runs whose task was lost are computed here (also those queued under
    the names of `zielbilder.tasks`, before this app was split from it)."""
    waiting = analysis.waiting_too_long()
    for analysis_id in waiting:
        compute_theme_analysis.apply(args=[analysis_id])
    return len(waiting)


@shared_task
def refresh_analyses() -> int:
    """Nightly: every theme voted on since its last evaluation gets a new one."""
    themes = analysis.themes_with_new_votes()
    for theme in themes:
        analysis.request_analysis(theme)
    return len(themes)
