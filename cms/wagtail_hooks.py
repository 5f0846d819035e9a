from django.core.exceptions import PermissionDenied
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet

from cms.admin_permissions import SnippetViewSet

from . import page_context
from .language_marks import in_language
from .models import StageResults
from .models.results import latest_published_results
from .search.pages import PageSearch
from .teasers import HOME_TEASERS, Teaser


class StageResultsViewSet(SnippetViewSet):
    model = StageResults
    icon = "tasks"
    menu_label = _("Ergebnisse der Stufen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["__str__", "stage", "live"]
    list_filter = ["live"]
    search_fields = ["stage__title"]
    ordering = ["stage__number"]

    def get_queryset(self, request):
        # Each row names its stage; fetch them with the results, not one query per row.
        return StageResults.objects.select_related("stage")


register_snippet(StageResultsViewSet)


for label, add in page_context.PAGES.items():
    hooks.register(f"page_context:{label}", add)


@hooks.register("before_move_page")
def refuse_moves_the_mover_may_not_make(request, page, destination):
    """Wagtail shows its move confirmation to anyone with admin access and only checks the
    rights when the move is sent; this refuses both for whoever may not move the page there
    (rights on the page and on the destination, and the destination's page types)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def drafts_only_for_those_who_edit_pages(pages, request):
    """The page chooser is Wagtail's, open to every admin role; who edits no page sees only
    what is published anyway, not the titles of drafts."""
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        return pages
    return pages.live().public()


@hooks.register(HOME_TEASERS)
def latest_results_teaser(request):
    """The home page shows what the latest finished stage produced."""
    results = latest_published_results()
    if results is None:
        return []
    # Results are kept on the German stage page; the reader gets the stage in their language.
    stage = results.stage.localized.specific
    return [
        Teaser(
            preline=gettext("Ergebnisse"),
            heading=gettext("Stufe %(number)d: %(title)s")
            % {"number": stage.number, "title": stage.title},
            # The summary is written on the German stage page.
            text=in_language(Truncator(strip_tags(results.summary)).words(30)),
            url=f"{stage.get_url(request)}#results-heading",
            link_text=gettext("Ergebnisse lesen"),
            order=20,
        )
    ]


@hooks.register("construct_reports_menu")
def translations_report_only_for_translators(request, menu_items):
    """wagtail-localize shows its "Translations" report to every admin role; only those who
    may translate see it here (cms.views refuses the others)."""
    from django.urls import reverse

    if request.user.has_perm("wagtail_localize.submit_translation"):
        return
    report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != report]


@hooks.register("search_providers")
def search_pages():
    return PageSearch()
