from celery import shared_task
from django.conf import settings

from cms.models import StageResults
from config.celery import Retrying

from . import moderation, notifications, theme_figures
from .comment_notices import notify_about_comment

# Enqueued where a comment is stored; here for Celery's discovery and the callers that know
# it here.
__all__ = ["notify_about_comment"]


@shared_task
def notify_pending() -> int:
    """The safety net for notifications whose task never ran (broker down, worker lost):
    comments, and stage results published in the last day."""
    sent = sum(
        notifications.notify_about_comment(pk)
        for pk in notifications.comments_waiting_for_notification()[:500]
    )
    for results_id in notifications.results_waiting_for_announcement():
        sent += _announce_results(results_id)
    return sent


def _announce_results(results_id: int) -> int:
    results = StageResults.objects.filter(pk=results_id, live=True).select_related("stage").first()
    if results is None:
        return 0
    return notifications.notify_stage_results(
        results_key=str(results.pk),
        stage_title=results.stage.title,
        url=settings.BASE_URL + results.stage.url,
    )


@shared_task(base=Retrying)
def notify_stage_results(results_id: int) -> int:
    return _announce_results(results_id)


@shared_task
def notify_moderators() -> int:
    return moderation.notify_moderators_of_flags()


@shared_task
def count_theme_participants() -> int:
    """The participants per theme for the overview of the themes, counted in the background
    because the count reads every vote. Idempotent: it only replaces the kept count."""
    return len(theme_figures.count_theme_participants())
