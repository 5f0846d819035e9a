import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.admin_menu import PermissionMenuItem
from cms.admin_permissions import SnippetViewSet
from cms.teasers import HOME_TEASERS, STAGE_ACTION

from . import admin_views, frontdoor, page_context, search
from .models import Sector, Statement, Theme
from .models.statements import StatementKind, StatementState
from .moderation import waiting_counts
from .my_participation import comments_source, follows_source, proposals_source, votes_source


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    list_display = ["name", "is_online", "sort_order"]
    list_filter = ["is_online"]
    ordering = ["sort_order", "name"]


class StatementFilterSet(WagtailFilterSet):
    theme = django_filters.ModelChoiceFilter(label=_("Thema"), queryset=Theme.objects.all())
    kind = django_filters.ChoiceFilter(label=_("Art"), choices=StatementKind.choices)
    sector = django_filters.ModelChoiceFilter(label=_("Herkunft"), queryset=Sector.objects.all())
    stage = django_filters.NumberFilter(label=_("Stufe"))
    state = django_filters.ChoiceFilter(label=_("Status"), choices=StatementState.choices)

    class Meta:
        model = Statement
        fields = []


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "openquote"
    list_display = ["__str__", "theme", "sector", "stage", "state", "agree_count", "comment_count"]
    filterset_class = StatementFilterSet
    search_fields = ["text"]
    # The database, not Wagtail's search index: imports create statements in bulk, which
    # the index would not see.
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50

    def get_queryset(self, request):
        return Statement.objects.select_related("theme", "sector")


class ParticipationGroup(SnippetViewSetGroup):
    menu_label = _("Beteiligung")
    menu_icon = "group"
    menu_order = 210
    items = (StatementViewSet, ThemeViewSet, SectorViewSet)


register_snippet(ParticipationGroup)


admin_urlpatterns = [
    path("moderation/", admin_views.queue, name="queue"),
    path("moderation/kommentare/<int:pk>/", admin_views.comment_detail, name="comment"),
    path("moderation/vorschlaege/<int:pk>/", admin_views.proposal_detail, name="proposal"),
    # One address per thing a moderator does (POST), named "comment_hide", "proposal_accept" …
    *(
        path(
            f"moderation/kommentare/<int:pk>/{action.slug}/",
            admin_views.comment_action(action),
            name=f"comment_{action.name}",
        )
        for action in admin_views.COMMENT_ACTIONS
    ),
    *(
        path(
            f"moderation/vorschlaege/<int:pk>/{action.slug}/",
            admin_views.proposal_action(action),
            name=f"proposal_{action.name}",
        )
        for action in admin_views.PROPOSAL_ACTIONS
    ),
    path("aussagen-import/", admin_views.statement_import, name="import"),
    path(
        "aussagen-import/bestaetigen/",
        admin_views.statement_import_confirm,
        name="import_confirm",
    ),
]


for label, add in page_context.PAGES.items():
    hooks.register(f"page_context:{label}", add)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include((admin_urlpatterns, "participation_admin")))]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return PermissionMenuItem(
        _("Moderation"),
        reverse("participation_admin:queue"),
        icon_name="warning",
        order=205,
        permission="participation.moderate_comment",
    )


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        _("Aussagen importieren"),
        reverse("participation_admin:import"),
        icon_name="upload",
        order=215,
        permission="participation.add_statement",
    )


class ModerationPanel(Component):
    """On the admin's start page: what waits for the moderators."""

    name = "moderation"
    order = 50
    template_name = "participation/admin/moderation_panel.html"

    def get_context_data(self, parent_context):
        return {"counts": waiting_counts()}


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm("participation.moderate_comment"):
        panels.append(ModerationPanel())


@hooks.register("my_participation_sections")
def my_votes():
    return votes_source()


@hooks.register("my_participation_sections")
def my_comments():
    return comments_source()


@hooks.register("my_participation_sections")
def my_proposals():
    return proposals_source()


@hooks.register("my_participation_sections")
def my_follows():
    return follows_source()


# The primary action of a stage with an open consultation, and the home page's teaser for
# one that outlasts its stage (cms.teasers).
hooks.register(STAGE_ACTION, frontdoor.consultation_action)
hooks.register(HOME_TEASERS, frontdoor.consultation_teasers)


@hooks.register("search_providers")
def search_providers():
    return [search.StatementSearch(), search.ProposalSearch(), search.CommentSearch()]


@hooks.register("search_themes")
def search_themes():
    return search.themes()
