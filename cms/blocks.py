"""StreamField blocks shared by every page type."""

import uuid

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from accounts.privacy import deleted_by_text, retention_periods


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3"))],
        default="h2",
        help_text=_("Ebene 2 für Abschnitte, Ebene 3 für Unterabschnitte."),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Wie wir es sehen", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/figure_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=200,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "blocks/document_block.html"


class InfoBoxBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Hinweis")), ("success", _("Erfolg")), ("warning", _("Warnung"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "info-circle"
        label = _("Hinweisbox")
        template = "blocks/info_box_block.html"
        preview_value = {
            "kind": "info",
            "title": "Mitmachen",
            "text": "<p>Kommentieren Sie die Zielbilder bis Ende des Monats.</p>",
        }


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("oder Adresse"), required=False)
    label = blocks.CharBlock(label=_("Linktext"), max_length=120)
    description = blocks.TextBlock(label=_("Beschreibung"), required=False, max_length=300)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Bitte eine Seite oder eine Adresse angeben."))
                }
            )
        return cleaned


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "blocks/link_list_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"), max_length=600)
    source = blocks.CharBlock(label=_("Quelle"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Dortmund wird einfacher.",
            "source": "Ziel der Verwaltungsstrategie",
        }


class RetentionBlock(blocks.StructBlock):
    """The table "which personal data, why, how long": read from the same settings and
    constants the deleting jobs use (accounts.privacy), so the privacy page cannot say one
    thing while the jobs do another."""

    caption = blocks.CharBlock(
        label=_("Beschriftung der Tabelle"),
        max_length=120,
        default=_("Speicherfristen"),
        help_text=_(
            "Die Tabelle selbst füllt die Plattform: jede Art personenbezogener Daten, die sie "
            "speichert, mit Zweck, Speicherdauer und wie sie gelöscht wird."
        ),
    )

    class Meta:
        icon = "lock"
        label = _("Speicherfristen")
        template = "blocks/retention_block.html"
        preview_value = {"caption": "Speicherfristen"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["periods"] = [
            {
                "key": entry.key,
                "data": entry.data,
                "purpose": entry.purpose,
                "period": entry.period(),
                "deleted_by": deleted_by_text(entry),
            }
            for entry in retention_periods()
        ]
        return context


class SelfServiceBlock(blocks.StaticBlock):
    """The links to "download my data" and "delete my account", written by the site in the
    reader's language. A path typed into a paragraph leads English readers into the German
    site and breaks when the address changes; this block cannot."""

    class Meta:
        icon = "user"
        label = _("Links: Meine Daten, Konto löschen")
        admin_text = _(
            "Zeigt die Links „Meine Daten herunterladen“ und „Konto löschen“ in der Sprache "
            "der Leserin oder des Lesers. Hier ist nichts einzugeben."
        )
        template = "blocks/self_service_block.html"


class SignLanguageVideoBlock(blocks.StructBlock):
    """A video in German Sign Language (DGS) that explains the page's content and navigation,
    as BITV 2.0 asks of the start page. The file is the city's own, uploaded as a document and
    served by this site: no third-party player, nothing that tracks, nothing that plays by
    itself. Without a file the block says where the video will be."""

    title = blocks.CharBlock(
        label=_("Überschrift"),
        max_length=120,
        default=_("Das Stadtgespräch in Deutscher Gebärdensprache"),
    )
    video = DocumentChooserBlock(
        label=_("Videodatei"),
        required=False,
        help_text=_(
            "Als Dokument hochgeladen, im Format MP4 (H.264) oder WebM. Leer lassen, solange "
            "es das Video noch nicht gibt: Dann steht hier die Beschreibung."
        ),
    )
    captions = DocumentChooserBlock(
        label=_("Untertitel (WebVTT)"),
        required=False,
        help_text=_("Eine .vtt-Datei mit den Untertiteln auf Deutsch, als Dokument hochgeladen."),
    )
    poster = ImageChooserBlock(
        label=_("Vorschaubild"),
        required=False,
        help_text=_("Wird gezeigt, bis das Video gestartet wird."),
    )
    description = blocks.RichTextBlock(
        label=_("Beschreibung oder Abschrift"),
        features=["bold", "link", "ul"],
        help_text=_(
            "Was das Video zeigt, in Worten: für alle, die das Video nicht sehen oder nicht "
            "abspielen können."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video in Gebärdensprache")
        template = "blocks/sign_language_video_block.html"
        preview_value = {
            "title": "Das Stadtgespräch in Deutscher Gebärdensprache",
            "description": "<p>Hier zeigt die Stadt ein Video in Deutscher Gebärdensprache.</p>",
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        cleaned = super().clean(value)
        errors = {}
        video, captions = cleaned.get("video"), cleaned.get("captions")
        if video is not None and video.file_extension.lower() not in VIDEO_TYPES:
            errors["video"] = ValidationError(
                _("Bitte eine Videodatei im Format MP4 oder WebM wählen.")
            )
        if captions is not None and captions.file_extension.lower() != "vtt":
            errors["captions"] = ValidationError(
                _("Bitte eine Untertiteldatei im Format WebVTT (.vtt) wählen.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        video = value.get("video")
        # Unique on the page, should an editor place two videos.
        context["dom_id"] = f"dgs-{uuid.uuid4().hex[:8]}"
        context["video_type"] = VIDEO_TYPES.get(video.file_extension.lower()) if video else ""
        return context


VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def paragraph_block() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        label=_("Absatz"),
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Die Stadt lädt alle ein, mitzudenken.</p>",
    )


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    figure = FigureBlock()
    document = DocumentLinkBlock()
    info_box = InfoBoxBlock()
    links = LinkListBlock()
    quote = QuoteBlock()


class HomeBodyBlock(BodyBlock):
    """The start page may also hold the video in German Sign Language."""

    sign_language_video = SignLanguageVideoBlock()


class ContentBodyBlock(BodyBlock):
    """Generic pages (Impressum, Datenschutz, …) may also show the retention periods and the
    links with which people download their data or delete their account."""

    retention = RetentionBlock()
    self_service = SelfServiceBlock()


class ResultsBlock(blocks.StreamBlock):
    """What a stage produced: text, documents, images."""

    heading = HeadingBlock()
    paragraph = paragraph_block()
    document = DocumentLinkBlock()
    figure = FigureBlock()


# --- Leichte Sprache ------------------------------------------------------------------------


class WordExplanationBlock(blocks.StructBlock):
    """A hard word, explained where it first appears (a rule of Leichte Sprache)."""

    word = blocks.CharBlock(label=_("Schweres Wort"), max_length=60)
    explanation = blocks.TextBlock(
        label=_("Erklärung"),
        max_length=600,
        help_text=_("In kurzen Sätzen. Jeder Satz in einer eigenen Zeile."),
    )

    class Meta:
        icon = "help"
        label = _("Wort-Erklärung")
        template = "blocks/word_explanation_block.html"
        preview_value = {
            "word": "Rat",
            "explanation": "Der Rat sind Politiker und Politikerinnen.\n"
            "Die Menschen in Dortmund haben sie gewählt.",
        }


class EasyLanguageBlock(blocks.StreamBlock):
    """What a page in Leichte Sprache may hold: two levels of headings, text with bold and
    lists, word explanations and pictures; no italics and no tables, as the rules ask."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "ol", "ul", "link"],
        icon="pilcrow",
        template="blocks/easy_paragraph_block.html",
        help_text=_("Jeder Satz in einer eigenen Zeile (Eingabetaste nach jedem Satz)."),
        preview_value="<p>Im Stadt·gespräch reden viele Menschen über Dortmund.</p>",
    )
    explanation = WordExplanationBlock()
    figure = FigureBlock()
    sign_language_video = SignLanguageVideoBlock()
