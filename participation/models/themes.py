from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.locales import localized_among
from cms.models import ContextFromHooks


class Theme(index.Indexed, models.Model):
    """A Schwerpunktthema (focus theme) of the Stadtgespräch, e.g. Mobilität."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    # One field, not a row per language: statements, votes and follows point at the theme,
    # whatever language the reader reads it in.
    name_en = models.CharField(
        _("Name auf Englisch"),
        max_length=80,
        blank=True,
        help_text=_(
            "So heißt das Thema auf den englischen Seiten. Leer lassen: Dort steht der "
            "deutsche Name."
        ),
    )
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("Schwerpunktthema")
        verbose_name_plural = _("Schwerpunktthemen")
        ordering = ["sort_order", "name"]

    def __str__(self):
        """The name in the reader's language, where the theme has one (see `content_language`)."""
        if self.content_language == "en":
            return self.name_en
        return self.name

    @property
    def content_language(self) -> str:
        """The language `str(theme)` is in: English on the English interface where an editor
        gave the English name, else German."""
        if self.name_en and (get_language() or "").startswith("en"):
            return "en"
        return settings.LANGUAGE_CODE

    @property
    def page(self):
        """The theme's page in the reader's language (its English translation or alias under
        /en/), else the German one; None without a page. Asked once per theme object."""
        return localized_among(self, "pages")


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


class ThemeIndexPage(ContextFromHooks, Page):
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["participation.ThemePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht der Schwerpunktthemen")
        verbose_name_plural = _("Übersichten der Schwerpunktthemen")


class ThemePage(ContextFromHooks, Page):
    # One page per language tree: the German page and its English translation (or alias)
    # belong to the same theme.
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("Schwerpunktthema"),
        on_delete=models.PROTECT,
        related_name="pages",
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

    def clean(self):
        super().clean()
        if not self.theme_id:
            return
        others = ThemePage.objects.filter(theme_id=self.theme_id, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"theme": _("Dieses Schwerpunktthema hat schon eine Seite.")},
                code="theme_has_page",
            )
