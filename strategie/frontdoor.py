"""What the main navigation shows of the strategy, once the process reaches it (the hook of
cms.navigation)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.navigation import NavItem
from cms.process import has_begun
from cms.stages import StageKind


def navigation_items(request, stages) -> list[NavItem]:
    """The strategy once the council's stage has begun."""
    if has_begun(StageKind.COUNCIL_DECISION, stages=stages):
        return [NavItem(_("Strategie"), reverse("strategie:strategy"), order=10)]
    return []
