from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmsetzungConfig(AppConfig):
    """Stage 6, the implementation: what the offices report (key-figure values, projects'
    state, milestones), the measures, the public dashboard and the reminders."""

    name = "umsetzung"
    verbose_name = _("Umsetzung")

    def ready(self):
        # Imported here, once the app registry is ready: the cache listens to the models.
        from . import monitoring_cache

        monitoring_cache.connect()
