"""The participation's part of "Meine Beteiligung" (accounts.my_participation): the person's
votes with each statement's current result, their comments (deleted and hidden ones marked
as such), their proposals with the decision, and what they follow. One query to count and
one to read a page, whatever the person did."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.my_participation import Item, Source
from cms.language_marks import in_language, interpolate, joined

from .models import Comment, Follow, Proposal, Vote, VoteChoice
from .models.proposals import ProposalState
from .models.statements import PUBLIC_STATES
from .votes import shares

TITLE_WORDS = 24


def _short(text: str) -> str:
    return Truncator(text).words(TITLE_WORDS, truncate=" …")


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _theme_name(theme):
    """The theme's name in the reader's language where it has one, marked as such."""
    return in_language(str(theme), theme.content_language)


def _statement_name(statement):
    return interpolate(
        _("%(kind)s Nr. %(number)s, %(theme)s"),
        {
            "kind": statement.get_kind_display(),
            "number": str(statement.pk),
            "theme": _theme_name(statement.theme),
        },
    )


def current_result(statement) -> str:
    """The statement's result now, in words: "Stand: 62 % Zustimmung, 30 % Ablehnung,
    8 % neutral (1.234 Bewertungen)"."""
    total = statement.vote_count
    parts = ", ".join(f"{share['percent']} % {share['label']}" for share in shares(statement))
    votes = ngettext("%(n)s Bewertung", "%(n)s Bewertungen", total) % {
        "n": number_format(total, force_grouping=True)
    }
    return _("Stand: %(parts)s (%(votes)s)") % {"parts": parts, "votes": votes}


VOTE_TONES = {VoteChoice.AGREE: "success", VoteChoice.DISAGREE: "danger"}

# --- Votes -------------------------------------------------------------------------------------


def _votes(user):
    return Vote.objects.filter(user=user, statement__state__in=PUBLIC_STATES)


def vote_items(user, offset: int, limit: int) -> list[Item]:
    votes = _votes(user).select_related("statement__theme").order_by("-updated_at", "-pk")
    items = []
    for vote in votes[offset : offset + limit]:
        statement = vote.statement
        about = [_statement_name(statement)]
        if statement.is_withdrawn:
            about.append(_("zurückgezogen"))
        items.append(
            Item(
                title=_short(statement.text),
                url=statement.get_absolute_url(),
                lang="de",
                detail=joined([*about, current_result(statement)]),
                status=_("Ihre Bewertung: %(choice)s") % {"choice": vote.get_choice_display()},
                tone=VOTE_TONES.get(vote.choice, "info"),
            )
        )
    return items


def votes_source() -> Source:
    return Source(
        key="bewertungen",
        heading=gettext_lazy("Ihre Bewertungen"),
        empty=gettext_lazy("Sie haben noch keine Aussage bewertet."),
        count=lambda user: _votes(user).count(),
        items=vote_items,
        order=10,
    )


# --- Comments ----------------------------------------------------------------------------------


def _comments(user):
    return Comment.objects.filter(author=user, statement__state__in=PUBLIC_STATES)


def _comment_item(comment) -> Item:
    about = interpolate(
        _("Zu %(statement)s · geschrieben am %(day)s"),
        {"statement": _statement_name(comment.statement), "day": _day(comment.created_at)},
    )
    if comment.is_deleted:
        return Item(
            title=_("Gelöschter Kommentar"),
            url=comment.get_absolute_url(),
            detail=about,
            status=_("gelöscht"),
        )
    if comment.is_hidden:
        detail = about
        if comment.moderation_reason:
            reason = {"reason": in_language(comment.moderation_reason)}
            detail = joined([about, interpolate(_("Grund: %(reason)s"), reason)])
        return Item(
            title=_short(comment.text),
            url=comment.get_absolute_url(),
            lang="de",
            detail=detail,
            status=_("von der Moderation ausgeblendet"),
            tone="warning",
        )
    return Item(
        title=_short(comment.text),
        url=comment.get_absolute_url(),
        lang="de",
        detail=about,
        status=_("wartet auf Freigabe") if comment.is_pending else "",
    )


