from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms.admin_menu import PermissionMenuItem
from cms.admin_permissions import SnippetViewSet
from participation.panels import STATEMENT_PAGE, THEME_PAGE, THEME_RESULTS

from . import admin_workbench, panels
from .models import ConsolidatedZielbild


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("werkbank/", admin_workbench.workbench_themes, name="workbench_themes"),
        path("werkbank/<slug:slug>/", admin_workbench.workbench, name="workbench"),
        # One address per action (POST).
        path("werkbank/<slug:slug>/auswerten/", admin_workbench.analyse, name="analyse"),
        path(
            "werkbank/<slug:slug>/neues-zielbild/",
            admin_workbench.new_zielbild,
            name="new_zielbild",
        ),
        path("werkbank/<slug:slug>/zusammenfuehren/", admin_workbench.merge, name="merge"),
        path("werkbank/<slug:slug>/ergebnis/", admin_workbench.outcome, name="outcome"),
        path("katalogbeschluss/", admin_workbench.catalogue_agreement, name="agreement"),
    ]
    return [path("", include((urls, "zielbilder_admin")))]


@hooks.register("register_admin_menu_item")
def workbench_menu_item():
    # Shown only to those whom the page itself lets in.
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


# What participation's pages show of the consolidation (participation.panels).
hooks.register(STATEMENT_PAGE, panels.statement_outcome)
hooks.register(THEME_PAGE, panels.theme_traceability)
hooks.register(THEME_RESULTS, panels.theme_traceability)
