from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.admin_menu import PermissionMenuItem
from cms.navigation import MAIN_NAVIGATION

from . import admin_views, frontdoor


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("ratsvorlage/", admin_views.versions, name="paper"),
        path(
            "ratsvorlage/<int:number>/veroeffentlichen/",
            admin_views.publish_version,
            name="paper_publish",
        ),
        path("ratsvorlage/<int:number>/beschluss/", admin_views.decision, name="paper_decision"),
    ]
    return [path("", include((urls, "ratsvorlage_admin")))]


@hooks.register("register_admin_menu_item")
def paper_menu_item():
    # Shown to whoever the page itself lets in (the strategy team).
    return PermissionMenuItem(
        _("Ratsvorlage"),
        reverse("ratsvorlage_admin:paper"),
        icon_name="doc-full",
        order=236,
        permission="ratsvorlage.add_paperversion",
    )


hooks.register(MAIN_NAVIGATION, frontdoor.navigation_items)
