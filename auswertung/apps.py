from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuswertungConfig(AppConfig):
    """The analysis of what people wrote and voted: opinion groups, similar statements and
    their drawings. It reads `participation` and writes only its own evaluations."""

    name = "auswertung"
    verbose_name = _("Auswertung")
