"""Demo accounts, one per role; their passwords are new on every run and printed."""

import secrets
import string

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import User
from .roles import CONFERENCE_TEAM, COUNCIL, EDITORS, MODERATORS, OFFICE_STAFF, STRATEGY_TEAM

DEMO_ACCOUNTS = [
    # (role shown, e-mail, display name, group or None for a citizen)
    ("Redaktion", "redaktion@example.org", "Redaktion Demo", EDITORS),
    ("Redaktion (2. Person)", "redaktion2@example.org", "Redaktion Zwei", EDITORS),
    ("Moderation", "moderation@example.org", "Moderation Demo", MODERATORS),
    ("Strategieteam", "strategie@example.org", "Strategieteam Demo", STRATEGY_TEAM),
    ("Konferenzteam", "konferenz@example.org", "Konferenzteam Demo", CONFERENCE_TEAM),
    # Reports key figures for the Stadtplanungs- und Bauordnungsamt (61): umsetzung's demo
    # makes the account a member of that office.
    ("Amt 61 (Stadtplanung)", "amt61@example.org", "Amt 61 Demo", OFFICE_STAFF),
    # Reads the council paper's drafts on the website (/ratsvorlage/); no admin.
    ("Ratsmitglied", "rat@example.org", "Ratsmitglied Demo", COUNCIL),
    ("Bürger*in", "buergerin@example.org", "Dortmunderin", None),
]


ALPHABET = string.ascii_letters + string.digits


def demo_password() -> str:
    """Three groups of five letters or digits: easy to copy, no leading dash."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(5)) for _ in range(3))


def load(*, today, report) -> None:
    for role, email, display_name, group_name in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, display_name=display_name)
            report.created(f"Konto {email}")
        password = demo_password()
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        report.account(role, email, password)
