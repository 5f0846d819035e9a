"""The one check every hand-written admin view makes before it does anything."""

from django.core.exceptions import PermissionDenied


def require_permission(request, permission: str) -> None:
    """Refuse the request unless its user holds the permission.

    Wagtail turns the PermissionDenied of an admin view into a redirect to the dashboard with a
    message, so a refused editor sees why instead of a bare error page.
    """
    if not request.user.has_perm(permission):
        raise PermissionDenied
