from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cms.process import collecting_stage
from cms.stages import StageSubject, stage_number_check, stage_number_validators

STATEMENT_MAX_LENGTH = 1500


class StatementKind(models.TextChoices):
    AUSGANGSBILD = "ausgangsbild", _("Ausgangsbild")
    ZIELBILD = "zielbild", _("Zielbild")


class StatementState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


PUBLIC_STATES = [StatementState.PUBLISHED.value, StatementState.WITHDRAWN.value]


class StatementQuerySet(models.QuerySet):
    def public(self):
        """Published and withdrawn statements: a withdrawn one stays readable, marked as such.

        Written as a positive list, so that PostgreSQL can use the partial indexes below.
        """
        return self.filter(state__in=PUBLIC_STATES)


class WithoutSearchVector(models.Manager):
    """Leaves the search vector in the database: only the site search reads it, and every
    list, thread and export would otherwise carry it along."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


StatementManager = WithoutSearchVector.from_queryset(StatementQuerySet)


def _public_index(*fields: str, name: str) -> models.Index:
    return models.Index(fields=list(fields), condition=Q(state__in=PUBLIC_STATES), name=name)


class Statement(models.Model):
    """An Ausgangsbild or Zielbild: what a workshop or a citizen said about a theme."""

    kind = models.CharField(_("Art"), max_length=20, choices=StatementKind.choices)
    theme = models.ForeignKey(
        "participation.Theme",
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    sector = models.ForeignKey(
        "participation.Sector",
        verbose_name=_("Herkunft"),
        on_delete=models.PROTECT,
        related_name="statements",
        help_text=_("Der Bereich, dessen Workshop die Aussage erarbeitet hat, oder online."),
    )
    stage = models.PositiveSmallIntegerField(
        _("Stufe"),
        validators=stage_number_validators(),
        help_text=_(
            "Nummer der Stufe, deren Workshops Aussagen dieser Art erarbeiten und in der sie "
            "entstanden ist."
        ),
    )
    text = models.TextField(_("Text"), max_length=STATEMENT_MAX_LENGTH)
    state = models.CharField(
        _("Status"),
        max_length=10,
        choices=StatementState.choices,
        default=StatementState.DRAFT,
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    # Kept by participation.votes and participation.comments inside the same transaction as
    # the rows they count, so that lists sort and show results without counting 2 million
    # votes on every request. `agreement` and `controversy` are the measures the lists rank
    # by (participation.rankings).
    agree_count = models.PositiveIntegerField(_("Zustimmungen"), default=0, editable=False)
    disagree_count = models.PositiveIntegerField(_("Ablehnungen"), default=0, editable=False)
    neutral_count = models.PositiveIntegerField(_("Neutral"), default=0, editable=False)
    agreement = models.FloatField(_("Zustimmung (vorsichtig geschätzt)"), default=0, editable=False)
    controversy = models.FloatField(_("Umstrittenheit"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("Kommentare"), default=0, editable=False)
    # `text` as German full text for the site search (cms.search). On PostgreSQL a trigger
    # keeps it (migration 0011_search_vectors), so that every write path – forms, admin,
    # imports with bulk_create, SQL – leaves it true; on SQLite it stays empty.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = StatementManager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("stage")]),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("sector")]),
        FieldPanel("text"),
        FieldPanel("state"),
    ]

    class Meta:
        verbose_name = _("Aussage")
        verbose_name_plural = _("Aussagen")
        ordering = ["-created_at", "-pk"]
        # A theme page sorts one theme's public statements and shows the first twenty; each
        # sort has an index that delivers them in order, and the facet counts read one that
        # holds all they count (index-only).
        indexes = [
            _public_index("theme", "-created_at", "-id", name="statement_public_new"),
            _public_index("theme", "-agreement", "-id", name="statement_public_agreement"),
            _public_index("theme", "-controversy", "-id", name="statement_public_disputed"),
            _public_index("theme", "-comment_count", "-id", name="statement_public_discussed"),
            _public_index("theme", "kind", "sector", "stage", name="statement_public_facets"),
            # The take-part page lists the published statements of the open stages from all
            # themes, fewest votes first (participation.filters.TAKE_PART_SORTS), and counts
            # them per theme and kind: an index that delivers that order, and one the counts
            # read alone.
            models.Index(
                F("agree_count") + F("disagree_count") + F("neutral_count"),
                F("created_at").desc(),
                F("id").desc(),
                condition=Q(state=StatementState.PUBLISHED),
                name="statement_open_fewest_votes",
            ),
            models.Index(
                fields=["stage", "theme", "kind"],
                condition=Q(state=StatementState.PUBLISHED),
                name="statement_open_facets",
            ),
            # The few statements that are not public, for the site search: the comments it
            # finds are those of public statements, and ruling out the few others is cheaper
            # than matching every comment with the many public ones
            # (participation.search.CommentSearch).
            models.Index(
                fields=["id"],
                condition=~Q(state__in=PUBLIC_STATES),
                name="statement_not_public",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=stage_number_check("stage"),
                name="statement_stage_in_process",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("participation:statement", args=[self.pk])

    def clean(self):
        super().clean()
        stage = collecting_stage(self.kind) if self.kind else None
        if stage is not None and self.stage and self.stage != stage.number:
            raise ValidationError(
                {
                    "stage": _("%(kind)s entstehen in Stufe %(number)d.")
                    % {"kind": StageSubject(self.kind).label, "number": stage.number}
                },
                code="stage_of_other_kind",
            )

    @property
    def vote_count(self) -> int:
        return self.agree_count + self.disagree_count + self.neutral_count

    @property
    def is_withdrawn(self) -> bool:
        return self.state == StatementState.WITHDRAWN
