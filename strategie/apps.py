from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategieConfig(AppConfig):
    """The administration's strategy model: goals, fields of action, projects, key figures,
    offices and which office leads or takes part in which field; its public pages, its import
    and export, and its seed from the council paper."""

    name = "strategie"
    verbose_name = _("Strategie")

    def ready(self):
        # Imported here, once the app registry is ready: the search listens to the models.
        from . import search

        search.connect()
