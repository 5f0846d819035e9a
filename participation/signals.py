from functools import partial

from django.db import transaction
from django.dispatch import Signal

from config.celery import hand_over

from .tasks import notify_stage_results

# Statements were created or changed without a model signal (the bulk import): the floors
# above that keep counts of statements listen to this.
statements_changed = Signal()


def stage_results_published(sender, instance, **kwargs):
    """cms publishes a stage's results; the followers of themes hear about it from us."""
    if sender._meta.label != "cms.StageResults":
        return
    # The tasks module imports what imports this module: imported here to break that cycle.

    transaction.on_commit(partial(hand_over, notify_stage_results, instance.pk))
