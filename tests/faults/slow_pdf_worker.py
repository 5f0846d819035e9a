"""The project's Celery app (`celery -A tests.faults.slow_pdf_worker worker`), with the
council paper's PDF step made slow, so that a test can kill the worker while it sets the
PDF."""

import django

from config.celery import app  # noqa: F401  (the app Celery looks for; sets the settings)

from .slow_work import marked_pause

django.setup()

from ratsvorlage import compilation  # noqa: E402  (needs the apps loaded)

_render_pdf = compilation.render_pdf


def slow_render_pdf(*args, **kwargs):
    marked_pause()
    return _render_pdf(*args, **kwargs)


# Where the compilation looks it up.
compilation.render_pdf = slow_render_pdf
