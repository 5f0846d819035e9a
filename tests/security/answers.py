"""What an answer means for access: allowed, refused (and how), or something else."""

from django.contrib.messages import get_messages
from django.db import transaction

LOGIN_PAGES = ("/konto/login/", "/admin/login/")
ADMIN_HOME = "/admin/"


def outcome(response) -> str:
    """One word for an answer.

    ok        2xx
    redirect  3xx to anywhere but a sign-in page or Wagtail's refusal
    login     3xx to a sign-in page (the visitor must sign in first)
    denied    403, or Wagtail's refusal: 3xx to the dashboard with an error message
    404 …     the status code itself for every other answer
    """
    status = response.status_code
    if 200 <= status < 300:
        return "ok"
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith(LOGIN_PAGES):
            return "login"
        if location == ADMIN_HOME and any(
            message.level_tag == "error" for message in get_messages(response.wsgi_request)
        ):
            return "denied"
        return "redirect"
    if status == 403:
        return "denied"
    return str(status)


def request(client, method: str, url: str, data=None):
    """One request whose writes are undone, so that the next one finds the same site."""
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    return response
