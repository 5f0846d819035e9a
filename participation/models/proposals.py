from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .moderation import Visibility
from .statements import STATEMENT_MAX_LENGTH, StatementKind, WithoutSearchVector

PROPOSAL_MIN_LENGTH = 30


class ProposalState(models.TextChoices):
    SUBMITTED = "submitted", _("in Prüfung")
    ACCEPTED = "accepted", _("angenommen")
    REJECTED = "rejected", _("abgelehnt")


class Proposal(models.Model):
    """A citizen's own Ausgangsbild or Zielbild; accepted, it becomes a statement."""

    theme = models.ForeignKey(
        "participation.Theme",
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    kind = models.CharField(_("Art"), max_length=20, choices=StatementKind.choices)
    stage = models.PositiveSmallIntegerField(_("Stufe"))
    text = models.TextField(_("Vorschlag"), max_length=STATEMENT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    state = models.CharField(
        _("Status"), max_length=10, choices=ProposalState.choices, default=ProposalState.SUBMITTED
    )
    decision_reason = models.TextField(_("Begründung der Entscheidung"), blank=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    statement = models.OneToOneField(
        "participation.Statement",
        verbose_name=_("daraus entstandene Aussage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )
    moderation_reason = models.TextField(_("Grund der Moderation"), blank=True)
    flag_count = models.PositiveIntegerField(_("Meldungen"), default=0, editable=False)
    created_at = models.DateTimeField(_("eingereicht am"), auto_now_add=True)
    # `text` as German full text for the site search; kept by a trigger on PostgreSQL (see
    # Statement.search_vector).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector()

    class Meta:
        verbose_name = _("Vorschlag")
        verbose_name_plural = _("Vorschläge")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_proposal", _("Kann Vorschläge moderieren"))]
        indexes = [
            models.Index(fields=["theme", "-created_at"], name="proposal_theme_new"),
            models.Index(fields=["author", "created_at"], name="proposal_author_recent"),
            models.Index(fields=["state", "-flag_count"], name="proposal_moderation_queue"),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_hidden(self) -> bool:
        return self.visibility == Visibility.HIDDEN
