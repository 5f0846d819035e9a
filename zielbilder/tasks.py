"""The strategy team's slow work (Celery). See `analysis` for why each run is safe to repeat."""

from celery import shared_task

from config.celery import Retrying

from . import analysis


def _analysis_failed(task, error, analysis_id: int) -> None:
    """The team sees "failed" with the reason and can start a new run."""
    analysis.mark_failed(analysis_id, error)


@shared_task(base=Retrying, max_retries=3, gives_up=_analysis_failed)
def compute_theme_analysis(analysis_id: int) -> int | None:
    result = analysis.run_analysis(analysis_id)
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


def _compilation_failed(task, error, version_id: int) -> None:
    from .council import compilation

    compilation.mark_failed(version_id, error)


@shared_task(base=Retrying, max_retries=2, backoff=30, gives_up=_compilation_failed)
def compile_paper(version_id: int) -> int | None:
    from .council import compilation

    version = compilation.compile_version(version_id)
    return version.pk if version else None


@shared_task
def compile_stuck_papers() -> int:
    """The safety net: a compilation whose worker was lost starts over here."""
    from .council import compilation

    stuck = compilation.stuck()
    for version_id in stuck:
        compile_paper.apply(args=[version_id])
    return len(stuck)


@shared_task(base=Retrying)
def announce_decision(decision_id: int) -> int:
    from .council import decision

    return decision.announce(decision_id)


@shared_task
def announce_pending_decisions() -> int:
    from .council import decision

    return sum(decision.announce(pk) for pk in decision.waiting_for_announcement())


@shared_task
def send_key_figure_reminders() -> int:
    from . import reminders

    return reminders.send_reminders()
