"""Stage 6: what the offices report – key-figure values and the state of projects – and the
measures that serve the goals.

Reports are never overwritten: a correction is a new report for the same date, and the latest
one counts. So every change stays with who made it and when.

The tables were made by `zielbilder`, from which this app was split, and keep their names: an
existing database upgrades in place (migrations/0001_from_zielbilder.py).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

NOTE_MAX_LENGTH = 1000


class OfficeMembership(models.Model):
    """A person who reports for an office. Which fields they report for follows from the
    office's cells of the matrix (leads or takes part)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="office_memberships",
    )
    office = models.ForeignKey(
        "strategie.Office", verbose_name=_("Amt"), on_delete=models.CASCADE, related_name="members"
    )

    panels = [FieldPanel("user"), FieldPanel("office")]

    class Meta:
        verbose_name = _("Mitarbeit in einem Amt")
        verbose_name_plural = _("Mitarbeit in den Ämtern")
        db_table = "zielbilder_officemembership"
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="office_membership_once")
        ]

    def __str__(self):
        return f"{self.user} – {self.office}"


class KeyFigureValue(models.Model):
    """One reported value of a key figure for a date; the latest report for a date counts."""

    key_figure = models.ForeignKey(
        "strategie.KeyFigure",
        verbose_name=_("Kennzahl"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    date = models.DateField(_("Stichtag"))
    value = models.DecimalField(_("Wert"), max_digits=14, decimal_places=3)
    note = models.TextField(_("Anmerkung"), max_length=NOTE_MAX_LENGTH, blank=True)
    source = models.CharField(_("Quelle"), max_length=300, blank=True)
    office = models.ForeignKey(
        "strategie.Office",
        verbose_name=_("gemeldet vom Amt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Wert einer Kennzahl")
        verbose_name_plural = _("Werte der Kennzahlen")
        db_table = "zielbilder_keyfigurevalue"
        ordering = ["key_figure", "date", "reported_at", "pk"]
        indexes = [models.Index(fields=["key_figure", "date", "-reported_at"])]

    def __str__(self):
        return f"{self.key_figure}: {self.value} ({self.date:%d.%m.%Y})"


class ProjectState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("läuft")
    DELAYED = "delayed", _("verzögert")
    DONE = "done", _("abgeschlossen")
    STOPPED = "stopped", _("eingestellt")


class ProjectReport(models.Model):
    """A project's state and progress as its office reported it; the latest one counts."""

    project = models.ForeignKey(
        "strategie.Project",
        verbose_name=_("Projekt"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    state = models.CharField(_("Stand"), max_length=10, choices=ProjectState.choices)
    progress = models.PositiveSmallIntegerField(_("Fortschritt in %"))
    note = models.TextField(_("Anmerkung"), max_length=NOTE_MAX_LENGTH, blank=True)
    office = models.ForeignKey(
        "strategie.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Bericht zu einem Projekt")
        verbose_name_plural = _("Berichte zu den Projekten")
        db_table = "zielbilder_projectreport"
        ordering = ["project", "-reported_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="project_progress_at_most_100"
            )
        ]

    def __str__(self):
        return f"{self.project}: {self.get_state_display()} {self.progress} %"


class Milestone(models.Model):
    project = models.ForeignKey(
        "strategie.Project",
        verbose_name=_("Projekt"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("Meilenstein"), max_length=200)
    due = models.DateField(_("geplant bis"))
    reached = models.DateField(_("erreicht am"), null=True, blank=True)
    # Who planned it and who marked it reached, and when: the project's history.
    created_at = models.DateTimeField(_("Eingetragen am"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reached_recorded_at = models.DateTimeField(null=True, blank=True)
    reached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        db_table = "zielbilder_milestone"
        ordering = ["project", "due", "pk"]

    def __str__(self):
        return self.title


class MeasureState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("in Umsetzung")
    DONE = "done", _("umgesetzt")
    STOPPED = "stopped", _("eingestellt")


class Measure(models.Model):
    """A Maßnahme: what the administration does for goals, fields and Zielbilder."""

    title = models.CharField(_("Maßnahme"), max_length=300)
    description = models.TextField(_("Beschreibung"), max_length=4000, blank=True)
    state = models.CharField(
        _("Stand"), max_length=10, choices=MeasureState.choices, default=MeasureState.PLANNED
    )
    office = models.ForeignKey(
        "strategie.Office",
        verbose_name=_("verantwortliches Amt"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    goals = models.ManyToManyField(
        "strategie.Goal", verbose_name=_("Stadtziele"), blank=True, related_name="measures"
    )
    fields_of_action = models.ManyToManyField(
        "strategie.FieldOfAction",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="measures",
    )
    zielbilder = models.ManyToManyField(
        "zielbilder.ConsolidatedZielbild",
        verbose_name=_("Zielbilder"),
        blank=True,
        related_name="measures",
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    modified_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("state"),
        FieldPanel("office"),
        FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
        FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
        FieldPanel("zielbilder", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        db_table = "zielbilder_measure"
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class ReminderLevel(models.TextChoices):
    DUE = "due", _("fällig")
    ESCALATED = "escalated", _("überfällig, an das Patenamt")


class ReminderSent(models.Model):
    """That the office was reminded of a key figure's value due on a date: at most once per
    due date and level, whatever how often the nightly job runs."""

    key_figure = models.ForeignKey(
        "strategie.KeyFigure", on_delete=models.CASCADE, related_name="reminders"
    )
    due = models.DateField()
    level = models.CharField(max_length=10, choices=ReminderLevel.choices)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Erinnerung an eine Kennzahl")
        verbose_name_plural = _("Erinnerungen an Kennzahlen")
        db_table = "zielbilder_remindersent"
        constraints = [
            models.UniqueConstraint(
                fields=["key_figure", "due", "level"], name="one_reminder_per_due_date_and_level"
            )
        ]

    def __str__(self):
        return f"{self.key_figure_id} {self.due} {self.level}"
