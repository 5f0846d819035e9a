"""Form widgets for choices that are content, not interface."""

from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


class ContentSelect(forms.Select):
    """A select whose options are names editors or offices wrote (offices, fields of action,
    sectors): on an interface in another language each such option is marked with the site's
    language, so that screen readers pronounce it right (WCAG 3.1.2). The empty option
    ("alle") is interface and stays unmarked.

    The public filters and the site search show one with every theme or office: its options
    are written here as Django's templates write them (select.html, select_option.html),
    which cost a template include per option – most of what rendering a search form took."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value not in (None, "") and get_language() != settings.LANGUAGE_CODE:
            option["attrs"]["lang"] = settings.LANGUAGE_CODE
        return option

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], flatatt(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, html)
                if group_name
                else html
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(groups)),  # noqa: S308 – built of format_html's escaped parts
        )
