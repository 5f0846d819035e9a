from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .moderation import Visibility
from .statements import WithoutSearchVector

COMMENT_MAX_LENGTH = 2000
COMMENT_MIN_LENGTH = 2


class CommentQuerySet(models.QuerySet):
    def visible_to_public(self):
        """Everything that takes a place in the thread: published, hidden (shown with the
        moderation's reason) and deleted ones (shown as deleted so that replies keep their
        context). Comments awaiting approval are left out."""
        return self.exclude(visibility=Visibility.PENDING)

    def readable(self):
        """What a visitor can read: published and neither hidden nor deleted (the site search
        finds only these; its index covers exactly them)."""
        return self.filter(visibility=Visibility.PUBLISHED, deleted_at__isnull=True)


class Comment(models.Model):
    statement = models.ForeignKey(
        "participation.Statement",
        verbose_name=_("Aussage"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    # Replies go one level deep: a reply to a reply is attached to the same top-level comment.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Antwort auf"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    text = models.TextField(_("Kommentar"), max_length=COMMENT_MAX_LENGTH)
    is_official = models.BooleanField(_("Antwort der Stadt"), default=False)
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )
    moderation_reason = models.TextField(_("Grund der Moderation"), blank=True)
    flag_count = models.PositiveIntegerField(_("Meldungen"), default=0, editable=False)
    created_at = models.DateTimeField(_("geschrieben am"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True)
    # Set once the people to be told (replies, official answers) have been mailed.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # `text` as German full text for the site search; kept by a trigger on PostgreSQL (see
    # Statement.search_vector).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector.from_queryset(CommentQuerySet)()

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", _("Kann Kommentare moderieren"))]
        indexes = [
            # One page of a thread: the statement's top-level comments in order.
            models.Index(
                fields=["statement", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_top_level",
            ),
            models.Index(fields=["author", "created_at"], name="comment_author_recent"),
            models.Index(fields=["visibility", "-flag_count"], name="comment_moderation_queue"),
        ]

    def __str__(self):
        return self.text[:60] if not self.deleted_at else str(_("gelöschter Kommentar"))

    def get_absolute_url(self):
        return f"{self.statement.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.visibility == Visibility.HIDDEN

    @property
    def is_pending(self) -> bool:
        return self.visibility == Visibility.PENDING
