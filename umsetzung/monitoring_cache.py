"""The public monitoring pages, rendered once per state of the data.

The dashboard assesses every key figure and a key-figure page draws its series: work that only
changes when someone reports. Both pages cache their content under generation numbers: one
that every change to the strategy model moves on, one that every report moves on (signals
below; bulk paths call `changed()` themselves). A key-figure page does not depend on the
report generation but on its own latest value, so a report for one key figure leaves the
other 299 pages cached. A time limit catches what a forgotten path would leave stale.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.safestring import mark_safe

from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Project
from zielbilder.models import ConsolidatedZielbild

from .models import KeyFigureValue, Measure, Milestone, ProjectReport

STRUCTURE = "umsetzung:monitoring:structure"
REPORTS = "umsetzung:monitoring:reports"
SECONDS = 300


def generation(key: str = STRUCTURE) -> int:
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, None)
        value = cache.get(key) or 1
    return value


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): any new number will do
        cache.set(key, 2, None)


def figure_key(figure_id) -> str:
    return f"umsetzung:monitoring:figure:{figure_id}"


def changed(instance=None, **_kwargs) -> None:
    """A report came in (for this key figure, if it is a value)."""
    _bump(REPORTS)
    figure_id = getattr(instance, "key_figure_id", None)
    if figure_id is not None:
        _bump(figure_key(figure_id))


def figures_changed(figure_ids) -> None:
    """For bulk paths, which send no signals."""
    _bump(REPORTS)
    for figure_id in set(figure_ids):
        _bump(figure_key(figure_id))


def structure_changed(**_kwargs) -> None:
    """The strategy model changed: every page may show it."""
    _bump(STRUCTURE)


def _key(name: str, parts) -> str:
    return ":".join(
        ["umsetzung:monitoring", name, translation.get_language() or "", str(generation())]
        + [str(part) for part in parts]
    )


def cached(name: str, *parts, build) -> str:
    """The fragment `name` for these parts in the current language, built when missing."""
    key = _key(name, parts)
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, str(html), SECONDS)
    # Our own template's output, escaped where it was rendered.
    return mark_safe(html)


def cached_page(name: str, *parts, build) -> dict:
    """Like `cached`, for a dict of a page's parts (strings); only "body", rendered by our
    template, is marked safe, the others are escaped where they are shown."""
    key = _key(name, parts)
    page = cache.get(key)
    if page is None:
        page = {k: str(v) for k, v in build().items()}
        cache.set(key, page, SECONDS)
    return {k: mark_safe(v) if k == "body" else v for k, v in page.items()}


def connect() -> None:
    for models, receiver in (
        ((KeyFigureValue, ProjectReport, Milestone), changed),
        (
            (KeyFigure, Project, FieldOfAction, Goal, Office, Measure, ConsolidatedZielbild),
            structure_changed,
        ),
    ):
        for model in models:
            uid = f"monitoring-{model.__name__}"
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
