from functools import partial

from django.db import transaction
from django.dispatch import Signal

# Statements were created or changed without a model signal (the bulk import): the floors
# above that keep counts of statements listen to this.
statements_changed = Signal()


def stage_results_published(sender, instance, **kwargs):
    """cms publishes a stage's results; the followers of themes hear about it from us."""
    if sender._meta.label != "cms.StageResults":
        return
    from .tasks import enqueue

    transaction.on_commit(partial(enqueue, "notify_stage_results", instance.pk))
