"""Which fields of a form carry a mark: the few optional ones, or the few required ones.

A form that asks mostly for required things marks the optional fields "(optional)"; a form
that is mostly optional (the conference registration: needs and table wishes) marks its
required fields with an asterisk instead, explained once above the form. Marking the many
instead of the few only adds noise (GOV.UK's and KERN's advice).

A checkbox that may stay empty is a yes/no answer, not an optional field: it is neither
marked nor counted.
"""

from django import forms

MARK_OPTIONAL = "optional"
MARK_REQUIRED = "required"

_CACHE = "_form_marks_mode"


def _counts(field) -> bool:
    return not (isinstance(field.widget, forms.CheckboxInput) and not field.required)


def marking(form) -> str:
    """MARK_OPTIONAL, MARK_REQUIRED, or "" where there is nothing worth marking."""
    if not isinstance(form, forms.BaseForm):
        return ""
    if not hasattr(form, _CACHE):
        fields = [bound.field for bound in form.visible_fields() if _counts(bound.field)]
        required = sum(1 for field in fields if field.required)
        optional = len(fields) - required
        if not required or not optional:
            mode = ""
        elif required >= optional:
            mode = MARK_OPTIONAL
        else:
            mode = MARK_REQUIRED
        setattr(form, _CACHE, mode)
    return getattr(form, _CACHE)


def field_mark(field) -> str:
    """The mark one bound field gets in its form: MARK_OPTIONAL, MARK_REQUIRED or ""."""
    if not _counts(field.field):
        return ""
    mode = marking(field.form)
    if mode == MARK_OPTIONAL and not field.field.required:
        return MARK_OPTIONAL
    if mode == MARK_REQUIRED and field.field.required:
        return MARK_REQUIRED
    return ""
