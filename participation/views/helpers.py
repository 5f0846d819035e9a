from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str) -> str:
    """Back to where the form was, if that is a page of this site.

    Only a path counts: anything else ("0", "seite") would be taken for the name of a URL
    pattern by `redirect()` and fail to resolve."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def login_first(request, next_url: str):
    if wants_json(request):
        return JsonResponse({"error": "login"}, status=401)
    return redirect_to_login(next_url)


def back(request, fallback: str, anchor: str = ""):
    return redirect(safe_next(request, fallback) + (f"#{anchor}" if anchor else ""))


def too_many(message: str) -> JsonResponse:
    """A rate limit refused: the message for a JSON client (HTTP 429)."""
    return JsonResponse({"error": message}, status=429)
