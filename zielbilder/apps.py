from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZielbilderConfig(AppConfig):
    name = "zielbilder"
    verbose_name = _("Zielbilder")

    def ready(self):
        # Imported here, once the app registry is ready: these modules use the models.
        from . import consolidation

        consolidation.connect()
