import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from cms.admin_menu import PermissionMenuItem
from cms.admin_permissions import SnippetViewSet
from cms.navigation import MAIN_NAVIGATION

from . import admin_views, frontdoor
from .admin_views import IMPORTING
from .models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project, by_office_number
from .search import StrategySearch


class GoalViewSet(SnippetViewSet):
    model = Goal
    icon = "crosshairs"
    list_display = ["number", "name"]
    ordering = ["number"]


class FieldFilterSet(WagtailFilterSet):
    goal = django_filters.ModelChoiceFilter(label=_("Stadtziel"), queryset=Goal.objects.all())

    class Meta:
        model = FieldOfAction
        fields = ["sponsor_office"]


class FieldViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "table"
    list_display = ["name", "goal", "sponsor_office"]
    filterset_class = FieldFilterSet
    search_fields = ["name"]
    search_backend_name = None

    def get_queryset(self, request):
        return FieldOfAction.objects.select_related("goal", "sponsor_office")


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "tasks"
    list_display = ["name", "field", "strategic"]
    list_filter = ["strategic", "field"]
    search_fields = ["name", "description"]
    search_backend_name = None

    def get_queryset(self, request):
        return Project.objects.select_related("field")


class KeyFigureViewSet(SnippetViewSet):
    model = KeyFigure
    icon = "pick"
    list_display = ["name", "field", "strategic", "unit", "note"]
    list_filter = ["strategic", "field"]
    search_fields = ["name"]
    search_backend_name = None

    def get_queryset(self, request):
        return KeyFigure.objects.select_related("field")


class OfficeIndexView(IndexView):
    """The offices in the order of their numbers as numbers (3, 5, 10, 11 …), also when the
    column "Nummer" is clicked to sort by it."""

    def order_queryset(self, queryset):
        if self.ordering in ("number", "-number"):
            descending = self.ordering.startswith("-")
            return queryset.order_by(*by_office_number(descending=descending))
        return super().order_queryset(queryset)


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    list_display = ["number", "name", "division"]
    search_fields = ["number", "name"]
    search_backend_name = None
    ordering = "number"
    index_view_class = OfficeIndexView


class ParticipationViewSet(SnippetViewSet):
    model = Participation
    icon = "grip"
    list_display = ["office", "field", "role"]
    list_filter = ["role", "field", "office"]
    list_per_page = 100

    def get_queryset(self, request):
        return Participation.objects.select_related("office", "field")


class StrategyGroup(SnippetViewSetGroup):
    items = (
        GoalViewSet,
        FieldViewSet,
        ProjectViewSet,
        KeyFigureViewSet,
        OfficeViewSet,
        ParticipationViewSet,
    )
    menu_icon = "crosshairs"
    menu_label = _("Strategie")
    menu_name = "strategie"


register_snippet(StrategyGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [path("strategie-import/", admin_views.model_import, name="import")]
    return [path("", include((urls, "strategie_admin")))]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    # Shown only to those whom the page itself lets in.
    return PermissionMenuItem(
        _("Strategie importieren"),
        reverse("strategie_admin:import"),
        icon_name="upload",
        order=240,
        permission=IMPORTING,
    )


# The main navigation (cms.navigation).
hooks.register(MAIN_NAVIGATION, frontdoor.navigation_items)


@hooks.register("search_providers")
def search_strategy():
    return StrategySearch()
