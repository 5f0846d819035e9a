"""What the analysis shows on participation's pages (participation.panels, registered in
wagtail_hooks.py): the theme's opinion groups."""

from django.template.loader import render_to_string

from .analysis import latest
from .charts import chart_of


def theme_opinion_groups(theme, request) -> str:
    """The theme's latest opinion groups, drawn; two queries."""
    return render_to_string(
        "auswertung/includes/theme_opinion_groups.html",
        {"theme": theme, "chart": chart_of(latest(theme))},
        request=request,
    )
