import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("stadtgespraech")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def hand_over(task, *args) -> bool:
    """Queue a task. If the broker is away (or an eager task fails), log it and carry on:
    the request that asked must still succeed, and every such task has a periodic sweep
    that finds the work it left undone."""
    import logging

    try:
        task.delay(*args)
    except Exception:
        logging.getLogger(__name__).warning(
            "Task %s%r not handed over; its sweep will do the work.",
            getattr(task, "name", task),
            args,
            exc_info=True,
        )
        return False
    return True
