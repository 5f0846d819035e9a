from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock


class Theme(index.Indexed, models.Model):
    """A Schwerpunktthema (focus theme) of the Stadtgespräch, e.g. Mobilität."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Schwerpunktthema")
        verbose_name_plural = _("Schwerpunktthemen")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Sector(models.Model):
    """A Bereich: a sector of society that works in the workshops."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=600)
    is_online = models.BooleanField(
        _("Online-Beteiligung"),
        default=False,
        help_text=_("Die Eingaben der Bürger*innen online, neben den drei Workshop-Bereichen."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_online"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("Bereich")
        verbose_name_plural = _("Bereiche")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ThemeIndexPage(Page):
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["participation.ThemePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht der Schwerpunktthemen")
        verbose_name_plural = _("Übersichten der Schwerpunktthemen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = (
            ThemePage.objects.live()
            .child_of(self)
            .select_related("theme", "image")
            .order_by("theme__sort_order", "title")
        )
        return context


class ThemePage(Page):
    theme = models.OneToOneField(
        Theme,
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    teaser = models.CharField(
        _("Kurztext"), max_length=240, blank=True, help_text=_("Für die Themenübersicht.")
    )
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=200,
        blank=True,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist. Leer: Das Bild ist dekorativ."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("teaser"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["participation.ThemeIndexPage"]
    subpage_types = []
    # For the site search (cms.search.pages): what it is called in the results, and how to
    # find the pages of a theme when the search is narrowed to one.
    search_label = _("Schwerpunktthema")
    search_theme_lookup = "theme__slug"

    class Meta:
        verbose_name = _("Schwerpunktthema (Seite)")
        verbose_name_plural = _("Schwerpunktthemen (Seiten)")

    def get_context(self, request, *args, **kwargs):
        from ..listing import theme_statements

        context = super().get_context(request, *args, **kwargs)
        context.update(theme_statements(request, self.theme))
        return context
