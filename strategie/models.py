"""The administration's strategy model: Stadtziele, strategic fields of action, projects, key
figures, and which office leads or takes part in which field.

The tables were made by `zielbilder`, from which this app was split, and keep their names: an
existing database upgrades in place (migrations/0001_from_zielbilder.py)."""

from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Goal(models.Model):
    """A Stadtziel."""

    number = models.PositiveSmallIntegerField(_("Nummer"), unique=True)
    name = models.CharField(_("Stadtziel"), max_length=200, unique=True)
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("Stadtziel")
        verbose_name_plural = _("Stadtziele")
        db_table = "zielbilder_goal"
        ordering = ["number"]

    def __str__(self):
        return self.name


def by_office_number(path: str = "number", *, descending: bool = False) -> list:
    """Ordering by an office's number as a number – "3, 5, 10, 11, 51, 100", not "10, 100, 11,
    3" – for `order_by(*…)`; `path` leads to the number ("office__number"). Office numbers are
    digits, so the shorter one is the smaller; of the same length, the text order is the
    number's."""
    length, number = Length(path), models.F(path)
    if descending:
        return [length.desc(), number.desc()]
    return [length.asc(), number.asc()]


class Office(models.Model):
    """An office (Amt, Fachbereich, Eigenbetrieb) of the administration."""

    number = models.CharField(_("Nummer"), max_length=20, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    division = models.CharField(
        _("Geschäftsbereich"), max_length=200, blank=True, help_text=_("Dezernat oder Bereich.")
    )

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("division")]

    class Meta:
        verbose_name = _("Amt")
        verbose_name_plural = _("Ämter")
        db_table = "zielbilder_office"
        ordering = by_office_number()

    def __str__(self):
        return f"{self.number} – {self.name}"


class FieldOfAction(models.Model):
    """A strategic field of action (strategisches Handlungsfeld) serving one goal."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("Stadtziel"), on_delete=models.PROTECT, related_name="fields"
    )
    name = models.CharField(_("Handlungsfeld"), max_length=200, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=200, unique=True)
    sponsor_office = models.ForeignKey(
        Office,
        verbose_name=_("Patenamt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sponsored_fields",
        help_text=_("Das Amt, das das Handlungsfeld als Pate verantwortet."),
    )
    sponsor_division = models.CharField(
        _("Patenschaft im Geschäftsbereich"),
        max_length=50,
        blank=True,
        help_text=_("Der Geschäftsbereich, der die Patenschaft trägt, z. B. „GBII“."),
    )
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("goal"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sponsor_office"),
        FieldPanel("sponsor_division"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        db_table = "zielbilder_fieldofaction"
        ordering = ["goal__number", "sort_order", "name"]

    def __str__(self):
        return self.name


class Project(models.Model):
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    name = models.CharField(_("Projekt"), max_length=200)
    description = models.TextField(_("Kurzbeschreibung"), max_length=3000, blank=True)
    strategic = models.BooleanField(
        _("Strategisches Projekt"),
        default=False,
        help_text=_("Das eine strategische Projekt des Handlungsfelds; weitere sind möglich."),
    )
    office = models.ForeignKey(
        "strategie.Office",
        verbose_name=_("eingebracht vom Amt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    # The field's lead office ranks the further projects by their relevance to the goal, as
    # the seed's office workshops do; 1 is the most relevant, empty is not ranked yet.
    relevance_rank = models.PositiveSmallIntegerField(
        _("Rang nach Relevanz"), null=True, blank=True
    )

    panels = [
        FieldPanel("field"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("strategic"),
        FieldRowPanel([FieldPanel("office"), FieldPanel("relevance_rank")]),
    ]

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        db_table = "zielbilder_project"
        ordering = ["field", "-strategic", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["field"],
                condition=models.Q(strategic=True),
                name="one_strategic_project_per_field",
                violation_error_message=_(
                    "Dieses Handlungsfeld hat schon ein strategisches Projekt."
                ),
            ),
            models.UniqueConstraint(fields=["field", "name"], name="project_name_per_field"),
        ]

    def __str__(self):
        return self.name


class Direction(models.TextChoices):
    UP = "up", _("höher ist besser")
    DOWN = "down", _("niedriger ist besser")
    TARGET = "target", _("möglichst nah am Zielwert")


class KeyFigure(models.Model):
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        on_delete=models.CASCADE,
        related_name="key_figures",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("Projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="key_figures",
    )
    name = models.CharField(_("Kennzahl"), max_length=300)
    strategic = models.BooleanField(_("Strategische Kennzahl"), default=False)
    unit = models.CharField(_("Einheit"), max_length=50, blank=True)
    direction = models.CharField(
        _("Richtung"), max_length=10, choices=Direction.choices, default=Direction.UP
    )
    baseline_value = models.DecimalField(
        _("Ausgangswert"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    baseline_date = models.DateField(_("Ausgangswert vom"), null=True, blank=True)
    target_value = models.DecimalField(
        _("Zielwert"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    target_date = models.DateField(_("Zielwert bis"), null=True, blank=True)
    source = models.CharField(_("Quelle"), max_length=300, blank=True)
    note = models.CharField(
        _("Stand"),
        max_length=300,
        blank=True,
        help_text=_("Zum Beispiel „noch abzustimmen mit der Kinderkommission“."),
    )
    reporting_interval = models.PositiveSmallIntegerField(
        _("Berichtsintervall in Monaten"),
        default=12,
        help_text=_("So oft meldet das verantwortliche Amt einen neuen Wert."),
    )
    responsible_office = models.ForeignKey(
        "strategie.Office",
        verbose_name=_("meldendes Amt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_key_figures",
        help_text=_("Leer: das federführende Amt des Handlungsfelds."),
    )

    panels = [
        FieldPanel("field"),
        FieldPanel("project"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("strategic"), FieldPanel("unit"), FieldPanel("direction")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_date")]),
                FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_date")]),
                FieldPanel("source"),
            ],
            heading=_("Werte"),
        ),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("reporting_interval"), FieldPanel("responsible_office")]),
    ]

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        db_table = "zielbilder_keyfigure"
        ordering = ["field", "-strategic", "name"]
        constraints = [
            models.UniqueConstraint(fields=["field", "name"], name="key_figure_name_per_field")
        ]

    def __str__(self):
        return self.name

    @property
    def to_be_agreed(self) -> bool:
        return self.target_value is None and bool(self.note)


class ParticipationRole(models.TextChoices):
    LEADS = "F", _("federführend")
    TAKES_PART = "B", _("beteiligt")


class Participation(models.Model):
    """A cell of the offices × fields matrix."""

    office = models.ForeignKey(
        Office, verbose_name=_("Amt"), on_delete=models.CASCADE, related_name="participations"
    )
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(_("Rolle"), max_length=1, choices=ParticipationRole.choices)

    panels = [FieldPanel("office"), FieldPanel("field"), FieldPanel("role")]

    class Meta:
        verbose_name = _("Beteiligung eines Amts")
        verbose_name_plural = _("Beteiligungen der Ämter")
        db_table = "zielbilder_participation"
        ordering = ["field", "office"]
        constraints = [
            models.UniqueConstraint(fields=["office", "field"], name="participation_once")
        ]

    def __str__(self):
        return f"{self.office.number} / {self.field}: {self.role}"
