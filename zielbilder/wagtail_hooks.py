import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_menu import PermissionMenuItem

from . import admin_reporting, admin_views, admin_workbench
from .council import admin_views as council_admin
from .models import (
    ConsolidatedZielbild,
    FieldOfAction,
    Goal,
    KeyFigure,
    Measure,
    Office,
    OfficeMembership,
    Participation,
    Project,
)


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


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    list_display = ["number", "name", "division"]
    search_fields = ["number", "name"]
    search_backend_name = None
    ordering = ["number"]


class ParticipationViewSet(SnippetViewSet):
    model = Participation
    icon = "grip"
    list_display = ["office", "field", "role"]
    list_filter = ["role", "field", "office"]
    list_per_page = 100

    def get_queryset(self, request):
        return Participation.objects.select_related("office", "field")


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "tasks"
    list_display = ["title", "state", "office"]
    list_filter = ["state", "office", "goals", "fields_of_action"]
    search_fields = ["title", "description"]
    search_backend_name = None

    def get_queryset(self, request):
        return Measure.objects.select_related("office")


class OfficeMembershipViewSet(SnippetViewSet):
    """Who reports for which office (group "Fachämter" plus a membership here)."""

    model = OfficeMembership
    icon = "user"
    list_display = ["user", "office"]
    list_filter = ["office"]

    def get_queryset(self, request):
        return OfficeMembership.objects.select_related("user", "office")


class StrategyGroup(SnippetViewSetGroup):
    items = (
        GoalViewSet,
        FieldViewSet,
        ProjectViewSet,
        KeyFigureViewSet,
        OfficeViewSet,
        ParticipationViewSet,
        MeasureViewSet,
        OfficeMembershipViewSet,
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
        path("ratsvorlage/", council_admin.versions, name="paper"),
        path("berichte/", admin_reporting.overview, name="reporting"),
        path("berichte/import/", admin_reporting.value_import, name="value_import"),
        path(
            "berichte/feld/<int:pk>/projekte/",
            admin_reporting.field_projects,
            name="field_projects",
        ),
        path("berichte/kennzahl/<int:pk>/", admin_reporting.key_figure, name="report_key_figure"),
        path("berichte/projekt/<int:pk>/", admin_reporting.project, name="report_project"),
        path("ratsvorlage/<int:number>/beschluss/", council_admin.decision, name="paper_decision"),
    ]
    return [path("", include((urls, "zielbilder_admin")))]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        _("Strategie importieren"),
        reverse("zielbilder_admin:import"),
        icon_name="upload",
        order=240,
        permission="zielbilder.change_goal",
    )


@hooks.register("register_admin_menu_item")
def reporting_menu_item():
    return PermissionMenuItem(
        _("Berichte der Ämter"),
        reverse("zielbilder_admin:reporting"),
        icon_name="form",
        order=237,
        permission="zielbilder.add_keyfigurevalue",
    )


@hooks.register("register_admin_menu_item")
def paper_menu_item():
    return PermissionMenuItem(
        _("Ratsvorlage"),
        reverse("zielbilder_admin:paper"),
        icon_name="doc-full",
        order=236,
        permission="zielbilder.add_paperversion",
    )


@hooks.register("register_admin_menu_item")
def workbench_menu_item():
    return PermissionMenuItem(
        _("Konsolidierung"),
        reverse("zielbilder_admin:workbench_themes"),
        icon_name="crosshairs",
        order=235,
        permission="zielbilder.change_inputoutcome",
    )


class ZielbildViewSet(SnippetViewSet):
    model = ConsolidatedZielbild
    icon = "openquote"
    list_display = ["__str__", "theme", "live"]
    list_filter = ["theme", "live"]
    search_fields = ["text"]
    search_backend_name = None


register_snippet(ZielbildViewSet)
