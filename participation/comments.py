"""Writing, editing and deleting comments, and counting them on their statement."""

from functools import partial

from django.core.paginator import Paginator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.refusals import Refused

from .comment_notices import tell_followers
from .models import Comment, Statement, Visibility
from .rules import ensure_may_take_part, ensure_within_rate, may_moderate


def comment_post(
    *,
    user,
    statement: Statement,
    text: str,
    consultation,
    parent: Comment | None = None,
    official: bool = False,
) -> Comment:
    """Post a comment or a reply. Replies to replies join the same top-level thread."""
    ensure_may_take_part(user, statement, consultation)
    if official and not may_moderate(user):
        raise Refused(_("Nur die Moderation kann als Stadt antworten."))
    if parent is not None:
        if parent.statement_id != statement.pk:
            raise Refused(_("Diese Antwort gehört zu einer anderen Aussage."))
        if parent.visibility != Visibility.PUBLISHED:
            raise Refused(_("Auf diesen Kommentar kann man nicht antworten."))
        parent = parent.parent or parent
    ensure_within_rate(
        user,
        "comment",
        lambda since: Comment.objects.filter(author=user, created_at__gte=since).count(),
    )
    held = consultation.premoderation and not may_moderate(user)
    with transaction.atomic():
        comment = Comment.objects.create(
            statement=statement,
            parent=parent,
            author=user,
            text=text.strip(),
            is_official=official,
            visibility=Visibility.PENDING if held else Visibility.PUBLISHED,
        )
        recount_comments(statement.pk)
        if not held:
            transaction.on_commit(partial(tell_followers, comment.pk))
    return comment


def comment_edit(*, user, comment: Comment, text: str, consultation) -> Comment:
    ensure_may_change(user, comment)
    ensure_may_take_part(user, comment.statement, consultation)
    with transaction.atomic():
        comment.text = text.strip()
        comment.edited_at = timezone.now()
        comment.save(update_fields=["text", "edited_at"])
        recount_comments(comment.statement_id)
    return comment


def comment_delete(*, user, comment: Comment) -> Comment:
    """The text goes; the place in the thread stays, so that replies keep their context."""
    ensure_may_change(user, comment)
    with transaction.atomic():
        comment.text = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["text", "deleted_at"])
        recount_comments(comment.statement_id)
    return comment


def ensure_may_change(user, comment: Comment) -> None:
    if not getattr(user, "is_authenticated", False) or comment.author_id != user.pk:
        raise Refused(_("Sie können nur Ihre eigenen Kommentare ändern."))
    if comment.is_deleted:
        raise Refused(_("Dieser Kommentar ist gelöscht."))
    if comment.is_hidden:
        raise Refused(_("Die Moderation hat diesen Kommentar ausgeblendet."))


def recount_comments(statement_id: int) -> None:
    """Counts what readers can read: published comments that are not deleted.

    The statement row is locked for the caller's transaction, so that parallel posts each
    count the other's comment.
    """
    with transaction.atomic():
        Statement.objects.select_for_update().filter(pk=statement_id).values("pk").first()
        count = Comment.objects.filter(
            statement_id=statement_id, visibility=Visibility.PUBLISHED, deleted_at__isnull=True
        ).count()
        # updated_at tells the cached thread of anonymous visitors that it is out of date.
        Statement.objects.filter(pk=statement_id).update(
            comment_count=count, updated_at=timezone.now()
        )


# Top-level comments per page of a statement's thread (the site search links into it).
THREAD_PAGE_SIZE = 20


def thread(statement: Statement, *, page_number, per_page: int = THREAD_PAGE_SIZE, filter_top=None):
    """One page of top-level comments with all their replies: three queries, any size.

    `filter_top` narrows and orders the top-level comments (see filters.CommentFilter).
    """
    top = (
        Comment.objects.visible_to_public()
        .filter(statement=statement, parent__isnull=True)
        .select_related("author")
        .order_by("created_at", "id")
    )
    if filter_top is not None:
        top = filter_top(top)
    page = Paginator(top, per_page).get_page(page_number)
    replies: dict[int, list[Comment]] = {}
    for reply in (
        Comment.objects.visible_to_public()
        .filter(parent__in=[c.pk for c in page.object_list])
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        replies.setdefault(reply.parent_id, []).append(reply)
    for comment in page.object_list:
        comment.thread_replies = replies.get(comment.pk, [])
    return page
