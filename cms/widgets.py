"""Form widgets for choices that are content, not interface."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language


class ContentSelect(forms.Select):
    """A select whose options are names editors or offices wrote (offices, fields of action,
    sectors): on an interface in another language each such option is marked with the site's
    language, so that screen readers pronounce it right (WCAG 3.1.2). The empty option
    ("alle") is interface and stays unmarked."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value not in (None, "") and get_language() != settings.LANGUAGE_CODE:
            option["attrs"]["lang"] = settings.LANGUAGE_CODE
        return option
