"""A Stadtkonferenz: when and where, how many seats for whom, and its World Café tables."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.locales import localized_among
from cms.models import ContextFromHooks
from cms.process import conference_stages
from cms.stages import stage_number_validators

from .registrations import RegistrationSector

# The seed's World Café: two rounds at theme tables.
CAFE_ROUNDS = (1, 2)
# Days after a conference until its registrations are anonymised, unless the team sets
# another number for it; the privacy page states it (konferenzen.personal_data).
ANONYMISE_AFTER_DAYS = 90


class Conference(ClusterableModel):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname"), max_length=80, unique=True, help_text=_("Teil der Adresse der Anmeldung.")
    )
    stage = models.PositiveSmallIntegerField(
        _("Stufe"),
        validators=stage_number_validators(),
        help_text=_("Die Nummer der Stufe des Stadtgesprächs, die diese Stadtkonferenz ist."),
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    venue_name = models.CharField(_("Ort"), max_length=200)
    venue_address = models.TextField(_("Adresse"), max_length=400)
    venue_accessibility = models.TextField(
        _("Barrierefreiheit des Ortes"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Zugang, Aufzug, Toiletten, Induktionsschleife, Ruheraum, Anreise mit Bus und Bahn."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), validators=[MinValueValidator(1)], help_text=_("Plätze insgesamt.")
    )
    registration_opens = models.DateTimeField(_("Anmeldung ab"))
    registration_closes = models.DateTimeField(_("Anmeldung bis"))
    contact_email = models.EmailField(
        _("Kontakt-E-Mail"),
        help_text=_("Funktionsadresse des Konferenzteams, keine persönliche Adresse."),
    )
    round_1_title = models.CharField(
        _("Thema der ersten Runde"),
        max_length=200,
        # Plain German, not translated: it becomes the conference's content.
        default="Wichtige Projekte und Themen",
    )
    round_2_title = models.CharField(
        _("Thema der zweiten Runde"),
        max_length=200,
        default="Kritik und Verbesserungsvorschläge",
    )
    anonymise_after_days = models.PositiveSmallIntegerField(
        _("Anonymisieren nach (Tagen)"),
        default=ANONYMISE_AFTER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_(
            "So viele Tage nach der Konferenz werden Namen, Adressen und Bedarfe der "
            "Angemeldeten gelöscht; die Zahlen bleiben."
        ),
    )
    anonymised_at = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("stage"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Zeit")),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_accessibility"),
            ],
            heading=_("Ort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("contact_email"),
                FieldPanel("anonymise_after_days"),
            ],
            heading=_("Anmeldung"),
        ),
        InlinePanel(
            "quotas",
            heading=_("Plätze je Bereich"),
            label=_("Kontingent"),
            help_text=_(
                "Optional: höchstens so viele Plätze für einen Bereich. Bereiche ohne "
                "Kontingent teilen sich die übrigen Plätze."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("round_1_title"), FieldPanel("round_2_title")],
            heading=_("World Café: Runden"),
        ),
        InlinePanel("tables", heading=_("World Café: Thementische"), label=_("Tisch")),
    ]

    @property
    def page(self):
        """The conference's page in the reader's language, else the German one, else None."""
        return localized_among(self, "pages")

    class Meta:
        verbose_name = _("Stadtkonferenz")
        verbose_name_plural = _("Stadtkonferenzen")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="conference_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes__gt=models.F("registration_opens")),
                name="conference_registration_window",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.registration_opens and self.registration_closes:
            if self.registration_closes <= self.registration_opens:
                errors["registration_closes"] = _("Die Anmeldung muss enden, nachdem sie beginnt.")
            elif self.ends_at and self.registration_closes > self.ends_at:
                errors["registration_closes"] = _(
                    "Die Anmeldung kann nicht nach dem Ende der Konferenz schließen."
                )
        stages = conference_stages() if self.stage else []
        if stages and self.stage not in {stage.number for stage in stages}:
            errors["stage"] = _(
                "Stufe %(number)d ist keine Stadtkonferenz. Stadtkonferenzen dieses Prozesses: "
                "%(stages)s."
            ) % {
                "number": self.stage,
                "stages": ", ".join(
                    _("Stufe %(number)d") % {"number": stage.number} for stage in stages
                ),
            }
        if errors:
            raise ValidationError(errors)

    @property
    def venue_one_line(self) -> str:
        lines = [self.venue_name, *self.venue_address.splitlines()]
        return ", ".join(line.strip() for line in lines if line.strip())

    def round_title(self, number: int) -> str:
        return self.round_1_title if number == 1 else self.round_2_title


class SectorQuota(Orderable):
    conference = ParentalKey(Conference, on_delete=models.CASCADE, related_name="quotas")
    sector = models.CharField(_("Bereich"), max_length=20, choices=RegistrationSector.choices)
    seats = models.PositiveIntegerField(_("Plätze"), validators=[MinValueValidator(1)])

    panels = [FieldRowPanel([FieldPanel("sector"), FieldPanel("seats")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Kontingent")
        verbose_name_plural = _("Kontingente")
        constraints = [
            models.UniqueConstraint(fields=["conference", "sector"], name="quota_once_per_sector")
        ]

    def __str__(self):
        return f"{self.get_sector_display()}: {self.seats}"


class CafeTable(Orderable):
    conference = ParentalKey(Conference, on_delete=models.CASCADE, related_name="tables")
    title = models.CharField(_("Thema des Tisches"), max_length=120)
    seats = models.PositiveSmallIntegerField(
        _("Plätze am Tisch"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    hosts = models.CharField(
        _("Pat*innen"),
        max_length=300,
        blank=True,
        help_text=_("Wer den Tisch moderiert, als Amt oder Funktion."),
    )

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("seats")]), FieldPanel("hosts")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thementisch")
        verbose_name_plural = _("Thementische")

    def __str__(self):
        return self.title


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Uhrzeit"))
    title = blocks.CharBlock(label=_("Programmpunkt"), max_length=200)
    description = blocks.TextBlock(label=_("Beschreibung"), required=False, max_length=600)

    class Meta:
        icon = "time"
        label = _("Programmpunkt")


class ConferencePage(ContextFromHooks, Page):
    """The public page of a conference: what it is, the programme, and the way to register."""

    # One page per language tree: the German page and its English translation (or alias).
    conference = models.ForeignKey(
        Conference, verbose_name=_("Konferenz"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    programme = StreamField(
        [("item", ProgrammeItemBlock())], verbose_name=_("Programm"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("conference"),
        FieldPanel("intro"),
        FieldPanel("programme"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.StagePage"]
    subpage_types = []
    # What the site search (cms.search.pages) calls it in its results.
    search_label = _("Stadtkonferenz")

    class Meta:
        verbose_name = _("Stadtkonferenz (Seite)")
        verbose_name_plural = _("Stadtkonferenzen (Seiten)")
