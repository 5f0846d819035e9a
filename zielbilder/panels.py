"""What the consolidation shows on participation's pages (participation.panels, registered in
wagtail_hooks.py): what became of a statement, how a theme's inputs were taken up.

And the other way round, what apps on the floors above show on this app's pages, without this
app knowing them: an upper app registers, with Wagtail's hooks, a function that gets all the
page's items at once (to read what it shows in a fixed number of queries) and the request, and
returns {item id: HTML} for the items it has something to show for.
"""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

from .consolidation import traceability
from .models import InputOutcome

# A project's state on its field's page.
PROJECT_STATUS = "zielbilder_project_status"
# What serves a Zielbild (measures, key figures) on its theme's page.
ZIELBILD_SERVED_BY = "zielbilder_zielbild_served_by"


def shown_for(place: str, items, request) -> dict:
    """{item id: the HTML every function registered for `place` shows for it}."""
    shown = {}
    for function in hooks.get_hooks(place):
        for pk, html in function(items, request).items():
            shown[pk] = shown.get(pk, "") + str(conditional_escape(html))
    return {pk: mark_safe(html) for pk, html in shown.items()}  # noqa: S308 – escaped above


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
