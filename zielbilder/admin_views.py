"""Import of the strategy model in the Wagtail admin, for the strategy team."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .consolidation import Refused, record_outcome, traceability
from .interchange import MAX_FILE_BYTES, check_model, import_model
from .models import ConsolidatedZielbild, OutcomeKind


class ModelFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (JSON)"),
        help_text=gettext_lazy(
            "Eine Datei im Format der Ausfuhr („Strategie als JSON“), höchstens 2 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size)d KB groß; höchstens 2048 KB sind möglich.")
                % {"size": upload.size // 1024}
            )
        try:
            return json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(
                _("Die Datei ist kein gültiges JSON (%(error)s).") % {"error": error}
            ) from error


def model_import(request):
    if not request.user.has_perm("zielbilder.change_goal"):
        raise PermissionDenied
    form = ModelFileForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        clean, problems = check_model(form.cleaned_data["file"])
        if clean is not None:
            counts = import_model(clean)
            messages.success(
                request,
                _(
                    "Eingelesen: %(goals)d Ziele, %(fields)d Handlungsfelder, %(projects)d "
                    "Projekte, %(key_figures)d Kennzahlen, %(offices)d Ämter, %(matrix)d "
                    "Beteiligungen."
                )
                % counts,
            )
            return redirect("zielbilder_admin:import")
    return render(
        request,
        "zielbilder/admin/import.html",
        {"form": form, "problems": problems},
        status=400 if problems or form.errors else 200,
    )


WORKBENCH_PER_PAGE = 50


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def workbench_themes(request):
    """The themes, with how many of their inputs have an answer."""
    from participation.models import Theme
    from participation.models.statements import PUBLIC_STATES

    _require(request, "zielbilder.change_inputoutcome")
    public = Q(statements__state__in=PUBLIC_STATES)
    themes = Theme.objects.annotate(
        inputs=Count("statements", filter=public, distinct=True),
        answered=Count("statements__outcome", filter=public, distinct=True),
        zielbilder_count=Count("consolidated_zielbilder", distinct=True),
    ).order_by("sort_order", "name")
    return render(request, "zielbilder/admin/workbench_themes.html", {"themes": themes})


def workbench(request, slug: str):
    """One theme's inputs with their votes, discussion and source, and what becomes of each."""
    from participation.models import Statement, Theme

    _require(request, "zielbilder.change_inputoutcome")
    theme = get_object_or_404(Theme, slug=slug)
    zielbilder = list(ConsolidatedZielbild.objects.filter(theme=theme).order_by("pk"))
    if request.method == "POST":
        number = request.POST.get("statement", "")
        statement = get_object_or_404(
            Statement.objects.public(), pk=int(number) if number.isdigit() else 0, theme=theme
        )
        chosen = {str(z.pk): z for z in zielbilder}.get(request.POST.get("zielbild", ""))
        try:
            record_outcome(
                statement=statement,
                kind=request.POST.get("kind", ""),
                zielbild=chosen,
                reason=request.POST.get("reason", ""),
                by=request.user,
            )
        except Refused as refused:
            messages.error(request, f"Nr. {statement.pk}: {refused.message}")
        else:
            messages.success(request, _("Nr. %(n)d: gespeichert.") % {"n": statement.pk})
        page = request.POST.get("page", "")
        return redirect(
            reverse("zielbilder_admin:workbench", args=[theme.slug])
            + (f"?page={page}" if page.isdigit() else "")
            + f"#aussage-{statement.pk}"
        )
    statements = (
        Statement.objects.public()
        .filter(theme=theme)
        .select_related("sector", "outcome", "outcome__zielbild")
        .order_by("kind", "-agree_count", "pk")
    )
    page = Paginator(statements, WORKBENCH_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "zielbilder/admin/workbench.html",
        {
            "theme": theme,
            "page_obj": page,
            "zielbilder": zielbilder,
            "kinds": OutcomeKind.choices,
            "trace": traceability(theme),
            "add_url": reverse("wagtailsnippets_zielbilder_consolidatedzielbild:add"),
        },
    )
