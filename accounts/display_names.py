"""Rules for the public display name (pseudonyms allowed)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HELP_TEXT = _(
    "Wird öffentlich bei Ihren Beiträgen gezeigt; ein Pseudonym ist erlaubt. 3 bis 30 Zeichen: "
    "Buchstaben, Ziffern, Leerzeichen, Punkt, Bindestrich, Unterstrich."
)
TAKEN = _("Dieser Anzeigename ist schon vergeben. Bitte wählen Sie einen anderen.")
MIN_LENGTH = 3
MAX_LENGTH = 30
ALLOWED = re.compile(r"^[\w .\-]+$")
# Names that would let an account pass itself off as the city, its moderators or a deleted
# account; compared without case, spaces and punctuation.
RESERVED = {
    "admin",
    "administrator",
    "moderation",
    "moderator",
    "redaktion",
    "stadt",
    "stadtdortmund",
    "antwortderstadt",
    "geloeschteskonto",
    "gelöschteskonto",
    "deletedaccount",
    "system",
}


def _folded(name: str) -> str:
    return re.sub(r"[\s._\-]", "", name).casefold()


def validate_display_name(value: str) -> None:
    name = value.strip()
    if len(name) < MIN_LENGTH:
        raise ValidationError(
            _("Der Anzeigename muss mindestens %(min)d Zeichen lang sein."),
            code="too_short",
            params={"min": MIN_LENGTH},
        )
    if len(name) > MAX_LENGTH:
        raise ValidationError(
            _("Der Anzeigename darf höchstens %(max)d Zeichen lang sein."),
            code="too_long",
            params={"max": MAX_LENGTH},
        )
    if "@" in name:
        raise ValidationError(
            _("Bitte verwenden Sie keine E-Mail-Adresse als Anzeigenamen."), code="email"
        )
    if not ALLOWED.match(name):
        raise ValidationError(
            _("Erlaubt sind Buchstaben, Ziffern, Leerzeichen, Punkt, Bindestrich und Unterstrich."),
            code="invalid_characters",
        )
    if _folded(name) in RESERVED:
        raise ValidationError(
            _("Dieser Anzeigename ist für die Stadt reserviert. Bitte wählen Sie einen anderen."),
            code="reserved",
        )
