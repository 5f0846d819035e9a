"""The strategy team's slow and periodic work (Celery). See `analysis` for why each run is
safe to repeat."""

from celery import shared_task

from . import analysis, reminders
from .analysis import compute_theme_analysis

# The tasks that start one piece of work live beside it (they are enqueued from there); here
# for Celery's discovery and for callers that know them as tasks of this module.
__all__ = ["compute_theme_analysis"]


@shared_task
def run_waiting_analyses() -> int:
    """The safety net: runs whose task was lost are computed here."""
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


@shared_task
def send_key_figure_reminders() -> int:
    return reminders.send_reminders()
