"""May this person take part here and now? One answer for views, forms and templates alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.services import user_is_verified
from cms.process import collecting_stages, process_stages, stage_status
from cms.stages import NO_CONSULTATION, Consultation
from config import ratelimit
from config.refusals import Refused

from .models import Statement, StatementState


@dataclass(frozen=True)
class Permission:
    allowed: bool
    reason: str = ""
    # Set when nobody can vote on the statement now (its consultation is closed, not yet
    # open or not offered, or it was withdrawn): a list then shows the result and this short
    # note instead of buttons nobody can press, and says `reason` once for the whole list.
    closed_note: str = ""


def consultation_of(stage: int, *, today=None) -> Consultation:
    status = stage_status(stage, today=today)
    return status.consultation if status else NO_CONSULTATION


def may_take_part(user, statement: Statement, consultation: Consultation) -> Permission:
    """Voting and commenting share these rules; the reason is shown beside the controls."""
    if statement.state == StatementState.WITHDRAWN:
        return Permission(
            False,
            _("Diese Aussage wurde zurückgezogen."),
            closed_note=_("Zurückgezogen: Sie kann nicht mehr bewertet werden."),
        )
    if statement.state != StatementState.PUBLISHED:
        return Permission(False, _("Diese Aussage ist nicht veröffentlicht."))
    if not consultation.is_open:
        return Permission(False, consultation.note, closed_note=closed_note(consultation))
    if not getattr(user, "is_authenticated", False):
        return Permission(False, _("Melden Sie sich an, um mitzumachen."))
    if not user_is_verified(user):
        return Permission(False, _("Bestätigen Sie zuerst Ihre E-Mail-Adresse, um mitzumachen."))
    return Permission(True)


def closed_note(consultation: Consultation) -> str:
    """The short form of `consultation.note` for one statement in a list."""
    if not consultation.offered:
        return _("Keine Online-Bewertung")
    if consultation.not_yet:
        return _("Bewertung ab %(date)s möglich") % {
            "date": date_format(consultation.opens, "DATE_FORMAT")
        }
    if consultation.closes >= timezone.localdate():
        # Closed early by an editor: the planned date would be wrong.
        return _("Bewertung beendet")
    return _("Bewertung beendet am %(date)s") % {
        "date": date_format(consultation.closes, "DATE_FORMAT")
    }


def ensure_may_take_part(user, statement: Statement, consultation: Consultation) -> None:
    permission = may_take_part(user, statement, consultation)
    if not permission.allowed:
        raise Refused(permission.reason)


def ensure_verified(user) -> None:
    if not user_is_verified(user):
        raise Refused(_("Bestätigen Sie zuerst Ihre E-Mail-Adresse, um mitzumachen."))


def ensure_within_rate(user, what: str, recent_count) -> None:
    """`recent_count(since)` counts what this person did since then."""
    limit, seconds = settings.PARTICIPATION_RATE_LIMITS[what]
    since = timezone.now() - timedelta(seconds=seconds)
    if recent_count(since) >= limit:
        raise Refused(rate_message(what, limit, seconds), rate_limited=True)


def ensure_within_burst(user, what: str) -> None:
    """For what must stay fast (a vote): counted in the shared cache, no database query."""
    limit, seconds = settings.PARTICIPATION_RATE_LIMITS[what]
    if not ratelimit.hit(f"participation:{what}", str(user.pk), limit=limit, seconds=seconds):
        raise Refused(rate_message(what, limit, seconds), rate_limited=True)


def rate_message(what: str, limit: int, seconds: int) -> str:
    if what == "comment":
        return _(
            "Sie haben in den letzten %(minutes)d Minuten schon %(limit)d Kommentare "
            "geschrieben. Bitte warten Sie einige Minuten; Ihr Text bleibt hier stehen."
        ) % {"minutes": seconds // 60, "limit": limit}
    if what == "vote":
        return _(
            "Sie haben in der letzten Minute schon %(limit)d Bewertungen abgegeben. Bitte "
            "warten Sie einen Moment und versuchen Sie es dann noch einmal."
        ) % {"limit": limit}
    if what == "proposal":
        return _(
            "Sie haben heute schon %(limit)d Vorschläge eingereicht. Bitte versuchen Sie es "
            "morgen wieder; Ihr Text bleibt hier stehen."
        ) % {"limit": limit}
    return _(
        "Sie haben in der letzten Stunde schon %(limit)d Meldungen abgegeben. Bitte "
        "versuchen Sie es später wieder."
    ) % {"limit": limit}


def may_moderate(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.has_perm(
        "participation.moderate_comment"
    )


def consultations(*, today=None) -> dict[int, Consultation]:
    """Every stage's consultation, from one look at the process."""
    return {status.number: status.consultation for status in process_stages(today=today)}


def collecting(*, today=None) -> dict[str, int]:
    """Which stage collects which kind of statement, and so where a citizen's proposal
    belongs: the process says (cms), by the stages' subjects."""
    return {
        stage.collects: stage.number
        for stage in collecting_stages(stages=process_stages(today=today))
    }


def open_proposal_kinds(*, today=None, windows=None) -> list[str]:
    windows = windows if windows is not None else consultations(today=today)
    return [
        kind
        for kind, stage in collecting(today=today).items()
        if windows.get(stage, NO_CONSULTATION).is_open
    ]
