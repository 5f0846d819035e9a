from django import forms
from django.utils.translation import gettext_lazy as _

from .display_names import HELP_TEXT, MAX_LENGTH, TAKEN, validate_display_name
from .models import User
from .services import display_name_is_taken


class DisplayNameField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Anzeigename"))
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault("help_text", HELP_TEXT)
        kwargs.setdefault("validators", [validate_display_name])
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "nickname"})


class DisplayNameSignupForm(forms.Form):
    """Extra field of the allauth sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = DisplayNameField()

    field_order = ["email", "display_name", "password1", "password2"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if display_name_is_taken(name):
            raise forms.ValidationError(TAKEN, code="taken")
        return name

    def signup(self, request, user):
        # The adapter has set the name before the first save (see AccountAdapter.save_user).
        pass


class ProfileForm(forms.ModelForm):
    display_name = DisplayNameField()

    class Meta:
        model = User
        fields = ["display_name"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if display_name_is_taken(name, exclude_user=self.instance):
            raise forms.ValidationError(TAKEN, code="taken")
        return name
