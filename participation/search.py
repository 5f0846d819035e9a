"""What people wrote, for the site search (cms.search): public statements, accepted proposals
and the comments a visitor can read. Registered in wagtail_hooks.py.

Each kind costs two queries whatever the volume: the matching ids with their rank (from the
stored, GIN-indexed German vector on PostgreSQL), then the hits shown, with their passages.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from accounts.models import DELETED_ACCOUNT_NAME
from cms.search import caching
from cms.search.matching import ranked, snippet, with_headlines
from cms.search.providers import Found, Hit, SearchProvider
from cms.search.terms import Terms

from .comments import THREAD_PAGE_SIZE
from .models import Comment, Proposal, Statement, Theme, Visibility
from .models.proposals import ProposalState
from .models.statements import PUBLIC_STATES


def themes() -> list[tuple[str, str]]:
    """The themes, read once per generation of the search's kept results (a theme saved
    moves it on, see `connect`)."""
    key = f"participation:search:themes:{caching.generation()}:{get_language()}"
    found = cache.get(key)
    if found is None:
        # In the reader's language: str(theme) is the English name on the English site.
        found = [(theme.slug, str(theme)) for theme in Theme.objects.all()]
        cache.set(key, found, caching.SECONDS * 10)
    return [tuple(theme) for theme in found]


class _TextSearch(SearchProvider):
    """A kind whose rows have `text` and a stored `search_vector`."""

    def matching(self, theme: str):
        raise NotImplementedError

    def details(self, ids: list, terms: Terms):
        raise NotImplementedError

    def hit(self, row, terms: Terms) -> Hit:
        raise NotImplementedError

    def search(self, terms: Terms, *, theme: str, start: int, stop: int) -> Found:
        best = ranked(
            self.matching(theme),
            terms,
            fields=["text"],
            vector="search_vector",
            start=start,
            stop=stop,
        )
        if not best.ids:
            return Found(best.count)
        rows = with_headlines(self.details(best.ids, terms), terms, "text")
        found = {row.pk: row for row in rows}
        return Found(best.count, [self.hit(found[pk], terms) for pk in best.ids if pk in found])


class StatementSearch(_TextSearch):
    kind = "aussagen"
    label = gettext_lazy("Aussagen")
    description = gettext_lazy(
        "Ausgangsbilder und Zielbilder aus den Workshops und der Online-Beteiligung."
    )
    order = 10

    def matching(self, theme: str):
        statements = Statement.objects.public()
        return statements.filter(theme__slug=theme) if theme else statements

    def details(self, ids, terms):
        return Statement.objects.filter(pk__in=ids).select_related("theme", "sector")

    def hit(self, statement: Statement, terms: Terms) -> Hit:
        details = [
            statement.sector.name,
            ngettext("%(count)s Bewertung", "%(count)s Bewertungen", statement.vote_count)
            % {"count": formats.number_format(statement.vote_count, force_grouping=True)},
            ngettext("%(count)s Kommentar", "%(count)s Kommentare", statement.comment_count)
            % {"count": formats.number_format(statement.comment_count, force_grouping=True)},
        ]
        if statement.is_withdrawn:
            details.insert(0, _("zurückgezogen"))
        return Hit(
            title=escape(_statement_title(statement)),
            url=statement.get_absolute_url(),
            label=statement.get_kind_display(),
            snippet=snippet(statement, "text", terms),
            theme=str(statement.theme),
            theme_language=statement.theme.content_language,
            details=details,
            title_is_content=False,
        )


class ProposalSearch(_TextSearch):
    kind = "vorschlaege"
    label = gettext_lazy("Vorschläge")
    description = gettext_lazy("Vorschläge von Bürger*innen, die die Moderation angenommen hat.")
    order = 20

    def matching(self, theme: str):
        proposals = Proposal.objects.filter(
            state=ProposalState.ACCEPTED, visibility=Visibility.PUBLISHED
        )
        return proposals.filter(theme__slug=theme) if theme else proposals

    def details(self, ids, terms):
        return Proposal.objects.filter(pk__in=ids).select_related("theme", "author", "statement")

    def hit(self, proposal: Proposal, terms: Terms) -> Hit:
        statement = proposal.statement
        if statement is not None and statement.state in PUBLIC_STATES:
            url = statement.get_absolute_url()
            made = _("angenommen als %(statement)s") % {"statement": _statement_title(statement)}
        else:
            url = reverse("participation:proposals", args=[proposal.theme.slug])
            made = _("angenommen")
        return Hit(
            title=escape(_("Vorschlag Nr. %(number)s") % {"number": proposal.pk}),
            url=url,
            label=_("Vorschlag"),
            snippet=snippet(proposal, "text", terms),
            theme=str(proposal.theme),
            theme_language=proposal.theme.content_language,
            details=[_author(proposal.author), _date(proposal.created_at), made],
            title_is_content=False,
        )


class CommentSearch(_TextSearch):
    kind = "kommentare"
    label = gettext_lazy("Kommentare")
    description = gettext_lazy("Die sichtbaren Kommentare zu den Aussagen.")
    order = 30

    def matching(self, theme: str):
        # Those of a statement that is not public ruled out rather than those of a public one
        # looked up: nearly every statement is public, and the few others have an index.
        not_public = Statement.objects.filter(pk=OuterRef("statement_id")).exclude(
            state__in=PUBLIC_STATES
        )
        comments = Comment.objects.readable().exclude(Exists(not_public))
        return comments.filter(statement__theme__slug=theme) if theme else comments

    def details(self, ids, terms):
        # Where the comment stands in its statement's thread, so that the link opens the page
        # of the thread that shows it: the top-level comments before its own (or its parent).
        before = (
            Comment.objects.visible_to_public()
            .filter(statement=OuterRef("statement"), parent__isnull=True)
            .filter(
                Q(created_at__lt=OuterRef("thread_created"))
                | Q(created_at=OuterRef("thread_created"), pk__lt=OuterRef("thread_id"))
            )
            .order_by()
            .values("statement")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            Comment.objects.filter(pk__in=ids)
            .select_related("author", "statement__theme")
            .annotate(
                thread_created=Coalesce("parent__created_at", "created_at"),
                thread_id=Coalesce("parent_id", "id"),
            )
            .annotate(thread_position=Coalesce(Subquery(before, output_field=IntegerField()), 0))
        )

    def hit(self, comment: Comment, terms: Terms) -> Hit:
        statement = comment.statement
        page = comment.thread_position // THREAD_PAGE_SIZE + 1
        url = statement.get_absolute_url() + (f"?page={page}" if page > 1 else "")
        if comment.is_official:
            title = _("Antwort der Stadt zu %(statement)s")
        else:
            title = _("Kommentar von %(name)s zu %(statement)s")
        return Hit(
            title=escape(
                title % {"name": _author(comment.author), "statement": _statement_title(statement)}
            ),
            url=f"{url}#kommentar-{comment.pk}",
            label=_("Antwort der Stadt") if comment.is_official else _("Kommentar"),
            snippet=snippet(comment, "text", terms),
            theme=str(statement.theme),
            theme_language=statement.theme.content_language,
            details=[_date(comment.created_at)],
            title_is_content=False,
        )


def _statement_title(statement: Statement) -> str:
    return _("%(kind)s Nr. %(number)s") % {
        "kind": statement.get_kind_display(),
        "number": statement.pk,
    }


def _author(user) -> str:
    return str(DELETED_ACCOUNT_NAME if user is None else user.public_name)


def _date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


# What, once written, can take a row out of the public eye or change what it says.
VISIBLE_FIELDS = {"text", "visibility", "deleted_at", "state"}


def _changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    """Kept results may show what is no longer to be seen: a hidden or deleted comment, a
    withdrawn statement, an edited text. New rows may wait for the results to expire."""
    if created:
        return
    if update_fields is None or VISIBLE_FIELDS & set(update_fields):
        caching.forget()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    for model in (Statement, Comment, Proposal):
        uid = f"participation-search-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(caching.forget, sender=model, dispatch_uid=f"{uid}-delete")
    # A theme renamed or removed: the theme filter of every kept page lists it.
    post_save.connect(caching.forget, sender=Theme, dispatch_uid="participation-search-theme")
    post_delete.connect(caching.forget, sender=Theme, dispatch_uid="participation-search-theme-d")
