"""The last step of the admin's imports (upload → preview with every row's errors → confirm):
the preview keeps the checked rows in the session, and the confirm, at its own address, saves
them. Nothing is saved before the confirm, and nothing twice."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from config.refusals import Refused, show


def confirm_stored(request, session_key: str, save, *, again: str):
    """POST only: `save(rows)` on what the preview kept. Returns (its result, None), or
    (None, the answer to give): 405 for a GET, else back to the upload at `again` with the
    reason – the preview expired, or `save` refused."""
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    stored = request.session.get(session_key)
    if not stored:
        messages.error(
            request, _("Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch.")
        )
        return None, redirect(again)
    try:
        result = save(stored)
    except Refused as refused:
        show(request, refused)
        return None, redirect(again)
    del request.session[session_key]
    return result, None
