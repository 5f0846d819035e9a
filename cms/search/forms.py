"""The search form: the words, the kind of thing and the theme, sent with GET."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..widgets import ContentSelect
from .providers import providers, themes
from .terms import MAX_QUERY_LENGTH


def kind_choices():
    return [("", _("Alle")), *((p.kind, p.label) for p in providers())]


def theme_choices():
    return [("", _("Alle Themen")), *themes()]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Bitte höchstens %(limit_value)d Zeichen eingeben.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    # The themes' names are content: marked German on the English interface.
    theme = forms.ChoiceField(label=_("Thema"), required=False, widget=ContentSelect)
    # Chosen with the links above the results, which show each kind's count; carried along
    # when the words or the theme change.
    kind = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: a callable's choices are read again at every look (select, summary line).
        self.fields["theme"].choices = theme_choices()
        self.fields["kind"].choices = kind_choices()

    def theme_name(self) -> str:
        """The name of the theme the search is narrowed to, or ""."""
        chosen = self.cleaned_data.get("theme", "") if hasattr(self, "cleaned_data") else ""
        if not chosen:
            return ""
        return next((name for slug, name in self.fields["theme"].choices if slug == chosen), "")

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
