"""Stored evaluations of a theme's inputs: opinion groups and similar statements.

The table was made by `zielbilder`, from which this app was split, and keeps its name: an
existing database upgrades in place (migrations/0001_from_zielbilder.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnalysisState(models.TextChoices):
    REQUESTED = "requested", _("angefordert")
    RUNNING = "running", _("wird berechnet")
    DONE = "done", _("fertig")
    FAILED = "failed", _("fehlgeschlagen")


class ThemeAnalysis(models.Model):
    """One run of the opinion groups and the similar statements of a theme, with its date.

    The team sees the latest finished run; older runs stay for comparison until they are
    pruned (`analysis.KEEP_PER_THEME`). The full result is kept for audit and download;
    pages read `display`, the same without every participant's coordinates.
    """

    theme = models.ForeignKey(
        "participation.Theme",
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.CASCADE,
        related_name="analyses",
    )
    state = models.CharField(
        _("Stand"), max_length=10, choices=AnalysisState.choices, default=AnalysisState.REQUESTED
    )
    requested_at = models.DateTimeField(_("Angefordert am"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("Begonnen am"), null=True, blank=True)
    computed_at = models.DateTimeField(_("Berechnet am"), null=True, blank=True)
    votes = models.PositiveIntegerField(_("Bewertungen"), default=0)
    participants = models.PositiveIntegerField(_("Teilnehmende"), default=0)
    display = models.JSONField(_("Ergebnis zur Anzeige"), null=True, blank=True)
    result = models.JSONField(_("Vollständiges Ergebnis"), null=True, blank=True)
    similar = models.JSONField(_("Ähnliche Eingaben"), default=list, blank=True)
    error = models.TextField(_("Fehler"), blank=True)

    class Meta:
        verbose_name = _("Auswertung eines Themas")
        verbose_name_plural = _("Auswertungen der Themen")
        db_table = "zielbilder_themeanalysis"
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["theme", "state", "-computed_at"])]
        constraints = [
            # At most one run waits or runs per theme: a second click joins the first.
            models.UniqueConstraint(
                fields=["theme"],
                condition=models.Q(state__in=["requested", "running"]),
                name="one_open_analysis_per_theme",
            )
        ]

    def __str__(self):
        return f"{self.theme}: {self.get_state_display()} ({self.requested_at:%Y-%m-%d %H:%M})"
