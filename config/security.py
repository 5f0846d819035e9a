"""Security headers the whole site sends: Content-Security-Policy and Permissions-Policy.

The policies themselves are settings (`config/settings/base.py`, "Security headers"); this
module only decides which one a response gets:

* the public site's strict policy (no inline script at all) on every response, static files
  and error pages included;
* the Wagtail admin's own, looser policy under its prefix: Wagtail 8 still writes inline
  `<script>` elements for date pickers, inline panels and choosers, and offers no nonces;
* `frame-ancestors 'self'` instead of `'none'` only where a view already allows same-origin
  framing with `X-Frame-Options: SAMEORIGIN` (Wagtail's preview panel), so that the two
  headers never disagree.
"""

from functools import wraps

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if _in_admin(request) and HEADER in response:
            # Wagtail's preview renders the page through the whole middleware stack once
            # more, with the page's public path; the admin's answer decides.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and _in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def _in_admin(request) -> bool:
    return request.path_info.startswith(settings.ADMIN_URL_PREFIX)


def permissions_policy_header(features: dict[str, str]) -> str:
    return ", ".join(f"{feature}=({allowed})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Switches off the browser features no page needs; a view that needs one says so with
    `allow_features` (the check-in page's camera)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.default = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        extra = getattr(response, "_permissions_policy", None)
        if extra:
            response["Permissions-Policy"] = permissions_policy_header(
                {**settings.PERMISSIONS_POLICY, **extra}
            )
        else:
            response.setdefault("Permissions-Policy", self.default)
        return response


def allow_features(**features: str):
    """`@allow_features(camera="self")`: this view's page may use these features."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response._permissions_policy = {
                name.replace("_", "-"): allowed for name, allowed in features.items()
            }
            return response

        return wrapped

    return decorator
