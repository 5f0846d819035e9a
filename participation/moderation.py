"""Flags, and what moderators do about them: hide, restore, approve, dismiss."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import MODERATORS
from config.refusals import Refused
from outbox.services import mail_queue

from .comment_notices import tell_followers
from .comments import recount_comments
from .models import Comment, Flag, ModerationAction, ModerationEvent, Proposal, Visibility
from .rules import ensure_verified, ensure_within_rate


def _target_kwargs(target) -> dict:
    if isinstance(target, Comment):
        return {"comment": target}
    if isinstance(target, Proposal):
        return {"proposal": target}
    raise TypeError(type(target))


def flag(*, user, target, reason: str, note: str = "") -> Flag:
    ensure_verified(user)
    if getattr(target, "author_id", None) == user.pk:
        raise Refused(_("Ihren eigenen Beitrag können Sie nicht melden."))
    if getattr(target, "is_deleted", False) or target.visibility == Visibility.HIDDEN:
        raise Refused(_("Dieser Beitrag ist schon nicht mehr zu sehen."))
    kwargs = _target_kwargs(target)
    if Flag.objects.filter(user=user, **kwargs).exists():
        raise Refused(_("Sie haben diesen Beitrag schon gemeldet. Die Moderation prüft ihn."))
    ensure_within_rate(
        user, "flag", lambda since: Flag.objects.filter(user=user, created_at__gte=since).count()
    )
    try:
        with transaction.atomic():
            created = Flag.objects.create(user=user, reason=reason, note=note.strip(), **kwargs)
            _recount_flags(target)
    except IntegrityError as error:
        raise Refused(
            _("Sie haben diesen Beitrag schon gemeldet. Die Moderation prüft ihn.")
        ) from error
    return created


def _recount_flags(target) -> None:
    type(target).objects.filter(pk=target.pk).update(
        flag_count=Flag.objects.filter(**_target_kwargs(target)).count()
    )


def hide(*, actor, target, reason: str) -> None:
    if not reason.strip():
        raise Refused(_("Bitte geben Sie einen Grund an; er wird an Stelle des Textes gezeigt."))
    _change(actor, target, Visibility.HIDDEN, ModerationAction.HIDDEN, reason.strip())


def restore(*, actor, target, reason: str = "") -> None:
    _change(actor, target, Visibility.PUBLISHED, ModerationAction.RESTORED, reason.strip())


def approve(*, actor, comment: Comment) -> None:
    """Release a comment held by pre-moderation."""
    if comment.visibility != Visibility.PENDING:
        raise Refused(_("Dieser Kommentar wartet nicht auf Freigabe."))
    _change(actor, comment, Visibility.PUBLISHED, ModerationAction.APPROVED, "")


def dismiss_flags(*, actor, target, reason: str = "") -> None:
    """The flags were checked and the post stays: it leaves the top of the queue."""
    with transaction.atomic():
        target.flags.all().delete()
        _recount_flags(target)
        ModerationEvent.objects.create(
            action=ModerationAction.FLAGS_DISMISSED,
            reason=reason.strip(),
            actor=actor,
            **_target_kwargs(target),
        )


def _change(actor, target, visibility: str, action: str, reason: str) -> None:
    with transaction.atomic():
        target.visibility = visibility
        target.moderation_reason = reason if visibility == Visibility.HIDDEN else ""
        target.save(update_fields=["visibility", "moderation_reason"])
        ModerationEvent.objects.create(
            action=action, reason=reason, actor=actor, **_target_kwargs(target)
        )
        if isinstance(target, Comment):
            recount_comments(target.statement_id)
            if action == ModerationAction.APPROVED:
                transaction.on_commit(lambda: tell_followers(target.pk))


def moderators():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MODERATORS)
        .order_by("pk")
        .distinct()
    )


def notify_moderators_of_flags() -> int:
    """One mail per moderator naming every flag not yet mailed; returns the flags named.

    Flags are marked in the same transaction that stores the mails in the outbox, so a run
    that is repeated or overlaps with another names each flag once.
    """
    with transaction.atomic():
        pending = list(
            Flag.objects.select_for_update(skip_locked=True)
            .filter(notified_at__isnull=True)
            .order_by("created_at")[:500]
        )
        if not pending:
            return 0
        ids = [f.pk for f in pending]
        flags = (
            Flag.objects.filter(pk__in=ids)
            .select_related("comment__statement__theme", "proposal__theme")
            .order_by("created_at")
        )
        summary = (
            Flag.objects.filter(pk__in=ids)
            .values("comment_id", "proposal_id")
            .annotate(n=Count("pk"))
            .count()
        )
        context = {
            "flags": flags,
            "count": len(ids),
            "targets": summary,
            "queue_url": settings.BASE_URL + "/admin/moderation/",
        }
        text = render_to_string("participation/mail/flags.txt", context)
        subject = _("[Stadtgespräch] %(count)d neue Meldungen an die Moderation") % {
            "count": len(ids)
        }
        for moderator in moderators():
            mail_queue(to=moderator.email, subject=subject, text=text)
        Flag.objects.filter(pk__in=ids).update(notified_at=timezone.now())
        return len(ids)


def waiting_counts() -> dict[str, int]:
    """What the queue holds, for the admin's start page; three queries."""
    return {
        "flagged": Comment.objects.filter(
            flag_count__gt=0, visibility=Visibility.PUBLISHED
        ).count(),
        "pending": Comment.objects.filter(visibility=Visibility.PENDING).count(),
        "proposals": Proposal.objects.filter(state="submitted").count(),
    }
