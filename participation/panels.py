"""What apps on the floors above show on participation's pages, without participation knowing
them: a statement's page shows what became of the statement, a theme's page and its results
show what the consolidation and the analysis made of the theme's inputs.

An upper app registers a function for a place with Wagtail's hooks, in its wagtail_hooks.py:

    @hooks.register(STATEMENT_PAGE)
    def outcome(statement, request):
        return render_to_string("…", {…}, request=request)

It gets the page's subject (the statement or the theme) and the request, and returns HTML
(or ""); the panels appear in the order of registration (or of `order=` of the hook). The
page's template shows them with `{% panels "statement_page" statement %}`.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

STATEMENT_PAGE = "participation_statement_page"
THEME_PAGE = "participation_theme_page"
THEME_RESULTS = "participation_theme_results"
PLACES = {
    "statement_page": STATEMENT_PAGE,
    "theme_page": THEME_PAGE,
    "theme_results": THEME_RESULTS,
}


def panels(place: str, subject, request) -> SafeString:
    """The panels of `place` for `subject`, one after the other."""
    html = "".join(
        str(conditional_escape(panel(subject, request))) for panel in hooks.get_hooks(PLACES[place])
    )
    return mark_safe(html)  # noqa: S308 – each panel escaped unless it is safe already
