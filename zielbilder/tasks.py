"""The strategy team's slow work (Celery). See `analysis` for why each run is safe to repeat."""

import logging

from celery import shared_task

from config.celery import hand_over

from . import analysis

logger = logging.getLogger(__name__)


def enqueue(task_name: str, *args) -> None:
    """Hand work to the broker; if it is away, the sweeps below catch up."""
    hand_over(globals()[task_name], *args)


@shared_task(bind=True, max_retries=3, acks_late=True)
def compute_theme_analysis(self, analysis_id: int) -> int | None:
    try:
        result = analysis.run_analysis(analysis_id)
    except Exception as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            # The team sees "failed" with the reason and can start a new run.
            logger.exception("Analysis %s failed", analysis_id)
            analysis.mark_failed(analysis_id, error)
            return None
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error
    return result.pk if result else None


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


@shared_task(bind=True, max_retries=2, acks_late=True)
def compile_paper(self, version_id: int) -> int | None:
    from .council import compilation

    try:
        version = compilation.compile_version(version_id)
    except Exception as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Compilation of paper version %s failed", version_id)
            compilation.mark_failed(version_id, error)
            return None
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
    return version.pk if version else None


@shared_task
def compile_stuck_papers() -> int:
    """The safety net: a compilation whose worker was lost starts over here."""
    from .council import compilation

    stuck = compilation.stuck()
    for version_id in stuck:
        compile_paper.apply(args=[version_id])
    return len(stuck)


@shared_task(bind=True, max_retries=5, acks_late=True)
def announce_decision(self, decision_id: int) -> int:
    from .council import decision

    try:
        return decision.announce(decision_id)
    except Exception as error:
        if self.request.is_eager:
            raise
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error


@shared_task
def announce_pending_decisions() -> int:
    from .council import decision

    return sum(decision.announce(pk) for pk in decision.waiting_for_announcement())


@shared_task
def send_key_figure_reminders() -> int:
    from . import reminders

    return reminders.send_reminders()
