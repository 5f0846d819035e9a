"""The council paper's periodic work (Celery beat): the safety nets for a compilation whose
worker was lost and a decision whose announcement was not handed over."""

from celery import shared_task

from . import compilation, decision
from .compilation import compile_paper
from .decision import announce_decision

# Enqueued where their work is; here for Celery's discovery and the callers that know them
# here.
__all__ = ["announce_decision", "compile_paper"]


@shared_task
def compile_stuck_papers() -> int:
    """The safety net: a compilation whose worker was lost starts over here."""
    stuck = compilation.stuck()
    for version_id in stuck:
        compile_paper.apply(args=[version_id])
    return len(stuck)


@shared_task
def announce_pending_decisions() -> int:
    return sum(decision.announce(pk) for pk in decision.waiting_for_announcement())
