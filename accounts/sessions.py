"""Who is signed in where: every session of a person, so that deleting an account ends all of
them, on every device.

allauth.usersessions keeps one row per session (and shows them at /konto/sessions/, where
people can sign out other devices). It records only allauth's own sign-ins; the signal below
records every sign-in Django makes, the admin's included. A session is ended through the
configured session engine, so that it disappears from the database and, with `cached_db`,
from Redis too.
"""

import contextlib
from importlib import import_module

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import PermissionDenied
from django.utils import timezone


def _engine():
    return import_module(settings.SESSION_ENGINE)


def record_sign_in(sender, request, user, **kwargs) -> None:
    """Connected to django.contrib.auth's user_logged_in."""
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return
    try:
        get_adapter().get_client_ip(request)
    except PermissionDenied:
        # No client address (a request made up in code, e.g. the test client's
        # force_login): such a session is still ended on deletion, see end_sessions_of.
        return
    UserSession.objects.create_from_request(request, user=user, session=session)


def forget_sign_out(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_out: the session ends, so does its row."""
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()


def end_sessions_of(user) -> int:
    """Sign the person out everywhere. Sessions that were never recorded (from before the
    tracking, or made up in code) cannot be used either: the account is inactive and its
    password changed, and Django checks both on every request."""
    store = _engine().SessionStore()
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store.delete(key)
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def clear_expired_sessions(*, now=None) -> int:
    """Expired sessions out of the store, and the rows that recorded them (with the IP
    address and browser). Returns how many rows were deleted."""
    now = now or timezone.now()
    engine = _engine()
    # The cache engine lets sessions expire by themselves.
    with contextlib.suppress(NotImplementedError):
        engine.SessionStore.clear_expired()
    if issubclass(engine.SessionStore, DatabaseSessionStore):
        from django.contrib.sessions.models import Session

        live = Session.objects.filter(expire_date__gt=now).values("session_key")
        deleted, _ = UserSession.objects.exclude(session_key__in=live).delete()
        return deleted
    return sum(1 for session in UserSession.objects.iterator() if session.purge())
