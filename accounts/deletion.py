"""Deleting an account: the person goes, their contributions stay.

The row of the account is kept, emptied of everything personal, rather than deleted: several
tables refer to accounts with CASCADE (Wagtail's editorial comments and workflow, follows,
office memberships), participation counts rest on distinct accounts (participants, opinion
groups, the council paper's figures), and a kept row shows as "gelöschtes Konto" wherever an
author was named. Each app erases what it knows (`<app>/personal_data.py`), from the top
floor down, so the account's own addresses are there as long as another app needs them; all
of it in one transaction, so that nothing half-deleted remains. Mails go after the commit
(through the outbox).
"""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from config.refusals import Refused
from outbox.services import mail_queue

from .models import User
from .privacy import Person, sections


def roles_of(user) -> list[str]:
    roles = sorted(user.groups.values_list("name", flat=True))
    if user.is_superuser or user.is_staff:
        roles.insert(0, _("Administration"))
    return roles


def self_deletion_refused(user) -> str:
    """Why the person cannot delete the account themselves, or "".

    Accounts with roles are the city's staff: what they did (moderation, approvals, reports)
    is a record of the administration, and a role may be the last of its kind (the only
    administrator). An administrator takes the roles away, or deletes the account in the
    admin; then it is an ordinary account that its owner may delete.
    """
    roles = roles_of(user)
    if not roles:
        return ""
    return _(
        "Ihr Konto hat Rollen in der Verwaltung der Plattform (%(roles)s). Bitte lassen Sie "
        "die Rollen von der Administration entziehen oder das Konto von ihr löschen; danach "
        "können Sie es hier selbst löschen."
    ) % {"roles": ", ".join(roles)}


def account_delete(*, user, by=None, now=None) -> User:
    """Delete the account of `user`: by themselves (``by`` None) or by an administrator.

    Idempotent: an account already deleted is left as it is.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.is_deleted:
            return locked
        if by is None and (reason := self_deletion_refused(locked)):
            raise Refused(reason)
        person = Person.of(locked, now=now)
        farewell_to = _primary_verified(person, locked)
        for section in reversed(sections()):
            section.erase(person)
        if farewell_to:
            mail_queue(
                to=farewell_to,
                subject=_("[Stadtgespräch] Ihr Konto ist gelöscht"),
                text=render_to_string(
                    "accounts/mail/account_deleted.txt", {"by_admin": by is not None}
                ),
            )
    return locked


def _primary_verified(person: Person, user) -> str:
    if user.email.lower() in person.verified_emails:
        return user.email
    return person.verified_emails[0] if person.verified_emails else ""
