"""The moderation's queue and the statement import, as pages of the Wagtail admin."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.admin_permissions import require_permission
from cms.numbers import grouped
from config.refusals import Refused, show

from . import importing, moderation
from .filters_admin import QueueFilter
from .forms import ModerationReasonForm
from .models import Comment, Proposal, Visibility
from .models.proposals import ProposalState
from .proposals import proposal_accept, proposal_reject

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


def _act(request, target, back):
    """Carry out the action a moderator chose in one of the detail page's forms."""
    form = ModerationReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    action = request.POST.get("action")
    try:
        if action == "hide":
            moderation.hide(actor=request.user, target=target, reason=reason)
            messages.success(request, _("Ausgeblendet."))
        elif action == "restore":
            moderation.restore(actor=request.user, target=target, reason=reason)
            messages.success(request, _("Wiederhergestellt."))
        elif action == "approve" and isinstance(target, Comment):
            moderation.approve(actor=request.user, comment=target)
            messages.success(request, _("Freigegeben."))
        elif action == "dismiss":
            moderation.dismiss_flags(actor=request.user, target=target, reason=reason)
            messages.success(request, _("Meldungen erledigt; der Beitrag bleibt sichtbar."))
        elif action == "accept" and isinstance(target, Proposal):
            proposal_accept(actor=request.user, proposal=target, reason=reason)
            messages.success(request, _("Angenommen; der Vorschlag ist jetzt eine Aussage."))
        elif action == "reject" and isinstance(target, Proposal):
            proposal_reject(actor=request.user, proposal=target, reason=reason)
            messages.success(request, _("Abgelehnt; die Person wird benachrichtigt."))
        else:
            messages.error(request, _("Unbekannte Aktion."))
    except Refused as refused:
        show(request, refused)
        return None
    return redirect(back)


def comment_detail(request, pk: int):
    require_permission(request, "participation.moderate_comment")
    comment = get_object_or_404(
        Comment.objects.select_related("statement__theme", "author", "parent"), pk=pk
    )
    back = reverse("participation_admin:comment", args=[pk])
    if request.method == "POST":
        response = _act(request, comment, back)
        if response:
            return response
    return render(
        request,
        "participation/admin/comment.html",
        {
            "comment": comment,
            "flags": comment.flags.select_related("user").order_by("-created_at")[:100],
            "events": comment.moderation_events.select_related("actor")[:100],
            "form": ModerationReasonForm(),
        },
    )


def proposal_detail(request, pk: int):
    require_permission(request, "participation.moderate_proposal")
    proposal = get_object_or_404(
        Proposal.objects.select_related("theme", "author", "statement"), pk=pk
    )
    back = reverse("participation_admin:proposal", args=[pk])
    if request.method == "POST":
        response = _act(request, proposal, back)
        if response:
            return response
    from .proposals import similar_statements

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
            "form": ModerationReasonForm(),
        },
    )


def statement_import(request):
    """Upload, preview with per-row errors, confirm: nothing is saved before the confirm."""
    require_permission(request, "participation.add_statement")
    session_key = "participation_import"
    if request.method == "POST" and request.POST.get("action") == "confirm":
        rows = request.session.get(session_key)
        if not rows:
            messages.error(
                request, _("Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch.")
            )
            return redirect("participation_admin:import")
        try:
            created = importing.save_rows(rows)
        except Refused as refused:
            show(request, refused)
            return redirect("participation_admin:import")
        del request.session[session_key]
        messages.success(
            request,
            _("%(count)s Aussagen wurden als Entwurf angelegt.") % {"count": grouped(len(created))}
            if created and created[0].state == "draft"
            else _("%(count)s Aussagen wurden angelegt.") % {"count": grouped(len(created))},
        )
        return redirect(reverse("wagtailsnippets_participation_statement:list"))
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
