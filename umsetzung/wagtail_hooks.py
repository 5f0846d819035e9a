from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.admin_menu import PermissionMenuItem
from cms.admin_permissions import SnippetViewSet
from cms.navigation import MAIN_NAVIGATION
from cms.teasers import HOME_TEASERS
from strategie.panels import PROJECT_STATUS
from zielbilder.panels import ZIELBILD_SERVED_BY

from . import admin_reporting, frontdoor, panels
from .admin_reporting import REPORTING
from .models import Measure, OfficeMembership


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


class ImplementationGroup(SnippetViewSetGroup):
    items = (MeasureViewSet, OfficeMembershipViewSet)
    menu_icon = "tasks"
    menu_label = _("Umsetzung")
    menu_name = "umsetzung"


register_snippet(ImplementationGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("berichte/", admin_reporting.overview, name="reporting"),
        path("berichte/import/", admin_reporting.value_import, name="value_import"),
        path(
            "berichte/import/bestaetigen/",
            admin_reporting.value_import_confirm,
            name="value_import_confirm",
        ),
        path(
            "berichte/feld/<int:pk>/projekte/",
            admin_reporting.field_projects,
            name="field_projects",
        ),
        path(
            "berichte/feld/<int:pk>/projekte/rangfolge/",
            admin_reporting.field_projects_rank,
            name="field_projects_rank",
        ),
        path("berichte/kennzahl/<int:pk>/", admin_reporting.key_figure, name="report_key_figure"),
        path("berichte/projekt/<int:pk>/", admin_reporting.project, name="report_project"),
        # One address per action (POST).
        path(
            "berichte/projekt/<int:pk>/meilenstein/",
            admin_reporting.add_project_milestone,
            name="add_milestone",
        ),
        path(
            "berichte/projekt/<int:pk>/meilenstein/<int:milestone>/erreicht/",
            admin_reporting.reach_project_milestone,
            name="reach_milestone",
        ),
    ]
    return [path("", include((urls, "umsetzung_admin")))]


@hooks.register("register_admin_menu_item")
def reporting_menu_item():
    # Shown only to those whom the page itself lets in.
    return PermissionMenuItem(
        _("Berichte der Ämter"),
        reverse("umsetzung_admin:reporting"),
        icon_name="form",
        order=237,
        permission=REPORTING,
    )


# The home page's teaser and the main navigation (cms.teasers, cms.navigation).
hooks.register(HOME_TEASERS, frontdoor.monitoring_teasers)
hooks.register(MAIN_NAVIGATION, frontdoor.navigation_items)

# What the pages of the strategy and the consolidation show of the implementation
# (cms.item_hooks).
hooks.register(PROJECT_STATUS, panels.project_status)
hooks.register(ZIELBILD_SERVED_BY, panels.zielbild_served_by)
