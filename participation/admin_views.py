"""The moderation's queue and the statement import, as pages of the Wagtail admin."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.admin_imports import confirm_stored
from cms.admin_permissions import require_permission
from cms.numbers import grouped
from config.refusals import Refused, show

from . import importing, moderation
from .filters_admin import QueueFilter
from .forms import ModerationReasonForm
from .models import Comment, Proposal, Visibility
from .models.proposals import ProposalState
from .proposals import proposal_accept, proposal_reject, similar_statements

PER_PAGE = 30


def queue(request):
    """Everything waiting for a moderator, the most flagged first."""
    require_permission(request, "participation.moderate_comment")
    filterset = QueueFilter(request.GET)
    kind = filterset.form.cleaned_data.get("what") if filterset.is_valid() else ""
    if kind == "vorschlaege":
        items = Proposal.objects.select_related("theme", "author").filter(
            Q(state=ProposalState.SUBMITTED) | Q(flag_count__gt=0)
        )
    else:
        items = Comment.objects.select_related("statement__theme", "author").filter(
            Q(visibility=Visibility.PENDING) | Q(flag_count__gt=0, visibility=Visibility.PUBLISHED)
        )
    if kind == "ausgeblendet":
        items = Comment.objects.select_related("statement__theme", "author").filter(
            visibility=Visibility.HIDDEN
        )
    theme = filterset.form.cleaned_data.get("theme") if filterset.is_valid() else None
    if theme is not None:
        items = (
            items.filter(theme=theme)
            if kind == "vorschlaege"
            else items.filter(statement__theme=theme)
        )
    items = items.order_by("-flag_count", "created_at", "pk")
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "participation/admin/queue.html",
        {"filter": filterset, "page_obj": page, "what": kind or "kommentare"},
    )


COMMENTS = Comment.objects.select_related("statement__theme", "author", "parent")
PROPOSALS = Proposal.objects.select_related("theme", "author", "statement")


def comment_detail(request, pk: int):
    require_permission(request, "participation.moderate_comment")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])  # each action has its address
    return _comment_page(request, get_object_or_404(COMMENTS, pk=pk))


def _comment_page(request, comment, form=None, *, status=200):
    return render(
        request,
        "participation/admin/comment.html",
        {
            "comment": comment,
            "flags": comment.flags.select_related("user").order_by("-created_at")[:100],
            "events": comment.moderation_events.select_related("actor")[:100],
            "form": form or ModerationReasonForm(),
        },
        status=status,
    )


def proposal_detail(request, pk: int):
    require_permission(request, "participation.moderate_proposal")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])  # each action has its address
    return _proposal_page(request, get_object_or_404(PROPOSALS, pk=pk))


def _proposal_page(request, proposal, form=None, *, status=200):
    return render(
        request,
        "participation/admin/proposal.html",
        {
            "proposal": proposal,
            "flags": proposal.flags.select_related("user").order_by("-created_at")[:100],
            "events": proposal.moderation_events.select_related("actor")[:100],
            "similar": similar_statements(
                theme=proposal.theme, kind=proposal.kind, text=proposal.text
            ),
            "form": form or ModerationReasonForm(),
        },
        status=status,
    )


@dataclass(frozen=True)
class Action:
    """One thing a moderator does to a comment or a proposal, at an address of its own
    (participation.wagtail_hooks): `slug` is the address's last part, `do(actor, target,
    reason)` the service it calls, `done` the message afterwards."""

    name: str
    slug: str
    do: Callable
    done: str


HIDE = Action(
    "hide",
    "ausblenden",
    lambda actor, target, reason: moderation.hide(actor=actor, target=target, reason=reason),
    gettext_lazy("Ausgeblendet."),
)
RESTORE = Action(
    "restore",
    "wiederherstellen",
    lambda actor, target, reason: moderation.restore(actor=actor, target=target, reason=reason),
    gettext_lazy("Wiederhergestellt."),
)
DISMISS = Action(
    "dismiss",
    "meldungen-erledigt",
    lambda actor, target, reason: moderation.dismiss_flags(
        actor=actor, target=target, reason=reason
    ),
    gettext_lazy("Meldungen erledigt; der Beitrag bleibt sichtbar."),
)
COMMENT_ACTIONS = [
    Action(
        "approve",
        "freigeben",
        lambda actor, comment, reason: moderation.approve(actor=actor, comment=comment),
        gettext_lazy("Freigegeben."),
    ),
    HIDE,
    RESTORE,
    DISMISS,
]
PROPOSAL_ACTIONS = [
    Action(
        "accept",
        "annehmen",
        lambda actor, proposal, reason: proposal_accept(
            actor=actor, proposal=proposal, reason=reason
        ),
        gettext_lazy("Angenommen; der Vorschlag ist jetzt eine Aussage."),
    ),
    Action(
        "reject",
        "ablehnen",
        lambda actor, proposal, reason: proposal_reject(
            actor=actor, proposal=proposal, reason=reason
        ),
        gettext_lazy("Abgelehnt; die Person wird benachrichtigt."),
    ),
    HIDE,
    RESTORE,
    DISMISS,
]


def action_view(action: Action, *, permission: str, objects, detail: str, page):
    """The view at `action`'s own address for one comment or proposal (POST only)."""

    def view(request, pk: int):
        require_permission(request, permission)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return _carry_out(request, action, get_object_or_404(objects, pk=pk), detail, page)

    return view


def comment_action(action: Action):
    return action_view(
        action,
        permission="participation.moderate_comment",
        objects=COMMENTS,
        detail="participation_admin:comment",
        page=_comment_page,
    )


def proposal_action(action: Action):
    return action_view(
        action,
        permission="participation.moderate_proposal",
        objects=PROPOSALS,
        detail="participation_admin:proposal",
        page=_proposal_page,
    )


def _carry_out(request, action: Action, target, detail: str, page):
    """The action, then back to the detail page; refused, the page again with the message
    next to the reason, which stays as typed."""
    form = ModerationReasonForm(request.POST)
    form.is_valid()
    try:
        action.do(request.user, target, form.cleaned_data.get("reason", ""))
    except Refused as refused:
        status = show(request, refused, form, field="reason")
        return page(request, target, form, status=status)
    messages.success(request, action.done)
    return redirect(detail, pk=target.pk)


IMPORT_SESSION_KEY = "participation_import"


def statement_import_confirm(request):
    """The confirm step: the previewed rows become statements."""
    require_permission(request, "participation.add_statement")
    created, answer = confirm_stored(
        request,
        IMPORT_SESSION_KEY,
        importing.save_rows,
        again=reverse("participation_admin:import"),
    )
    if answer is not None:
        return answer
    messages.success(
        request,
        _("%(count)s Aussagen wurden als Entwurf angelegt.") % {"count": grouped(len(created))}
        if created and created[0].state == "draft"
        else _("%(count)s Aussagen wurden angelegt.") % {"count": grouped(len(created))},
    )
    return redirect(reverse("wagtailsnippets_participation_statement:list"))


def statement_import(request):
    """Upload, preview with per-row errors; the confirm has its own address, and nothing is
    saved before it."""
    require_permission(request, "participation.add_statement")
    session_key = IMPORT_SESSION_KEY
    form = importing.ImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        preview = importing.preview(form.cleaned_data)
        if preview.is_valid:
            request.session[session_key] = preview.serialisable()
        else:
            request.session.pop(session_key, None)
    return render(
        request,
        "participation/admin/import.html",
        {"form": form, "preview": preview, "columns": importing.COLUMNS},
    )
