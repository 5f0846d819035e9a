from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.numbers import whole_number
from config.refusals import Refused, show

from ..comments import comment_delete, comment_edit, comment_post, ensure_may_change
from ..forms import CommentEditForm, CommentForm, FlagForm
from ..models import Comment, Proposal, Visibility
from ..moderation import flag
from ..rules import consultation_of, may_moderate
from .helpers import login_first, too_many, wants_json
from .statements import public_statement, statement_context


@require_POST
def comment_create(request, pk: int):
    statement = public_statement(pk)
    if not request.user.is_authenticated:
        return login_first(request, statement.get_absolute_url() + "#kommentieren")
    moderator = may_moderate(request.user)
    parent = None
    parent_id = whole_number(request.POST.get("parent"))
    if parent_id is not None:
        parent = Comment.objects.filter(pk=parent_id, statement=statement).first()
    form = CommentForm(
        request.POST,
        may_answer_officially=moderator,
        auto_id=f"antwort-{parent.pk}-%s" if parent else "id_%s",
    )
    status = 400
    if form.is_valid():
        try:
            comment = comment_post(
                user=request.user,
                statement=statement,
                text=form.cleaned_data["text"],
                parent=parent,
                official=form.cleaned_data.get("official", False),
                consultation=consultation_of(statement.stage),
            )
        except Refused as refused:
            if refused.rate_limited and wants_json(request):
                return too_many(refused.message)
            status = show(request, refused, form, field="text")
        else:
            if comment.is_pending:
                messages.success(
                    request,
                    _("Danke! Ihr Kommentar erscheint, sobald die Moderation ihn freigegeben hat."),
                )
            else:
                messages.success(request, _("Ihr Kommentar wurde veröffentlicht."))
            return redirect(comment.get_absolute_url())
    # Everything typed stays in the form, beside the message that says what to change.
    extra = {"reply_form": form, "reply_to": parent.pk} if parent else {"comment_form": form}
    return render(
        request,
        "participation/statement.html",
        statement_context(request, statement, **extra),
        status=status,
    )


def own_comment(view):
    """The comment of the address, if its author may still change it; otherwise the page that
    says why not."""

    @login_required
    @wraps(view)
    def wrapped(request, pk: int):
        comment = get_object_or_404(
            Comment.objects.select_related("statement__theme", "statement__sector"), pk=pk
        )
        try:
            ensure_may_change(request.user, comment)
        except Refused as refused:
            return render(
                request, "participation/refused.html", {"reason": refused.message}, status=403
            )
        return view(request, comment)

    return wrapped


@own_comment
def comment_update(request, comment: Comment):
    form = CommentEditForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            comment_edit(
                user=request.user,
                comment=comment,
                text=form.cleaned_data["text"],
                consultation=consultation_of(comment.statement.stage),
            )
        except Refused as refused:
            show(request, refused, form, field="text")
        else:
            messages.success(request, _("Ihr Kommentar wurde geändert."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "participation/comment_edit.html",
        {"comment": comment, "form": form},
        status=400 if form.errors else 200,
    )


@own_comment
def comment_remove(request, comment: Comment):
    if request.method == "POST":
        comment_delete(user=request.user, comment=comment)
        messages.success(request, _("Ihr Kommentar wurde gelöscht."))
        return redirect(comment.get_absolute_url())
    return render(request, "participation/comment_delete.html", {"comment": comment})


def _flag(request, target, back_url: str):
    if not request.user.is_authenticated:
        return login_first(request, request.path)
    form = FlagForm(request.POST or None)
    status = 400
    if request.method == "POST" and form.is_valid():
        try:
            flag(
                user=request.user,
                target=target,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except Refused as refused:
            if refused.rate_limited and wants_json(request):
                return too_many(refused.message)
            status = show(request, refused, form)
        else:
            messages.success(
                request, _("Danke für Ihre Meldung. Die Moderation sieht sie sich an.")
            )
            return redirect(back_url)
    return render(
        request,
        "participation/flag.html",
        {"form": form, "target": target, "back_url": back_url},
        status=status if form.errors else 200,
    )


def comment_flag(request, pk: int):
    comment = get_object_or_404(
        Comment.objects.exclude(visibility=Visibility.PENDING).select_related("author"), pk=pk
    )
    return _flag(request, comment, comment.get_absolute_url())


def proposal_flag(request, pk: int):
    proposal = get_object_or_404(Proposal.objects.select_related("theme", "author"), pk=pk)
    back_url = reverse("participation:proposals", args=[proposal.theme.slug])
    return _flag(request, proposal, f"{back_url}#vorschlag-{proposal.pk}")
