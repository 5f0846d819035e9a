"""Render Django form fields with KERN UX markup, errors and hints tied to the input."""

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..form_marks import MARK_OPTIONAL, MARK_REQUIRED, field_mark, marking

register = template.Library()

INPUT_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "radio": "kern-form-check__radio",
    "select": "kern-form-input__select",
}


def field_kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.filter
def kern_kind(field) -> str:
    return field_kind(field)


def _described_by(field) -> list[str]:
    found = []
    if field.help_text:
        found.append(f"{field.auto_id}-hint")
    if field.errors:
        found.append(f"{field.auto_id}-error")
    return found


@register.simple_tag
def kern_widget(field):
    kind = field_kind(field)
    css = INPUT_CLASSES.get(kind, "kern-form-input__input")
    if field.errors:
        css += f" {css}--error"
    attrs = {"class": css}
    if field.errors:
        attrs["aria-invalid"] = "true"
    if described_by := _described_by(field):
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def kern_described_by(field) -> str:
    """For a group of radios or checkboxes: the hint and error its fieldset points at."""
    return " ".join(_described_by(field))


@register.simple_tag
def kern_choices(field) -> list:
    """The radios or checkboxes of a choice field, each input carrying KERN's class.

    Django's `{{ choice.tag }}` renders the inputs bare, which leaves them unstyled."""
    css = "kern-form-check__checkbox"
    if isinstance(field.field.widget, forms.RadioSelect):
        css = "kern-form-check__radio"
    if field.errors:
        css += f" {css}--error"
    attrs = field.build_widget_attrs({"class": css})
    if field.auto_id:
        attrs["id"] = field.auto_id
    return [
        forms.boundfield.BoundWidget(field.field.widget, widget, field.form.renderer)
        for widget in field.field.widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]


@register.simple_tag
def kern_mark(field, hide=False):
    """The label's mark: "(optional)" or an asterisk, as the form's marking says."""
    if hide:
        return ""
    mark = field_mark(field)
    if mark == MARK_OPTIONAL:
        return format_html(' <span class="kern-label__optional">({})</span>', _("optional"))
    if mark == MARK_REQUIRED:
        # Screen readers hear "required" from the input itself; the star is for the eye.
        return mark_safe(' <span class="site-required-mark" aria-hidden="true">*</span>')
    return ""


@register.filter
def marks_required(form) -> bool:
    """Whether the form marks its required fields (and so explains the asterisk once)."""
    return marking(form) == MARK_REQUIRED


def error_anchor(field) -> str:
    """The id a link in the error summary leads to: the input, or a group's first option."""
    if field_kind(field) == "choices":
        subwidgets = field.subwidgets
        return subwidgets[0].id_for_label if subwidgets else field.auto_id
    return field.auto_id


@register.simple_tag
def error_list(form) -> list[dict]:
    """Every error of the form, in the order of the fields, for the summary at its top:
    the form's own errors first (no link), then each field's with the id to link to."""
    if not isinstance(form, forms.BaseForm) or not form.errors:
        return []
    entries = [{"message": error, "anchor": "", "label": ""} for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            if field.is_hidden:
                entries.append({"message": error, "anchor": "", "label": ""})
            else:
                # "… einverstanden.: Ohne …" reads badly; the label's own stop goes.
                label = str(field.label).rstrip(".:")
                entries.append({"message": error, "anchor": error_anchor(field), "label": label})
    return entries
