from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock, ContentBodyBlock, EasyLanguageBlock, HomeBodyBlock
from ..stages import (
    KINDS_WITH_SUBJECT,
    StageKind,
    StageState,
    StageStatus,
    StageSubject,
    consultation_for,
    stage_number_validators,
    state_for_dates,
)

INTRO_FEATURES = ["bold", "italic", "link"]


class ContextFromHooks:
    """A page whose context its app's services complete: each function registered for the
    Wagtail hook "page_context:<app label>.<model>" adds to it (see e.g. cms.page_context).
    So the page models import none of the queries and services that read them, and those
    may import the models without a cycle."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for add in hooks.get_hooks(f"page_context:{self._meta.label_lower}"):
            add(self, request, context)
        return context


class EditorialPage(Page):
    """A page with an introduction and a free body of shared blocks."""

    intro = RichTextField(_("Einleitung"), features=INTRO_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(ContextFromHooks, EditorialPage):
    # The start page explains itself in German Sign Language too (BITV 2.0).
    body = StreamField(HomeBodyBlock(), verbose_name=_("Inhalt"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    # Editors add no second start page; the English one is the German one's counterpart
    # (cms.locales), made by code and by wagtail-localize, which do not ask this.
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class ProcessPage(ContextFromHooks, EditorialPage):
    """The Stadtgespräch: its stage pages are its children."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StagePage"]

    class Meta:
        verbose_name = _("Prozess (Stadtgespräch)")
        verbose_name_plural = _("Prozesse")


class StagePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if self.has_error("start_date") or self.has_error("end_date"):
            # The form will not save; without this the model would compare the one valid
            # date against the other's stored value and report a misleading error.
            self.instance.start_date = self.instance.end_date = None
        number = cleaned.get("number")
        parent = self.parent_page
        if number and parent is not None:
            self.instance.number = number
            if self.instance.number_taken_under(parent):
                self.add_error(
                    "number", _("Diese Nummer hat schon eine andere Stufe dieses Prozesses.")
                )
        kind, subject = cleaned.get("kind"), cleaned.get("subject", "")
        if kind and parent is not None and not self.has_error("subject"):
            self.instance.kind, self.instance.subject = kind, subject
            if self.instance.role_taken_under(parent):
                self.add_error(
                    "kind",
                    _(
                        "Eine andere Stufe dieses Prozesses hat schon diese Art und diesen "
                        "Gegenstand."
                    ),
                )
        return cleaned