def comment_items(user, offset: int, limit: int) -> list[Item]:
    comments = _comments(user).select_related("statement__theme").order_by("-created_at", "-pk")
    return [_comment_item(comment) for comment in comments[offset : offset + limit]]


def comments_source() -> Source:
    return Source(
        key="kommentare",
        heading=gettext_lazy("Ihre Kommentare"),
        empty=gettext_lazy("Sie haben noch nichts kommentiert."),
        count=lambda user: _comments(user).count(),
        items=comment_items,
        order=20,
    )


# --- Proposals ---------------------------------------------------------------------------------

PROPOSAL_TONES = {
    ProposalState.SUBMITTED: "info",
    ProposalState.ACCEPTED: "success",
    ProposalState.REJECTED: "warning",
}


def _proposal_item(proposal) -> Item:
    detail = interpolate(
        _("%(kind)s zum Thema %(theme)s · eingereicht am %(day)s"),
        {
            "kind": proposal.get_kind_display(),
            "theme": _theme_name(proposal.theme),
            "day": _day(proposal.created_at),
        },
    )
    if proposal.decided_at:
        decided = _("entschieden am %(day)s") % {"day": _day(proposal.decided_at)}
        detail = joined([detail, decided])
    if proposal.decision_reason:
        detail = joined([detail, in_language(proposal.decision_reason)], ": ")
    if proposal.state == ProposalState.ACCEPTED and proposal.statement_id:
        url = proposal.statement.get_absolute_url()
    else:
        url = reverse("participation:proposals", args=[proposal.theme.slug])
        url += f"#vorschlag-{proposal.pk}"
    status = proposal.get_state_display()
    if proposal.is_hidden:
        status = _("von der Moderation ausgeblendet")
    return Item(
        title=_short(proposal.text),
        url=url,
        lang="de",
        detail=detail,
        status=status,
        tone="warning" if proposal.is_hidden else PROPOSAL_TONES.get(proposal.state, "info"),
    )


def proposal_items(user, offset: int, limit: int) -> list[Item]:
    proposals = (
        Proposal.objects.filter(author=user)
        .select_related("theme", "statement")
        .order_by("-created_at", "-pk")
    )
    return [_proposal_item(proposal) for proposal in proposals[offset : offset + limit]]


def proposals_source() -> Source:
    return Source(
        key="vorschlaege",
        heading=gettext_lazy("Ihre Vorschläge"),
        empty=gettext_lazy("Sie haben noch keine eigene Aussage vorgeschlagen."),
        count=lambda user: Proposal.objects.filter(author=user).count(),
        items=proposal_items,
        order=30,
    )


# --- Follows -----------------------------------------------------------------------------------


def _follow_item(follow) -> Item:
    if follow.theme_id:
        theme = follow.theme
        page = getattr(theme, "page", None)
        return Item(
            title=str(theme),
            lang=theme.content_language,
            url=page.url
            if page is not None and page.live
            else reverse("participation:notifications"),
            detail=_("Schwerpunktthema"),
        )
    statement = follow.statement
    return Item(
        title=_short(statement.text),
        url=statement.get_absolute_url(),
        lang="de",
        detail=_statement_name(statement),
    )


def follow_items(user, offset: int, limit: int) -> list[Item]:
    follows = (
        Follow.objects.filter(user=user)
        .select_related("theme", "statement__theme")
        .prefetch_related("theme__pages")
        .order_by("-created_at", "-pk")
    )
    return [_follow_item(follow) for follow in follows[offset : offset + limit]]


def follows_source() -> Source:
    return Source(
        key="abonnements",
        heading=gettext_lazy("Dem folgen Sie"),
        empty=gettext_lazy(
            "Sie folgen noch keinem Thema und keiner Aussage. Wer folgt, bekommt eine E-Mail, "
            "wenn es Neues gibt."
        ),
        count=lambda user: Follow.objects.filter(user=user).count(),
        items=follow_items,
        order=40,
    )
