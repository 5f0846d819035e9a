from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.services import user_is_verified
from config.refusals import Refused, show

from ..comments import thread
from ..filters import CommentFilter
from ..forms import CommentForm, VoteForm
from ..listing import query_key
from ..models import Statement
from ..notifications import follows
from ..rules import consultation_of, may_moderate, may_take_part
from ..votes import VOTE_BUTTONS, shares, vote_cast, votes_of
from .helpers import back, login_first, wants_json


def public_statement(pk: int) -> Statement:
    return get_object_or_404(Statement.objects.public().select_related("theme", "sector"), pk=pk)


def statement_context(request, statement: Statement, **extra) -> dict:
    user_is_verified(request.user, request)
    consultation = consultation_of(statement.stage)
    moderator = may_moderate(request.user)
    statement.permission = may_take_part(request.user, statement, consultation)
    statement.my_vote = votes_of(request.user, [statement]).get(statement.pk)
    context = {
        "statement": statement,
        "permission": statement.permission,
        "may_moderate": moderator,
        "reply_to": extra.get("reply_to"),
        "reply_form": extra.get("reply_form"),
    }
    context["thread_section"] = comment_thread(request, statement, context)
    context |= {
        "theme": statement.theme,
        "theme_page": getattr(statement.theme, "page", None),
        "consultation": consultation,
        "vote_choices": VOTE_BUTTONS,
        "shares": shares(statement),
        "comment_form": CommentForm(may_answer_officially=moderator),
        "following": follows(request.user, statement=statement),
        "proposal": getattr(statement, "proposal", None) if statement.sector.is_online else None,
    }
    context.update(extra)
    return context


# Visitors who are not signed in see the same thread; it is rendered once for all of them
# until a comment is written, changed, deleted or moderated (each touches the statement).
THREAD_CACHE_SECONDS = 600


def comment_thread(request, statement: Statement, base: dict) -> str:
    key = None
    if not request.user.is_authenticated:
        stamp = statement.updated_at.timestamp()
        key = f"participation:thread:{statement.pk}:{stamp}:{get_language()}:{query_key(request)}"
        cached = cache.get(key)
        if cached is not None:
            return cached
    comment_filter = CommentFilter(request.GET or {"order": "alt"})
    comments = thread(
        statement,
        page_number=request.GET.get("page"),
        filter_top=lambda top: (
            comment_filter.filter_queryset(top) if comment_filter.is_valid() else top
        ),
    )
    for comment in comments.object_list:
        # Each reply form has its own ids, so that labels and errors point to the right one.
        comment.reply_form = (
            base["reply_form"]
            if base["reply_to"] == comment.pk
            else CommentForm(
                auto_id=f"antwort-{comment.pk}-%s",
                initial={"parent": comment.pk},
                may_answer_officially=base["may_moderate"],
            )
        )
    section = render_to_string(
        "participation/includes/comment_thread.html",
        {**base, "comments": comments, "comment_filter": comment_filter},
        request=request,
    )
    if key is not None:
        cache.set(key, section, THREAD_CACHE_SECONDS)
    return section


def statement_detail(request, pk: int):
    statement = public_statement(pk)
    return render(request, "participation/statement.html", statement_context(request, statement))


@require_POST
def vote(request, pk: int):
    # No statement is read before the transaction: vote_cast locks it and checks the rules on
    # the locked row, and the addresses below need only its number.
    statement_url = reverse("participation:statement", args=[pk])
    if not request.user.is_authenticated:
        return login_first(request, statement_url)
    # Remembered in the session, so that the rules need not ask the database.
    user_is_verified(request.user, request)
    form = VoteForm(request.POST)
    if not form.is_valid():
        error = _("Bitte wählen Sie Zustimmung, Ablehnung oder neutral.")
        if wants_json(request):
            return JsonResponse({"error": error}, status=400)
        messages.error(request, error)
        return back(request, statement_url)
    try:
        statement = vote_cast(
            user=request.user, statement_id=pk, choice=form.cleaned_data["choice"]
        )
    except Statement.DoesNotExist:
        raise Http404 from None
    except Refused as refused:
        if wants_json(request):
            return JsonResponse(
                {"error": refused.message}, status=429 if refused.rate_limited else 403
            )
        show(request, refused)
        return back(request, statement_url, f"aussage-{pk}")
    if wants_json(request):
        result = shares(statement)
        return JsonResponse(
            {
                "choice": form.cleaned_data["choice"],
                "shares": result,
                "total": statement.vote_count,
                "html": render_to_string(
                    "participation/includes/vote_result.html",
                    {"statement": statement, "shares": result},
                    request=request,
                ),
                "message": _("Ihre Bewertung wurde gespeichert."),
            }
        )
    messages.success(request, _("Ihre Bewertung wurde gespeichert."))
    return back(request, statement_url, f"aussage-{pk}")
