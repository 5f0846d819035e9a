from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Inhalte und Prozess")

    def ready(self):
        # Imported here, once the app registry is ready: these modules use the models.
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import locales
        from .models import FooterSettings, ProcessPage, StagePage
        from .signals import index_pages_again, page_saved_or_deleted, stage_pages_changed
        from .sitecache import tree_changed

        post_migrate.connect(index_pages_again, sender=self, dispatch_uid="cms-search-index")
        # Kept search results may show a page as it was, or one no longer published.
        from .search import caching

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(caching.forget, dispatch_uid=f"cms-search-{id(signal)}")
        # …or one an editor has since made private.
        for signal in (post_save, post_delete):
            signal.connect(
                caching.forget,
                sender=PageViewRestriction,
                dispatch_uid=f"cms-search-restriction-{id(signal)}",
            )
        for model in (StagePage, ProcessPage):
            for signal in (page_published, page_unpublished, post_save, post_delete):
                signal.connect(
                    stage_pages_changed,
                    sender=model,
                    dispatch_uid=f"cms-stages-{model.__name__}-{id(signal)}",
                )

        # What cms.sitecache keeps: the tree, the sites, the footer, who may see a page.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(tree_changed, dispatch_uid=f"cms-tree-{id(signal)}")
        for signal in (post_save, post_delete):
            signal.connect(page_saved_or_deleted, dispatch_uid=f"cms-tree-page-{id(signal)}")
        for model in (Site, FooterSettings, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    tree_changed,
                    sender=model,
                    dispatch_uid=f"cms-tree-{model.__name__}-{id(signal)}",
                )

        # Every German page has its counterpart in the English tree (cms.locales).
        post_save.connect(locales.mirror_new_page, dispatch_uid="cms-mirror-new-page")
        pre_delete.connect(locales.forget_counterparts, dispatch_uid="cms-forget-counterparts")
        post_migrate.connect(locales.after_migrate, sender=self, dispatch_uid="cms-locales")
        for signal in (post_save, post_delete):
            signal.connect(
                locales.forget_locales, sender=Locale, dispatch_uid=f"cms-locales-{id(signal)}"
            )
