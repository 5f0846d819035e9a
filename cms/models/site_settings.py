from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operator = models.CharField(
        _("Betreiberin"),
        max_length=200,
        blank=True,
        help_text=_("Wird in Kopf- und Fußzeile genannt, z. B. „Stadt Dortmund“."),
    )

    panels = [
        FieldPanel("operator"),
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("Fußzeile")

    def links(self):
        pages = [
            (self.imprint_page, _("Impressum")),
            (self.privacy_page, _("Datenschutz")),
            (self.accessibility_page, _("Barrierefreiheit")),
        ]
        return [(page, label) for page, label in pages if page is not None and page.live]
