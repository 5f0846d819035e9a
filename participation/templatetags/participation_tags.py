from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize

from ..panels import panels as contributed_panels

register = template.Library()


@register.filter
def plain_text(value: str):
    """A citizen's text: every character escaped, web addresses made into links with
    rel="nofollow", line breaks kept. No markup of the author's ever reaches the page."""
    return linebreaksbr(urlize(value or "", nofollow=True, autoescape=True), autoescape=False)


@register.filter
def bar_segments(shares: list[dict]) -> list[dict]:
    """Where each part of the result bar starts and how wide it is, in per cent.

    The bar is an SVG whose parts are placed by attributes, not by style attributes, so that
    the Content-Security-Policy needs no 'unsafe-inline' for styles."""
    segments, start = [], 0
    for share in shares:
        if share["count"]:
            segments.append({"choice": share["choice"], "x": start, "width": share["percent"]})
            start += share["percent"]
    return segments


@register.simple_tag(takes_context=True)
def panels(context, place: str, subject):
    """What the apps above show at `place` of this page (participation.panels)."""
    return contributed_panels(place, subject, context.get("request"))