class StagePage(ContextFromHooks, Page):
    base_form_class = StagePageForm

    number = models.PositiveSmallIntegerField(
        _("Stufe"),
        validators=stage_number_validators(),
        help_text=_("Nummer der Stufe im Prozess, ab 1; die Stufen folgen ihr."),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=StageKind.choices)
    subject = models.CharField(
        _("Gegenstand"),
        max_length=20,
        choices=StageSubject.choices,
        blank=True,
        help_text=_(
            "Workshops: welche Aussagen sie erarbeiten. Stadtkonferenz: worauf sie sich "
            "verständigt. Bei Ratsbeschluss und Umsetzung leer lassen."
        ),
    )
    short_description = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_(
            "Ein bis zwei Sätze für die Zeitleiste und Übersichten (höchstens 300 Zeichen)."
        ),
    )
    start_date = models.DateField(_("Beginn"))
    end_date = models.DateField(_("Ende"))
    state_override = models.CharField(
        _("Status von Hand"),
        max_length=10,
        choices=StageState.choices,
        blank=True,
        help_text=_(
            "Leer lassen: Der Status ergibt sich aus Beginn und Ende. Nur setzen, um z. B. "
            "eine Stufe vorzeitig abzuschließen."
        ),
    )
    consultation = models.BooleanField(
        _("Online-Beteiligung"),
        default=False,
        help_text=_(
            "Angemeldete Bürger*innen können die Aussagen dieser Stufe kommentieren und "
            "bewerten und eigene vorschlagen."
        ),
    )
    consultation_until = models.DateField(
        _("Beteiligung möglich bis"),
        null=True,
        blank=True,
        help_text=_("Einschließlich. Leer lassen: bis zum Ende der Stufe."),
    )
    premoderation = models.BooleanField(
        _("Kommentare vorab prüfen"),
        default=False,
        help_text=_("Neue Kommentare erscheinen erst, wenn die Moderation sie freigegeben hat."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("kind")]),
                FieldPanel("subject"),
                FieldPanel("short_description"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("state_override"),
            ],
            heading=_("Stufe im Prozess"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("consultation"),
                FieldPanel("consultation_until"),
                FieldPanel("premoderation"),
            ],
            heading=_("Online-Beteiligung"),
        ),
        FieldPanel("body"),
        HelpPanel(
            content=_(
                "Die Ergebnisse dieser Stufe pflegen Sie unter Snippets → Ergebnisse der "
                "Stufen. Sie gehen erst online, wenn eine zweite Person der Redaktion sie "
                "freigibt."
            ),
            heading=_("Ergebnisse"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    # Other apps add their pages below a stage (a conference below stage 2 and 4); cms
    # names none of them.
    parent_page_types = ["cms.ProcessPage"]

    class Meta:
        verbose_name = _("Stufe")
        verbose_name_plural = _("Stufen")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Das Ende darf nicht vor dem Beginn liegen.")},
                code="end_before_start",
            )
        self.clean_subject()
        if (
            self.start_date
            and self.consultation_until
            and self.consultation_until < self.start_date
        ):
            raise ValidationError(
                {"consultation_until": _("Die Beteiligung kann nicht vor dem Beginn enden.")},
                code="consultation_before_start",
            )

    def clean_subject(self) -> None:
        if self.kind in KINDS_WITH_SUBJECT and not self.subject:
            raise ValidationError(
                {
                    "subject": _(
                        "Bitte wählen Sie, welche Aussagen die Workshops erarbeiten oder worauf "
                        "sich die Stadtkonferenz verständigt."
                    )
                },
                code="subject_missing",
            )
        if self.kind and self.kind not in KINDS_WITH_SUBJECT and self.subject:
            raise ValidationError(
                {"subject": _("Ratsbeschluss und Umsetzung haben keinen Gegenstand.")},
                code="subject_not_expected",
            )

    def _siblings(self, parent: Page):
        siblings = StagePage.objects.child_of(parent)
        return siblings.exclude(pk=self.pk) if self.pk else siblings

    def number_taken_under(self, parent: Page) -> bool:
        return self._siblings(parent).filter(number=self.number).exists()

    def role_taken_under(self, parent: Page) -> bool:
        """Whether another stage of the process already does what this one does: a process
        has one stage collecting each kind of statement, one conference agreeing on each,
        one council decision and one implementation."""
        return self._siblings(parent).filter(kind=self.kind, subject=self.subject).exists()

    def state(self, *, today=None) -> StageState:
        return state_for_dates(
            self.start_date,
            self.end_date,
            override=self.state_override,
            today=today or timezone.localdate(),
        )

    def status(self, *, today=None) -> StageStatus:
        return StageStatus(
            number=self.number,
            title=self.title,
            short_description=self.short_description,
            kind=StageKind(self.kind),
            state=self.state(today=today),
            start_date=self.start_date,
            end_date=self.end_date,
            url=self.url,
            page_id=self.pk,
            translation_key=str(self.translation_key),
            subject=self.subject,
            consultation=consultation_for(
                offered=self.consultation,
                start=self.start_date,
                closes=self.consultation_until or self.end_date,
                override=self.state_override,
                premoderation=self.premoderation,
                today=today or timezone.localdate(),
            ),
        )


class ContentPage(EditorialPage):
    """Generic page, e.g. Impressum, Datenschutz, Erklärung zur Barrierefreiheit."""

    body = StreamField(ContentBodyBlock(), verbose_name=_("Inhalt"), blank=True)

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


EASY_LANGUAGE_RULES = _(
    "<p>Diese Seite erklärt das Stadtgespräch in Leichter Sprache. Jede Seite der Website "
    "verlinkt sie oben rechts („Leichte Sprache“). Regeln (Netzwerk Leichte Sprache, "
    "DIN SPEC 33429):</p><ul>"
    "<li>Kurze Sätze. Ein Satz sagt nur eine Sache. Jeder Satz in einer eigenen Zeile.</li>"
    "<li>Bekannte Wörter. Schwere Wörter erklären Sie mit dem Block „Wort-Erklärung“.</li>"
    "<li>Keine Abkürzungen, kein Passiv, möglichst keine Verneinung.</li>"
    "<li>Zahlen als Ziffern: 6 Schritte, nicht sechs Schritte.</li>"
    "<li>Lange Wörter mit Mediopunkt teilen: Stadt·gespräch.</li>"
    "<li>Sprechen Sie die Leserinnen und Leser direkt an: Sie können …</li>"
    "<li>Lassen Sie den Text von Menschen mit Lernschwierigkeiten prüfen.</li></ul>"
)


class EasyLanguagePage(Page):
    """The Stadtgespräch explained in Leichte Sprache (easy-to-read German).

    Always German, in every interface language; the header of every page links to it.
    """

    body = StreamField(EasyLanguageBlock(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        HelpPanel(content=EASY_LANGUAGE_RULES, heading=_("Regeln für Leichte Sprache")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Leichte Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")
