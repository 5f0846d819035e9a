"""The council paper (Ratsvorlage): compiled versions and the council's decision.

The tables were made by `zielbilder`, from which this app was split, and keep their names:
an existing database upgrades in place (migrations/0001_from_zielbilder.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.private_files import paper_file_name, private_storage

RESOLUTION_MAX_LENGTH = 4000
CHANGES_MAX_LENGTH = 10_000


class VersionState(models.TextChoices):
    COMPILING = "compiling", _("wird erstellt")
    FAILED = "failed", _("fehlgeschlagen")
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")


class PaperVersion(models.Model):
    """One compiled version of the Ratsvorlage. Once compiled its content never changes:
    a new compilation makes a new version. An adopted version is the binding one."""

    number = models.PositiveIntegerField(_("Version"), unique=True)
    paper_number = models.CharField(_("Drucksache-Nr."), max_length=40)
    title = models.CharField(_("Titel"), max_length=300)
    proposed_resolution = models.TextField(
        _("Beschlussvorschlag"), max_length=RESOLUTION_MAX_LENGTH
    )
    state = models.CharField(
        _("Stand"), max_length=10, choices=VersionState.choices, default=VersionState.COMPILING
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt in %"), default=0)
    progress_note = models.CharField(_("Arbeitsschritt"), max_length=200, blank=True)
    error = models.TextField(_("Fehler"), blank=True)
    started_at = models.DateTimeField(_("Begonnen am"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("Erstellt am"), null=True, blank=True)
    content = models.JSONField(_("Inhalt"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 des Inhalts"), max_length=64, blank=True)
    html = models.TextField(_("HTML"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to=paper_file_name, storage=private_storage, blank=True)
    pdf_sha512 = models.CharField(max_length=128, blank=True)
    pdf_size = models.PositiveIntegerField(default=0)
    docx = models.FileField(
        _("DOCX"), upload_to=paper_file_name, storage=private_storage, blank=True
    )
    docx_sha512 = models.CharField(max_length=128, blank=True)
    docx_size = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(_("Veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    binding = models.BooleanField(_("Verbindlich beschlossen"), default=False)
    modified_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        db_table = "zielbilder_paperversion"
        verbose_name = _("Fassung der Ratsvorlage")
        verbose_name_plural = _("Fassungen der Ratsvorlage")
        ordering = ["-number"]
        constraints = [
            # One compilation at a time: the second one is refused by the database too.
            models.UniqueConstraint(
                fields=["state"],
                condition=models.Q(state="compiling"),
                name="one_compilation_at_a_time",
            ),
            models.UniqueConstraint(
                fields=["binding"], condition=models.Q(binding=True), name="one_binding_version"
            ),
        ]

    def __str__(self):
        return f"{self.paper_number} – Version {self.number}"

    def save(self, *args, **kwargs):
        # The binding version is what the council adopted: nothing may change it, whatever
        # path a change takes (the services refuse earlier, with a message next to the field).
        if self.pk and type(self).objects.filter(pk=self.pk, binding=True).exists():
            raise ValidationError(
                _("Version %(n)d ist verbindlich beschlossen und unveränderlich.")
                % {"n": self.number}
            )
        super().save(*args, **kwargs)

    @property
    def is_ready(self) -> bool:
        return self.state in (VersionState.DRAFT, VersionState.PUBLISHED)


class DecisionOutcome(models.TextChoices):
    ADOPTED = "adopted", _("beschlossen")
    ADOPTED_WITH_CHANGES = "adopted_with_changes", _("mit Änderungen beschlossen")
    REJECTED = "rejected", _("abgelehnt")
    POSTPONED = "postponed", _("vertagt")


ADOPTING_OUTCOMES = (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_WITH_CHANGES)


class CouncilDecision(models.Model):
    """What the council decided about a published version, at which meeting."""

    version = models.ForeignKey(
        PaperVersion,
        verbose_name=_("Fassung"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    meeting_date = models.DateField(_("Sitzung am"))
    outcome = models.CharField(_("Ergebnis"), max_length=25, choices=DecisionOutcome.choices)
    changes = models.TextField(_("Änderungen"), max_length=CHANGES_MAX_LENGTH, blank=True)
    votes_yes = models.PositiveIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    votes_no = models.PositiveIntegerField(_("Nein-Stimmen"), null=True, blank=True)
    votes_abstain = models.PositiveIntegerField(_("Enthaltungen"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("Eingetragen am"), auto_now_add=True)
    modified_at = models.DateTimeField(_("Geändert am"), auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "zielbilder_councildecision"
        verbose_name = _("Ratsbeschluss")
        verbose_name_plural = _("Ratsbeschlüsse")
        ordering = ["-meeting_date", "-pk"]

    def __str__(self):
        return f"{self.version}: {self.get_outcome_display()} ({self.meeting_date:%d.%m.%Y})"

    def clean(self):
        if self.outcome == DecisionOutcome.ADOPTED_WITH_CHANGES and not self.changes.strip():
            raise ValidationError({"changes": _("Bitte nennen Sie die beschlossenen Änderungen.")})
