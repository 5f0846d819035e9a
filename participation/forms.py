from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .models import FlagReason, NotificationSettings, StatementKind, VoteChoice
from .models.comments import COMMENT_MAX_LENGTH, COMMENT_MIN_LENGTH
from .models.moderation import FLAG_NOTE_MAX_LENGTH
from .models.proposals import PROPOSAL_MIN_LENGTH
from .models.statements import STATEMENT_MAX_LENGTH


def _filled_in(message, values: dict):
    """A translated text with its figures, translated when shown rather than when the module
    is imported (`_("…") % values` would freeze it in the language active at import)."""
    return lazy(lambda: str(message) % values, str)()


def _length_messages(limit: int, minimum: int = 0) -> dict:
    messages = {
        "max_length": _(
            "Bitte kürzen Sie Ihren Text auf höchstens %(limit_value)d Zeichen "
            "(jetzt: %(show_value)d). Ihr Text bleibt hier stehen."
        ),
        "required": _("Bitte schreiben Sie einen Text."),
    }
    if minimum:
        messages["min_length"] = _(
            "Bitte schreiben Sie mindestens %(limit_value)d Zeichen (jetzt: %(show_value)d)."
        )
    return messages


class VoteForm(forms.Form):
    choice = forms.ChoiceField(choices=VoteChoice.choices)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Ihr Kommentar"),
        min_length=COMMENT_MIN_LENGTH,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_filled_in(
            _(
                "Höchstens %(limit)d Zeichen, nur Text; Links werden anklickbar. Ihr "
                "Anzeigename steht über dem Kommentar."
            ),
            {"limit": COMMENT_MAX_LENGTH},
        ),
        error_messages=_length_messages(COMMENT_MAX_LENGTH, COMMENT_MIN_LENGTH),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(
        label=_("Als „Antwort der Stadt“ veröffentlichen"), required=False
    )

    def __init__(self, *args, may_answer_officially=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_answer_officially:
            del self.fields["official"]
        # The browser would cut the text at the limit without saying so; the server
        # says why instead and keeps everything that was typed.
        self.fields["text"].widget.attrs.pop("maxlength", None)


class CommentEditForm(CommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["parent"]
        self.fields["text"].label = _("Kommentar bearbeiten")


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Warum melden Sie diesen Beitrag?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    note = forms.CharField(
        label=_("Erläuterung für die Moderation"),
        required=False,
        max_length=FLAG_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_length_messages(FLAG_NOTE_MAX_LENGTH),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget.attrs.pop("maxlength", None)


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Art Ihres Vorschlags"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, was Sie vorschlagen.")},
    )
    text = forms.CharField(
        label=_("Ihr Vorschlag"),
        min_length=PROPOSAL_MIN_LENGTH,
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_filled_in(
            _(
                "Ein bis drei Sätze, %(min)d bis %(max)d Zeichen. Ausgangsbild: wie es heute "
                "ist. Zielbild: wie es sein soll."
            ),
            {"min": PROPOSAL_MIN_LENGTH, "max": STATEMENT_MAX_LENGTH},
        ),
        error_messages=_length_messages(STATEMENT_MAX_LENGTH, PROPOSAL_MIN_LENGTH),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, StatementKind(k).label) for k in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
        self.fields["text"].widget.attrs.pop("maxlength", None)


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["replies", "official_answers", "stage_results"]
