from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Sector, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    list_display = ["name", "is_online", "sort_order"]
    list_filter = ["is_online"]
    ordering = ["sort_order", "name"]


class ParticipationGroup(SnippetViewSetGroup):
    menu_label = _("Beteiligung")
    menu_icon = "group"
    menu_order = 210
    items = (ThemeViewSet, SectorViewSet)


register_snippet(ParticipationGroup)
