"""The consolidation: agreed Zielbilder per theme, and for every input what became of it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin

ZIELBILD_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000


class ConsolidatedZielbild(DraftStateMixin, RevisionMixin, ClusterableModel):
    """A Zielbild as the strategy team consolidated it from the inputs of a theme.

    Drafts are for the team; publishing makes it public. Every saved version is kept as a
    revision (the admin's history), so how a Zielbild came to read as it does stays visible.
    """

    theme = models.ForeignKey(
        "participation.Theme",
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.PROTECT,
        related_name="consolidated_zielbilder",
    )
    text = models.TextField(_("Zielbild"), max_length=ZIELBILD_MAX_LENGTH)
    goals = ParentalManyToManyField(
        "strategie.Goal", verbose_name=_("Stadtziele"), blank=True, related_name="zielbilder"
    )
    fields_of_action = ParentalManyToManyField(
        "strategie.FieldOfAction",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="zielbilder",
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="zielbild")

    panels = [
        FieldPanel("theme"),
        FieldPanel("text"),
        FieldPanel("goals"),
        FieldPanel("fields_of_action"),
    ]

    class Meta:
        verbose_name = _("Konsolidiertes Zielbild")
        verbose_name_plural = _("Konsolidierte Zielbilder")
        ordering = ["theme", "created_at", "pk"]

    def __str__(self):
        short = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"{self.theme}: {short}"

    @property
    def revisions(self):
        return self._revisions


class OutcomeKind(models.TextChoices):
    TAKEN_UP = "taken_up", _("aufgenommen")
    MERGED = "merged", _("mit anderen zusammengeführt")
    NOT_TAKEN_UP = "not_taken_up", _("nicht aufgenommen")


class InputOutcome(models.Model):
    """What became of one statement (an input): nobody's input disappears silently."""

    statement = models.OneToOneField(
        "participation.Statement",
        verbose_name=_("Aussage"),
        on_delete=models.CASCADE,
        related_name="outcome",
    )
    kind = models.CharField(_("Ergebnis"), max_length=15, choices=OutcomeKind.choices)
    zielbild = models.ForeignKey(
        ConsolidatedZielbild,
        verbose_name=_("im Zielbild"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
    )
    reason = models.TextField(_("Begründung"), max_length=REASON_MAX_LENGTH, blank=True)
    decided_at = models.DateTimeField(_("Entschieden am"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Was aus einer Eingabe wurde")
        verbose_name_plural = _("Was aus den Eingaben wurde")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="not_taken_up", zielbild__isnull=True)
                    | (~models.Q(kind="not_taken_up") & models.Q(zielbild__isnull=False))
                ),
                name="outcome_zielbild_matches_kind",
            )
        ]

    def __str__(self):
        return f"{self.statement_id}: {self.get_kind_display()}"

    def clean(self):
        if self.kind == OutcomeKind.NOT_TAKEN_UP:
            if not self.reason.strip():
                raise ValidationError(
                    {"reason": _("Bitte begründen Sie, warum die Eingabe nicht aufgenommen wird.")}
                )
            self.zielbild = None
        elif self.zielbild_id is None:
            raise ValidationError(
                {"zielbild": _("Bitte wählen Sie das Zielbild, in das die Eingabe eingeht.")}
            )
