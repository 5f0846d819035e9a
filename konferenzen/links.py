"""The signed links in every mail: confirm a registration, and look after it later.

A link carries the registration's number and its secret, signed with the site's key and a
salt per purpose, so a confirmation link cannot serve as a self-service link or the other way
round. Changing the secret (a new registration after a cancelled one) voids all older links.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "konferenzen.confirm"
MANAGE_SALT = "konferenzen.manage"
# The double opt-in: a registration counts only when confirmed within this time.
CONFIRM_WITHIN = timedelta(hours=48)


class BadLink(Exception):
    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class LinkTarget:
    registration_id: int
    secret: str


def _token(registration, salt: str) -> str:
    return signing.dumps({"r": registration.pk, "s": registration.secret}, salt=salt, compress=True)


def read(token: str, *, salt: str, max_age: timedelta | None = None) -> LinkTarget:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadLink(expired=False) from error
    if not isinstance(data, dict) or not isinstance(data.get("r"), int):
        raise BadLink(expired=False)
    return LinkTarget(registration_id=data["r"], secret=str(data.get("s", "")))


def confirm_url(registration, *, absolute: bool = True) -> str:
    path = reverse("konferenzen:confirm", args=[_token(registration, CONFIRM_SALT)])
    return settings.BASE_URL + path if absolute else path


def manage_url(registration, *, absolute: bool = True) -> str:
    path = reverse("konferenzen:manage", args=[_token(registration, MANAGE_SALT)])
    return settings.BASE_URL + path if absolute else path


def absolute(path: str) -> str:
    return path if path.startswith("http") else settings.BASE_URL + path
