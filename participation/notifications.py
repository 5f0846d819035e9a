"""Following themes and statements, and the mails that follow from it.

Every mail is stored in the outbox inside the transaction that records who was told
(`SentNotification`), so a task that runs twice, or a sweep that overlaps a task, tells
each person once.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.models import StageResults
from outbox.services import mail_queue

from .models import (
    Announcement,
    Comment,
    Follow,
    NotificationSettings,
    SentNotification,
    Visibility,
)

UNSUBSCRIBE_SALT = "participation.unsubscribe"
KINDS = ("replies", "official_answers", "stage_results")
# A published comment whose notification task never ran is picked up after this.
SWEEP_GRACE = timedelta(minutes=2)


# --- following --------------------------------------------------------------------------------


def follow_toggle(*, user, theme=None, statement=None) -> bool:
    """Follow if not yet following, else stop. Returns whether the person now follows."""
    target = {"theme": theme} if theme is not None else {"statement": statement}
    deleted, _counts = Follow.objects.filter(user=user, **target).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, **target)
    except IntegrityError:
        pass  # a double click: the first one already follows
    return True


def follows(user, *, theme=None, statement=None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    target = {"theme": theme} if theme is not None else {"statement": statement}
    return Follow.objects.filter(user=user, **target).exists()


def settings_of(user) -> NotificationSettings:
    """The person's choices; for someone who never changed them the defaults, not yet
    stored, so that looking at the settings page stores nothing about them."""
    return NotificationSettings.objects.filter(user=user).first() or NotificationSettings(user=user)


def wants(user, kind: str) -> bool:
    found = NotificationSettings.objects.filter(user=user).values_list(kind, flat=True).first()
    return True if found is None else found


# --- unsubscribing ----------------------------------------------------------------------------


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(user, kind: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("participation:unsubscribe", args=[unsubscribe_token(user, kind)])
    return settings.BASE_URL + path


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """Who and what, or None for a forged or garbled token. Tokens do not expire: a link in
    an old mail must still work."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        return None
    return data.get("u"), data["k"]


def unsubscribe(user, kind: str) -> None:
    found = settings_of(user)
    setattr(found, kind, False)
    found.save(update_fields=[kind] if found.pk else None)


# --- telling people ---------------------------------------------------------------------------


def _tell(user, *, key: str, kind: str, subject: str, template: str, context: dict) -> bool:
    """Queue one mail unless this person was told about `key` already."""
    if not user.is_active or not wants(user, kind):
        return False
    try:
        with transaction.atomic():
            SentNotification.objects.create(user=user, key=key)
            url = unsubscribe_url(user, kind)
            body = render_to_string(template, {**context, "user": user, "unsubscribe_url": url})
            mail_queue(
                to=user.email,
                subject=subject,
                text=body,
                headers={
                    "List-Unsubscribe": f"<{url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
    except IntegrityError:
        return False
    return True


def notify_about_comment(comment_id: int) -> int:
    """Tell the author of the comment replied to, and, for the city's answer, the
    statement's followers. Returns how many mails were queued."""
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("statement__theme", "parent__author", "author")
            .filter(pk=comment_id, notified_at__isnull=True, visibility=Visibility.PUBLISHED)
            .first()
        )
        if comment is None:
            return 0
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "comment": comment,
                "statement": comment.statement,
                "url": settings.BASE_URL + comment.get_absolute_url(),
            }
            parent_author = comment.parent.author if comment.parent_id else None
            if parent_author and parent_author.pk != comment.author_id and not comment.deleted_at:
                sent += _tell(
                    parent_author,
                    key=f"reply:{comment.pk}",
                    kind="replies",
                    subject=_("[Stadtgespräch] Neue Antwort auf Ihren Kommentar"),
                    template="participation/mail/reply.txt",
                    context=context,
                )
            if comment.is_official:
                followers = (
                    Follow.objects.filter(statement_id=comment.statement_id)
                    .exclude(user_id=comment.author_id)
                    .select_related("user")
                )
                for follow in followers:
                    sent += _tell(
                        follow.user,
                        key=f"official:{comment.pk}",
                        kind="official_answers",
                        subject=_("[Stadtgespräch] Die Stadt hat geantwortet"),
                        template="participation/mail/official_answer.txt",
                        context=context,
                    )
        comment.notified_at = timezone.now()
        comment.save(update_fields=["notified_at"])
        return sent


def comments_waiting_for_notification():
    cutoff = timezone.now() - SWEEP_GRACE
    return Comment.objects.filter(
        notified_at__isnull=True, visibility=Visibility.PUBLISHED, created_at__lte=cutoff
    ).values_list("pk", flat=True)


def notify_stage_results(*, results_key: str, stage_title: str, url: str) -> int:
    """Tell everyone who follows a theme that a stage's results are out."""
    from django.contrib.auth import get_user_model

    users = (
        get_user_model()
        .objects.filter(follows__theme__isnull=False, is_active=True)
        .distinct()
        .order_by("pk")
    )
    themes_by_user: dict[int, list[str]] = {}
    for user_id, name in (
        Follow.objects.filter(theme__isnull=False)
        .order_by("theme__sort_order")
        .values_list("user_id", "theme__name")
    ):
        themes_by_user.setdefault(user_id, []).append(name)
    key = f"results:{results_key}"
    if Announcement.objects.filter(key=key).exists():
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in users.iterator(chunk_size=500):
            sent += _tell(
                user,
                key=f"results:{results_key}",
                kind="stage_results",
                subject=_("[Stadtgespräch] Neue Ergebnisse: %(stage)s") % {"stage": stage_title},
                template="participation/mail/stage_results.txt",
                context={
                    "stage_title": stage_title,
                    "url": url,
                    "themes": themes_by_user.get(user.pk, []),
                },
            )
    Announcement.objects.get_or_create(key=key)
    return sent


def results_waiting_for_announcement() -> list[int]:
    """Stage results first published in the last day and not yet announced."""
    since = timezone.now() - timedelta(days=1)
    announced = {
        key.removeprefix("results:")
        for key in Announcement.objects.filter(key__startswith="results:").values_list(
            "key", flat=True
        )
    }
    recent = StageResults.objects.filter(
        live=True,
        first_published_at__gte=since,
        first_published_at__lte=timezone.now() - SWEEP_GRACE,
    ).values_list("pk", flat=True)
    return [pk for pk in recent if str(pk) not in announced]
