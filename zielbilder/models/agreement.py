"""The catalogue of consolidated Zielbilder as the city conference of stage 4 agreed it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 2000


class CatalogueAgreement(models.Model):
    """The conference agreed on the published Zielbilder as they read on that day.

    Which version of each Zielbild was agreed is kept (`AgreedZielbild.revision`), so that a
    later edit shows as "changed after the agreement" instead of silently rewriting what the
    conference decided.
    """

    conference = models.ForeignKey(
        "konferenzen.Conference",
        verbose_name=_("Stadtkonferenz"),
        on_delete=models.PROTECT,
        related_name="catalogue_agreements",
    )
    agreed_on = models.DateField(_("Beschlossen am"))
    note = models.TextField(_("Anmerkung"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_at = models.DateTimeField(_("Eingetragen am"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Beschluss des Zielbild-Katalogs")
        verbose_name_plural = _("Beschlüsse des Zielbild-Katalogs")
        ordering = ["-agreed_on", "-pk"]

    def __str__(self):
        return f"{self.conference} ({self.agreed_on:%d.%m.%Y})"


class AgreedZielbild(models.Model):
    agreement = models.ForeignKey(
        CatalogueAgreement, on_delete=models.CASCADE, related_name="zielbilder"
    )
    zielbild = models.ForeignKey(
        "zielbilder.ConsolidatedZielbild", on_delete=models.PROTECT, related_name="agreements"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Beschlossener Wortlaut"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "zielbild"], name="agreed_once")
        ]

    def __str__(self):
        return f"{self.agreement}: {self.zielbild_id}"
