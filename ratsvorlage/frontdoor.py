"""What the main navigation shows of the council paper (the hook of cms.navigation)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.navigation import NavItem
from cms.process import has_begun
from cms.stages import StageKind

from .compilation import any_published


def navigation_items(request, stages) -> list[NavItem]:
    """The paper once the council's stage has begun, or as soon as one version is public."""
    if has_begun(StageKind.COUNCIL_DECISION, stages=stages) or any_published():
        return [NavItem(_("Ratsvorlage"), reverse("ratsvorlage:paper_versions"), order=20)]
    return []
