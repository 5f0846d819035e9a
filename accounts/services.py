from django.db import transaction
from django.db.models.functions import Lower

from .models import User


def display_name_is_taken(name: str, *, exclude_user: User | None = None) -> bool:
    users = User.objects.annotate(lower_name=Lower("display_name")).filter(
        lower_name=name.strip().lower()
    )
    if exclude_user is not None:
        users = users.exclude(pk=exclude_user.pk)
    return users.exists()


def user_change_display_name(*, user: User, display_name: str) -> User:
    with transaction.atomic():
        user.display_name = display_name.strip()
        user.full_clean(exclude=["password"])
        user.save(update_fields=["display_name"])
    return user


def user_is_verified(user, request=None) -> bool:
    """A citizen in the sense of design.md: signed in with a confirmed e-mail address.

    With a request, a positive answer is remembered in the session: an address once
    confirmed stays confirmed, and votes should not ask the database every time.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, "_verified", None)
    session_key = f"verified:{user.pk}"
    if cached is None and request is not None and request.session.get(session_key):
        cached = True
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        if cached and request is not None:
            request.session[session_key] = True
    user._verified = cached
    return cached


def verified_emails(user) -> list[str]:
    """The account's confirmed addresses, lower case: what was given without an account
    (a conference registration) is the person's only if it went to one of these, so that
    adding someone else's address to one's account reveals nothing."""
    if not getattr(user, "is_authenticated", False):
        return []
    from allauth.account.models import EmailAddress

    return sorted(
        {
            email.lower()
            for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        }
    )
