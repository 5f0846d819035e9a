import logging
import os

from celery import Celery, Task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("stadtgespraech")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class Retrying(Task):
    """A task whose work must not be lost: acknowledged only when done (a task of a worker
    that died runs again) and retried on failure, waiting `backoff` seconds, twice as long
    each time, at most `max_backoff`. Run in-process (tasks eager, no broker) a failure is
    raised at once: `hand_over` logs it and the periodic sweep does the work later.

    A task that records a failure the team should see sets `gives_up` (a function of the task,
    the error and the task's arguments): it is called instead of a retry when the last
    attempt failed, or at once in-process, and its result is the task's."""

    acks_late = True
    max_retries = 5
    backoff = 60
    max_backoff = 3600
    retry_on: tuple[type[Exception], ...] = (Exception,)
    gives_up = None

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except self.retry_on as error:
            request = self.request
            if self.gives_up is not None and (
                request.is_eager or request.retries >= self.max_retries
            ):
                logging.getLogger(__name__).exception("%s%r failed", self.name, args)
                return self.gives_up(error, *args, **kwargs)
            if request.is_eager:
                raise
            countdown = min(self.backoff * 2**request.retries, self.max_backoff)
            raise self.retry(exc=error, countdown=countdown) from error


def hand_over(task, *args) -> bool:
    """Queue a task. If the broker is away (or an eager task fails), log it and carry on:
    the request that asked must still succeed, and every such task has a periodic sweep
    that finds the work it left undone."""
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
