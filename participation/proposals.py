"""Citizens' proposals: similar statements first, then moderation, then a statement."""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from config.refusals import Refused
from outbox.services import mail_queue

from .models import (
    ModerationAction,
    ModerationEvent,
    Proposal,
    Sector,
    Statement,
    StatementState,
    Theme,
)
from .models.proposals import ProposalState
from .rules import ensure_verified, ensure_within_rate

SIMILAR_LIMIT = 5
WORD = re.compile(r"\w{4,}", re.UNICODE)
# Words that say nothing about a statement's subject in this process.
STOPWORDS = {
    "dortmund", "dortmunder", "dortmunds", "stadt", "werden", "wird", "sind", "eine", "einen",
    "einer", "eines", "nicht", "mehr", "auch", "oder", "aber", "haben", "durch", "dass", "alle",
    "sollen", "soll", "wollen", "unsere", "unser", "diese", "dieser", "sich", "noch", "schon",
    "gibt", "viele", "immer", "their", "with", "this", "that",
}  # fmt: skip


def words_of(text: str) -> list[str]:
    seen = []
    for word in WORD.findall(text.lower()):
        if word not in STOPWORDS and word not in seen:
            seen.append(word)
    return seen[:30]


def similar_statements(*, theme: Theme, kind: str, text: str, limit: int = SIMILAR_LIMIT):
    """The theme's published statements that say most nearly the same thing.

    PostgreSQL ranks with German full-text search over any of the proposal's words; SQLite
    (the newcomer's default) counts shared words over the theme's statements.
    """
    words = words_of(text)
    if not words:
        return []
    candidates = Statement.objects.filter(theme=theme, kind=kind, state=StatementState.PUBLISHED)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        query = reduce(or_, (SearchQuery(w, config="german") for w in words))
        vector = SearchVector("text", config="german")
        return list(
            candidates.annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=0.01)
            .order_by("-rank", "pk")[:limit]
        )
    scored = []
    for statement in candidates.only("pk", "text", "kind", "sector_id", "agree_count")[:2000]:
        own = set(words_of(statement.text))
        shared = sum(1 for w in words if w in own or any(o.startswith(w[:6]) for o in own))
        if shared:
            scored.append((-shared, statement.pk, statement))
    return [statement for *_ignored, statement in sorted(scored)[:limit]]


def proposal_submit(*, user, theme: Theme, kind: str, text: str, consultation, stage: int):
    ensure_verified(user)
    if not consultation.is_open:
        raise Refused(consultation.note)
    ensure_within_rate(
        user,
        "proposal",
        lambda since: Proposal.objects.filter(author=user, created_at__gte=since).count(),
    )
    return Proposal.objects.create(
        theme=theme, kind=kind, stage=stage, text=text.strip(), author=user
    )


def proposal_accept(*, actor, proposal: Proposal, reason: str = "") -> Statement:
    """The proposal becomes a published statement with the online source."""
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.state != ProposalState.SUBMITTED:
            raise Refused(_("Über diesen Vorschlag ist schon entschieden."))
        statement = Statement.objects.create(
            kind=locked.kind,
            theme_id=locked.theme_id,
            sector=Sector.objects.filter(is_online=True).order_by("sort_order").first()
            or _missing_online_sector(),
            stage=locked.stage,
            text=locked.text,
            state=StatementState.PUBLISHED,
        )
        locked.state = ProposalState.ACCEPTED
        locked.statement = statement
        locked.decision_reason = reason.strip()
        locked.decided_at = timezone.now()
        locked.save(update_fields=["state", "statement", "decision_reason", "decided_at"])
        ModerationEvent.objects.create(
            proposal=locked, action=ModerationAction.ACCEPTED, reason=reason.strip(), actor=actor
        )
        _tell_proposer(locked)
    proposal.refresh_from_db()
    return statement


def proposal_reject(*, actor, proposal: Proposal, reason: str) -> Proposal:
    if not reason.strip():
        raise Refused(_("Bitte begründen Sie die Ablehnung; die Begründung wird veröffentlicht."))
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.state != ProposalState.SUBMITTED:
            raise Refused(_("Über diesen Vorschlag ist schon entschieden."))
        locked.state = ProposalState.REJECTED
        locked.decision_reason = reason.strip()
        locked.decided_at = timezone.now()
        locked.save(update_fields=["state", "decision_reason", "decided_at"])
        ModerationEvent.objects.create(
            proposal=locked, action=ModerationAction.REJECTED, reason=reason.strip(), actor=actor
        )
        _tell_proposer(locked)
    proposal.refresh_from_db()
    return locked


def _missing_online_sector():
    raise Refused(_("Es fehlt der Bereich „Online-Beteiligung“; legen Sie ihn unter Bereiche an."))


def _tell_proposer(proposal: Proposal) -> None:
    """Stored in the outbox in the deciding transaction: told exactly once."""
    author = proposal.author
    if author is None or not author.is_active:
        return
    from django.conf import settings

    context = {
        "proposal": proposal,
        "user": author,
        "theme_url": settings.BASE_URL + proposal.theme.page.url
        if hasattr(proposal.theme, "page")
        else settings.BASE_URL,
        "statement_url": settings.BASE_URL + proposal.statement.get_absolute_url()
        if proposal.statement_id
        else "",
    }
    mail_queue(
        to=author.email,
        subject=_("[Stadtgespräch] Ihr Vorschlag zum Thema %(theme)s")
        % {"theme": proposal.theme.name},
        text=render_to_string("participation/mail/proposal_decided.txt", context),
    )
