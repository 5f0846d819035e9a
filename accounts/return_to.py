"""Where a person returns after signing in or signing up: the page they came from.

The header's "Anmelden" and "Registrieren" links and the "Zur Anmeldung" links of votes and
comments carry it as `?next=`; allauth follows it after signing in, and through the sign-up
and the confirmation of the e-mail address when that happens in the same browser.
Only a path on this site is ever passed on: anything else (another host, `//host`, a
scheme) is dropped, so the links cannot send anyone elsewhere.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"
# Kept in the session at sign-up, for the sign-in that follows the confirmed address.
SESSION_KEY = "accounts:next"


def safe_path(value: str | None, request) -> str:
    """The value if it is a path on this site, else ""."""
    if not value or not value.startswith("/") or value.startswith("//"):
        return ""
    if "\\" in value or any(ord(char) < 32 for char in value):
        return ""
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return value


def return_path(request) -> str:
    """The page to come back to from the current request.

    On the sign-in and sign-up pages themselves, the `next` they were given (switching
    between the two keeps it); after a POST nothing, since the address of a form that only
    accepts POST cannot be returned to.
    """
    match = request.resolver_match
    if match and (match.url_name or "").startswith("account_"):
        return safe_path(request.GET.get(NEXT), request)
    if request.method not in ("GET", "HEAD"):
        return ""
    return safe_path(request.get_full_path(), request)


def with_next(url_name: str, request) -> str:
    url = reverse(url_name)
    path = return_path(request)
    return f"{url}?{urlencode({NEXT: path})}" if path else url
