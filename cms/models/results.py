from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from ..blocks import ResultsBlock


class StageResults(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """What a stage produced, published when the stage is over.

    A snippet of its own, not part of the stage page, so that the four-eyes workflow applies
    to the results alone: editors can still correct a stage's dates at once.
    """

    stage = models.OneToOneField(
        "cms.StagePage",
        verbose_name=_("Stufe"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    summary = RichTextField(
        _("Zusammenfassung"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    body = StreamField(ResultsBlock(), verbose_name=_("Ergebnisse"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="stageresults")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="stageresults",
        for_concrete_model=False,
    )

    panels = [FieldPanel("stage"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Ergebnisse einer Stufe")
        verbose_name_plural = _("Ergebnisse der Stufen")

    def __str__(self):
        return str(_("Ergebnisse: %(stage)s")) % {"stage": self.stage.title}

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "cms/stage_results_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["results"] = self
        context["stage"] = self.stage.status()
        return context


def latest_published_results() -> StageResults | None:
    """The published results of the latest stage that has any, with its page."""
    return (
        StageResults.objects.filter(live=True, stage__live=True)
        .select_related("stage")
        .order_by("-stage__number")
        .first()
    )
