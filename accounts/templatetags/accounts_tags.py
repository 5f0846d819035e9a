"""How people are named wherever the site or the admin shows who did something."""

from django import template
from django.urls import reverse

from ..models import DELETED_ACCOUNT_NAME
from ..return_to import with_next

register = template.Library()


@register.filter
def author_name(user) -> str:
    """The public name of an author; "gelöschtes Konto" once the account is deleted (or,
    for data from before accounts were kept on deletion, when there is none)."""
    if user is None or user.is_deleted:
        return str(DELETED_ACCOUNT_NAME)
    return user.display_name


@register.filter
def staff_name(user) -> str:
    """Who did something in the admin: the address colleagues know, "gelöschtes Konto", or
    "–" where nobody is recorded (imports, jobs)."""
    if user is None:
        return "–"
    if user.is_deleted:
        return str(DELETED_ACCOUNT_NAME)
    return user.email


@register.simple_tag(takes_context=True)
def sign_in_url(context, url_name: str = "account_login") -> str:
    """The sign-in (or sign-up) address that brings the person back to this page."""
    request = context.get("request")
    return with_next(url_name, request) if request is not None else reverse(url_name)
