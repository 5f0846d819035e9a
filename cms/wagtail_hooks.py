from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StageResults


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
