from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Inhalte und Prozess")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from .models import ProcessPage, StagePage
        from .signals import stage_pages_changed

        for model in (StagePage, ProcessPage):
            for signal in (page_published, page_unpublished, post_save, post_delete):
                signal.connect(
                    stage_pages_changed,
                    sender=model,
                    dispatch_uid=f"cms-stages-{model.__name__}-{id(signal)}",
                )
