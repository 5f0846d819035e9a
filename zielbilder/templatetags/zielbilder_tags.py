"""What the consolidation says about a statement, for the statement page of participation
(which knows nothing of zielbilder but loads this tag)."""

from django import template

register = template.Library()


@register.inclusion_tag("zielbilder/includes/statement_outcome.html")
def statement_outcome(statement):
    from ..models import InputOutcome

    outcome = (
        InputOutcome.objects.select_related("zielbild", "zielbild__theme")
        .filter(statement_id=statement.pk)
        .first()
    )
    if outcome is not None and outcome.zielbild is not None and not outcome.zielbild.live:
        # The Zielbild is still a draft: the public hears only that the input is in work.
        outcome = None
    return {"outcome": outcome, "statement": statement}


@register.inclusion_tag("zielbilder/includes/theme_traceability.html")
def theme_traceability(theme):
    """How many of a theme's inputs were taken up, merged or not taken up (one query)."""
    from ..consolidation import traceability

    return {"theme": theme, "trace": traceability(theme)}


@register.inclusion_tag("zielbilder/includes/theme_opinion_groups.html")
def theme_opinion_groups(theme):
    """The theme's latest opinion groups, drawn; two queries."""
    from ..analysis import latest
    from ..charts import chart_of

    return {"theme": theme, "chart": chart_of(latest(theme))}


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
