from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatsvorlageConfig(AppConfig):
    """The council paper: compiled from the strategy, the consolidation and the analysis,
    rendered as HTML, PDF and DOCX in versions, decided by the council, published as OParl."""

    name = "ratsvorlage"
    verbose_name = _("Ratsvorlage")
