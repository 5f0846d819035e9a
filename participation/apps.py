from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Beteiligung")

    def ready(self):
        # Imported here, once the app registry is ready: these modules use the models.
        from wagtail.signals import published

        from . import search
        from .signals import stage_results_published

        published.connect(stage_results_published, dispatch_uid="participation-stage-results")
        search.connect()
