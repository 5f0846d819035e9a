"""Site search over published pages (Wagtail search: PostgreSQL full text on PostgreSQL)."""

import re

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from .locales import in_language

MAX_QUERY_LENGTH = 200
# Page types that are containers only and make poor search filters.
NOT_FILTERABLE = {"wagtailcore.page", "cms.homepage"}


def page_type_choices():
    choices = [
        (model._meta.label_lower, model._meta.verbose_name_plural)
        for model in get_page_models()
        if model._meta.label_lower not in NOT_FILTERABLE
    ]
    return [("", _("Alle Seiten")), *sorted(choices, key=lambda choice: str(choice[1]))]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Bitte höchstens %(limit_value)d Zeichen eingeben.")},
    )
    kind = forms.ChoiceField(label=_("Art der Seite"), choices=page_type_choices, required=False)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())


def search_pages(query: str, *, kind: str = ""):
    # The tree in the reader's language only: each German page has its English counterpart.
    pages = in_language(Page.objects.live().public())
    if kind:
        pages = pages.type(apps.get_model(kind))
    # Only the words: punctuation finds nothing in a full-text index, and SQLite's FTS5 reads
    # quotes and brackets as its own syntax (a query like `">` was a database error, a 503).
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return pages.none()
    return pages.specific().search(words, operator="and")
