"""The strategy model for the site search (cms.search): Stadtziele, fields of action,
projects and key figures. Registered in wagtail_hooks.py.

The tables are small (a city has tens of goals and fields, hundreds of projects and key
figures): one query for the matches of all four, read from their stored vectors, and one for
each of the four whose hits are shown.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.search import caching
from cms.search.matching import highlight, ranked_together
from cms.search.providers import NOTHING, Found, Hit, SearchProvider
from cms.search.terms import Terms

from .models import FieldOfAction, Goal, KeyFigure, Project


def _goal(goal: Goal, terms: Terms) -> Hit:
    return Hit(
        title=highlight(goal.name, terms),
        url=reverse("strategie:strategy") + f"#ziel-{goal.number}",
        label=_("Stadtziel"),
        snippet=highlight(goal.description, terms),
        details=[_("Ziel %(number)s") % {"number": goal.number}],
    )


def _field(field: FieldOfAction, terms: Terms) -> Hit:
    goal = _("Ziel %(number)s: %(name)s") % {"number": field.goal.number, "name": field.goal.name}
    return Hit(
        title=highlight(field.name, terms),
        url=reverse("strategie:field", args=[field.slug]),
        label=_("Handlungsfeld"),
        snippet=highlight(field.description, terms),
        details=[goal],
    )


def _project(project: Project, terms: Terms) -> Hit:
    return Hit(
        title=highlight(project.name, terms),
        url=reverse("strategie:field", args=[project.field.slug]) + f"#projekt-{project.pk}",
        label=_("Strategisches Projekt") if project.strategic else _("Projekt"),
        snippet=highlight(project.description, terms),
        details=[project.field.name],
    )


def _key_figure(figure: KeyFigure, terms: Terms) -> Hit:
    about = " · ".join(text for text in (figure.source, figure.note) if text)
    return Hit(
        title=highlight(figure.name, terms),
        url=reverse("umsetzung:key_figure", args=[figure.pk]),
        label=_("Kennzahl"),
        snippet=highlight(about, terms),
        details=[figure.field.name],
    )


# (model, the fields searched – the first as the title –, what a hit shows besides, hit).
# On PostgreSQL their vectors are stored in the column VECTOR, kept by a trigger
# (migration 0012_strategy_search_vectors, which names the same fields).
SOURCES = [
    (Goal, ["name", "description"], [], _goal),
    (FieldOfAction, ["name", "description"], ["goal"], _field),
    (Project, ["name", "description"], ["field"], _project),
    (KeyFigure, ["name", "source", "note"], ["field"], _key_figure),
]
VECTOR = "search_vector"


class StrategySearch(SearchProvider):
    kind = "strategie"
    label = gettext_lazy("Stadtstrategie")
    description = gettext_lazy("Stadtziele, Handlungsfelder, Projekte und Kennzahlen.")
    order = 50

    def search(self, terms: Terms, *, theme: str, start: int, stop: int) -> Found:
        if theme:
            # The strategy is the whole city's; it belongs to no single focus theme.
            return NOTHING
        rows = ranked_together(
            [(model, fields, VECTOR) for model, fields, *_rest in SOURCES], terms
        )
        shown = rows[start:stop]
        hits: dict[tuple[int, object], Hit] = {}
        for number, (model, _fields, related, make_hit) in enumerate(SOURCES):
            ids = [pk for source, pk, _rank in shown if source == number]
            if ids:
                for row in model.objects.filter(pk__in=ids).select_related(*related):
                    hits[number, row.pk] = make_hit(row, terms)
        return Found(len(rows), [hits[number, pk] for number, pk, _rank in shown])


def connect() -> None:
    """A goal, field, project or key figure renamed or removed leaves kept results at once."""
    from django.db.models.signals import post_delete, post_save

    for model, *_rest in SOURCES:
        uid = f"strategie-search-{model.__name__}"
        post_save.connect(caching.forget, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(caching.forget, sender=model, dispatch_uid=f"{uid}-delete")
