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
from participation.panels import STATEMENT_PAGE, THEME_PAGE, THEME_RESULTS

from . import admin_views, admin_workbench, frontdoor, panels
from .models import (
    ConsolidatedZielbild,
    FieldOfAction,
    Goal,
    KeyFigure,
    Office,
    Participation,
    Project,
)
from .models.strategy import by_office_number
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
    urls = [
        path("strategie-import/", admin_views.model_import, name="import"),
        path("werkbank/", admin_workbench.workbench_themes, name="workbench_themes"),
        path("werkbank/<slug:slug>/", admin_workbench.workbench, name="workbench"),
        path("katalogbeschluss/", admin_workbench.catalogue_agreement, name="agreement"),
    ]
    return [path("", include((urls, "zielbilder_admin")))]


# The strategy team's and the offices' own admin pages: (label, URL name, icon, order, the
# permission the page itself checks, so that nobody sees an entry that would refuse them).
MENU_ITEMS = [
    (_("Konsolidierung"), "zielbilder_admin:workbench_themes", "crosshairs", 235,
     "zielbilder.change_inputoutcome"),
    (_("Strategie importieren"), "zielbilder_admin:import", "upload", 240,
     "zielbilder.change_goal"),
]  # fmt: skip


def _menu_item(label, url_name, icon, order, permission):
    return lambda: PermissionMenuItem(
        label, reverse(url_name), icon_name=icon, order=order, permission=permission
    )


for _entry in MENU_ITEMS:
    hooks.register("register_admin_menu_item", _menu_item(*_entry))


class ZielbildViewSet(SnippetViewSet):
    model = ConsolidatedZielbild
    icon = "openquote"
    list_display = ["__str__", "theme", "live"]
    list_filter = ["theme", "live"]
    search_fields = ["text"]
    search_backend_name = None


register_snippet(ZielbildViewSet)


# The main navigation (cms.navigation).
hooks.register(MAIN_NAVIGATION, frontdoor.navigation_items)

# What participation's pages show of the consolidation (participation.panels).
hooks.register(STATEMENT_PAGE, panels.statement_outcome)
hooks.register(THEME_PAGE, panels.theme_traceability)
hooks.register(THEME_RESULTS, panels.theme_traceability)


@hooks.register("search_providers")
def search_strategy():
    return StrategySearch()
