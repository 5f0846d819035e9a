"""Render Django form fields with KERN UX markup, errors and hints tied to the input."""

from django import forms, template

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


@register.simple_tag
def kern_widget(field):
    kind = field_kind(field)
    css = INPUT_CLASSES.get(kind, "kern-form-input__input")
    if field.errors:
        css += f" {css}--error"
    attrs = {"class": css}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
