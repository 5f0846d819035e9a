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
