"""What the home page and the main navigation show of the monitoring, once the implementation
has begun (the hooks of cms.navigation and cms.teasers)."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.navigation import NavItem
from cms.process import has_begun
from cms.stages import StageKind
from cms.teasers import Teaser

from .dashboard import goals_overview
from .goal_status import GoalStatus
from .monitoring_cache import REPORTS, SECONDS, STRUCTURE, generation


def navigation_items(request, stages) -> list[NavItem]:
    if has_begun(StageKind.IMPLEMENTATION, stages=stages):
        return [NavItem(_("Monitoring"), reverse("umsetzung:dashboard"), order=30)]
    return []


def monitoring_teasers(request) -> list[Teaser]:
    """The goals on track at a glance, from the implementation's start."""
    if not has_begun(StageKind.IMPLEMENTATION):
        return []
    on_track, goals = goals_on_track()
    if not goals:
        return []
    return [
        Teaser(
            preline=_("Monitoring"),
            heading=_("Stadtziele auf Kurs"),
            figure=_("%(on_track)d von %(goals)d") % {"on_track": on_track, "goals": goals},
            text=_("Für jedes Stadtziel zeigen seine Kennzahlen, wie weit Dortmund gekommen ist."),
            url=reverse("umsetzung:dashboard"),
            link_text=_("Zum Monitoring"),
            order=30,
        )
    ]


def goals_on_track() -> tuple[int, int]:
    """(goals on track, goals), as the dashboard assesses them; kept until the next report
    or change of the strategy model, as the dashboard itself is."""
    key = f"umsetzung:frontdoor:goals:{generation(STRUCTURE)}:{generation(REPORTS)}"
    counted = cache.get(key)
    if counted is None:
        overviews = goals_overview()
        counted = (sum(1 for o in overviews if o.status == GoalStatus.ON_TRACK), len(overviews))
        cache.set(key, counted, SECONDS)
    return counted
