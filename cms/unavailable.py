"""The answer when the database cannot be reached: a plain "please try again" page (503).

A database restart, a failover or a full connection pool should cost a visitor one retry,
not an error page with a stack trace. The page is rendered from a template of its own,
without the request: no context processor, template tag or site setting that would ask
the database again runs for it.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds a client (or a browser's retry logic, or a crawler) should wait: a restart or
# failover of PostgreSQL takes this order of time.
RETRY_AFTER_SECONDS = 30
# What PostgreSQL (psycopg) and SQLite raise when the server is away, restarting, refusing
# connections, out of connection slots, or a statement was cancelled by a timeout or a
# deadlock. Programming errors (ProgrammingError, IntegrityError) are not among them.
UNAVAILABLE = (OperationalError, InterfaceError)
MARK = "_database_unavailable"


def is_database_unavailable(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, UNAVAILABLE):
            return True
        error = error.__cause__
    return False


def unavailable_response(request) -> HttpResponse:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        message = _(
            "Die Seite ist gerade für einen Moment nicht erreichbar. Bitte versuchen Sie es "
            "in einer Minute noch einmal."
        )
        if "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"error": message}, status=503)
        else:
            response = HttpResponse(
                render_to_string(
                    "503.html",
                    {
                        "language": language,
                        "message": message,
                        "path": request.path,
                        "site_name": settings.WAGTAIL_SITE_NAME,
                        "languages": _languages(request.path, language),
                    },
                ),
                status=503,
            )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _languages(path: str, current: str) -> list[dict]:
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


class DatabaseUnavailable:
    """Turns a lost database connection anywhere in a request into the 503 page.

    A view's (or its template's) error arrives in `process_exception`. An error in another
    middleware (a session saved on the way out, a redirect looked up for a 404) has already
    become a 500 response when it passes here; Django's `got_request_exception` signal marks
    such a request, and the 500 is replaced on the way out. Stands right after the security
    middleware so that every other middleware's database work is inside it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, MARK, False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.error(
            "Database unavailable during %s %s; answered 503.",
            request.method,
            request.path,
            exc_info=exception,
        )
        return unavailable_response(request)


def _mark_request(sender, request=None, **kwargs):
    if request is not None and is_database_unavailable(sys.exc_info()[1]):
        setattr(request, MARK, True)


got_request_exception.connect(_mark_request, dispatch_uid="cms.unavailable.mark_request")
