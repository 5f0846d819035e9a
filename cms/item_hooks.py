"""What apps on upper floors show beside the items of a lower app's page, without the lower app
knowing them.

The lower app names a place (a hook name). An upper app registers, with Wagtail's hooks in its
wagtail_hooks.py, a function for it that gets all the page's items at once – so that it reads
what it shows in a fixed number of queries – and the request, and returns {item id: HTML} for
the items it has something to show for. The page asks `shown_for(place, items, request)`.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks


def shown_for(place: str, items, request) -> dict:
    """{item id: the HTML every function registered for `place` shows for it}."""
    shown = {}
    for function in hooks.get_hooks(place):
        for pk, html in function(items, request).items():
            shown[pk] = shown.get(pk, "") + str(conditional_escape(html))
    return {pk: mark_safe(html) for pk, html in shown.items()}  # noqa: S308 – escaped above
