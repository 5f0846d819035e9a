"""What the consolidation shows on participation's pages (participation.panels, registered in
wagtail_hooks.py): what became of a statement, how a theme's inputs were taken up.

And the place where apps on the floors above show what they know beside a Zielbild.
"""

from django.template.loader import render_to_string

from .consolidation import traceability
from .models import InputOutcome

# What serves a Zielbild (measures, key figures) on its theme's page (cms.item_hooks).
ZIELBILD_SERVED_BY = "zielbilder_zielbild_served_by"


def statement_outcome(statement, request) -> str:
    outcome = (
        InputOutcome.objects.select_related("zielbild", "zielbild__theme")
        .filter(statement_id=statement.pk)
        .first()
    )
    if outcome is not None and outcome.zielbild is not None and not outcome.zielbild.live:
        # The Zielbild is still a draft: the public hears only that the input is in work.
        outcome = None
    return render_to_string(
        "zielbilder/includes/statement_outcome.html",
        {"outcome": outcome, "statement": statement},
        request=request,
    )


def theme_traceability(theme, request) -> str:
    """How many of a theme's inputs were taken up, merged or not taken up (one query)."""
    return render_to_string(
        "zielbilder/includes/theme_traceability.html",
        {"theme": theme, "trace": traceability(theme)},
        request=request,
    )
