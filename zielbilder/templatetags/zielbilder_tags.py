"""Filters of zielbilder's own templates. (What it shows on participation's pages comes
through participation.panels, see panels.py.)"""

from django import template

register = template.Library()


@register.filter
def figure_number(value, decimals=None) -> str:
    """A key figure's value as the reader's language writes it, without the stored trailing
    zeros: 92.200 reads "92,2", 1500.000 reads "1.500" ("1,500" in English); "" for None.
    With `decimals`, rounded to at most that many places first."""
    from decimal import Decimal

    from ..chart_axes import number_label

    if value is None or value == "":
        return ""
    if decimals is not None:
        value = round(Decimal(str(value)), int(decimals))
    return number_label(value)
