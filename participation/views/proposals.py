from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.services import user_is_verified
from config.refusals import Refused, show

from ..filters import ProposalFilter
from ..forms import ProposalForm
from ..models import Proposal, Theme
from ..proposals import proposal_submit, similar_statements
from ..rules import (
    collecting,
    consultation_of,
    consultations,
    open_proposal_kinds,
)
from .helpers import too_many, wants_json

PER_PAGE = 20


def _theme(slug: str) -> Theme:
    return get_object_or_404(Theme.objects.all(), slug=slug)


def proposal_list(request, slug: str):
    theme = _theme(slug)
    proposals = (
        Proposal.objects.filter(theme=theme)
        .select_related("author", "statement")
        .order_by("-created_at", "-pk")
    )
    filterset = ProposalFilter(request.GET or None, queryset=proposals)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/proposals.html",
        {
            "theme": theme,
            "theme_page": getattr(theme, "page", None),
            "filter": filterset,
            "page_obj": page,
            "open_kinds": open_proposal_kinds(),
        },
    )


def proposal_create(request, slug: str):
    theme = _theme(slug)
    kinds = open_proposal_kinds()
    context = {"theme": theme, "theme_page": getattr(theme, "page", None), "kinds": kinds}
    if not kinds:
        windows = consultations()
        notes = {w.note for w in windows.values() if w.offered}
        context["reason"] = " ".join(sorted(notes)) or _(
            "Zurzeit können keine Vorschläge eingereicht werden."
        )
        return render(request, "participation/proposal_form.html", context, status=403)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user_is_verified(request.user):
        context["reason"] = _("Bestätigen Sie zuerst Ihre E-Mail-Adresse, um mitzumachen.")
        return render(request, "participation/proposal_form.html", context, status=403)

    form = ProposalForm(request.POST or None, kinds=kinds)
    context["form"] = form
    status = 400
    if request.method == "POST" and form.is_valid():
        kind, text = form.cleaned_data["kind"], form.cleaned_data["text"]
        if request.POST.get("action") != "einreichen":
            # First the most similar statements, so that nobody proposes twice what exists.
            context["similar"] = similar_statements(theme=theme, kind=kind, text=text)
            context["checked"] = True
            return render(request, "participation/proposal_form.html", context)
        stage = collecting()[kind]
        try:
            proposal_submit(
                user=request.user,
                theme=theme,
                kind=kind,
                text=text,
                stage=stage,
                consultation=consultation_of(stage),
            )
        except Refused as refused:
            if refused.rate_limited and wants_json(request):
                return too_many(refused.message)
            status = show(request, refused, form, field="text")
        else:
            messages.success(
                request,
                _(
                    "Danke! Ihr Vorschlag ist eingegangen. Die Moderation prüft ihn; Sie "
                    "erhalten eine E-Mail, sobald entschieden ist."
                ),
            )
            return redirect("participation:proposals", slug=theme.slug)
    return render(
        request,
        "participation/proposal_form.html",
        context,
        status=status if form.errors else 200,
    )
