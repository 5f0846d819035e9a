"""The strategy team's consolidation workbench and the catalogue's agreement, in the admin."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from auswertung import analysis
from auswertung.charts import chart_of
from cms.admin_permissions import require_permission
from cms.numbers import whole_number
from cms.process import agreeing_stage
from cms.stages import StageSubject
from config.refusals import Refused, show
from konferenzen.models import Conference
from participation.models import Statement, Theme
from participation.models.statements import PUBLIC_STATES

from .catalogue import agree_catalogue, current_agreement
from .consolidation import (
    MAX_SELECTION,
    merge_statements,
    record_outcome,
    traceability,
    zielbild_from_statements,
)
from .models import CatalogueAgreement, ConsolidatedZielbild, OutcomeKind
from .models.agreement import NOTE_MAX_LENGTH

WORKBENCH_PER_PAGE = 50
PAIRS_PER_PAGE = 20


def workbench_themes(request):
    """The themes, with how many of their inputs have an answer."""
    require_permission(request, "zielbilder.change_inputoutcome")
    public = Q(statements__state__in=PUBLIC_STATES)
    themes = Theme.objects.annotate(
        inputs=Count("statements", filter=public, distinct=True),
        answered=Count("statements__outcome", filter=public, distinct=True),
        zielbilder_count=Count("consolidated_zielbilder", distinct=True),
    ).order_by("sort_order", "name")
    return render(
        request,
        "zielbilder/admin/workbench_themes.html",
        {"themes": themes, "agreement": current_agreement()},
    )


def _selected(request, theme) -> list:
    numbers = {whole_number(n) for n in request.POST.getlist("auswahl")} - {None}
    if len(numbers) > MAX_SELECTION:
        # Refused before reading them, so that a huge list costs no query.
        raise Refused(
            _("%(n)d Eingaben ausgewählt; höchstens %(limit)d sind auf einmal möglich.")
            % {"n": len(numbers), "limit": MAX_SELECTION},
            "statements",
        )
    return list(Statement.objects.public().filter(theme=theme, pk__in=numbers).order_by("pk"))


def _back(theme, page: str = "", anchor: str = ""):
    return redirect(
        reverse("zielbilder_admin:workbench", args=[theme.slug])
        + (f"?page={whole_number(page)}" if whole_number(page) else "")
        + (f"#{anchor}" if anchor else "")
    )


def post_only(permission: str):
    """A workbench action at its own address: the team's right first (so that the others are
    refused whatever they send), then POST only; the view gets the theme."""

    def decorate(act):
        def view(request, slug: str):
            require_permission(request, "zielbilder.change_inputoutcome")
            require_permission(request, permission)
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return act(request, get_object_or_404(Theme, slug=slug), request.POST.get("page", ""))

        view.__name__ = act.__name__
        view.__doc__ = act.__doc__
        return view

    return decorate


def _chosen_zielbild(request, theme):
    number = whole_number(request.POST.get("zielbild", ""))
    return ConsolidatedZielbild.objects.filter(theme=theme, pk=number).first() if number else None


@post_only("auswertung.add_themeanalysis")
def analyse(request, theme, page: str):
    """Ask for a new evaluation of the theme (or join the one that runs)."""
    _run, created = analysis.request_analysis(theme, by=request.user)
    if created:
        messages.success(request, _("Die Auswertung ist angefordert."))
    else:
        messages.info(request, _("Eine Auswertung läuft bereits."))
    return _back(theme, page, "auswertung")


@post_only("zielbilder.add_consolidatedzielbild")
def new_zielbild(request, theme, page: str):
    """A draft Zielbild from the selected inputs, opened for the team to word it."""
    try:
        statements = _selected(request, theme)
        zielbild = zielbild_from_statements(theme=theme, statements=statements, by=request.user)
    except Refused as refused:
        show(request, refused)
        return _back(theme, page, "auswahl")
    messages.success(
        request,
        _("Entwurf angelegt aus %(n)d Eingaben. Formulieren Sie jetzt das Zielbild.")
        % {"n": len(statements)},
    )
    return redirect(
        reverse("wagtailsnippets_zielbilder_consolidatedzielbild:edit", args=[zielbild.pk])
    )


@post_only("zielbilder.change_inputoutcome")
def merge(request, theme, page: str):
    """The selected inputs go into the chosen Zielbild."""
    try:
        count = merge_statements(
            zielbild=_chosen_zielbild(request, theme),
            statements=_selected(request, theme),
            by=request.user,
        )
    except Refused as refused:
        show(request, refused)
        return _back(theme, page, "auswahl")
    messages.success(request, _("%(n)d Eingaben zusammengeführt.") % {"n": count})
    return _back(theme, page, "auswahl")


@post_only("zielbilder.change_inputoutcome")
def outcome(request, theme, page: str):
    """What becomes of one input, with the Zielbild it went into and the reason."""
    number = request.POST.get("statement", "")
    statement = get_object_or_404(
        Statement.objects.public(), pk=whole_number(number) or 0, theme=theme
    )
    try:
        record_outcome(
            statement=statement,
            kind=request.POST.get("kind", ""),
            zielbild=_chosen_zielbild(request, theme),
            reason=request.POST.get("reason", ""),
            by=request.user,
        )
    except Refused as refused:
        messages.error(request, f"Nr. {statement.pk}: {refused.message}")
    else:
        messages.success(request, _("Nr. %(n)d: gespeichert.") % {"n": statement.pk})
    return _back(theme, page, f"aussage-{statement.pk}")


def _similar_pairs(request, latest):
    """The stored merge candidates, with their statements read in one query."""
    pairs = latest.similar if latest else []
    page = Paginator(pairs, PAIRS_PER_PAGE).get_page(request.GET.get("paare"))
    ids = {i for first, second, _score in page.object_list for i in (first, second)}
    statements = Statement.objects.public().filter(pk__in=ids).select_related("outcome")
    by_id = {s.pk: s for s in statements}
    rows = [
        (by_id[first], by_id[second], round(score * 100))
        for first, second, score in page.object_list
        if first in by_id and second in by_id  # one may have been withdrawn since
    ]
    return page, rows


def workbench(request, slug: str):
    """One theme's inputs with votes, discussion, source and opinion-group figures; what
    becomes of each; merge candidates; and the team's shortcuts."""
    require_permission(request, "zielbilder.change_inputoutcome")
    theme = get_object_or_404(Theme, slug=slug)
    zielbilder = list(ConsolidatedZielbild.objects.filter(theme=theme).order_by("pk"))
    statements = (
        Statement.objects.public()
        .filter(theme=theme)
        .select_related("sector", "outcome", "outcome__zielbild")
        .order_by("kind", "-agreement", "pk")
    )
    page = Paginator(statements, WORKBENCH_PER_PAGE).get_page(request.GET.get("page"))
    latest = analysis.latest(theme)
    figures = analysis.statement_figures(latest.display if latest else None)
    pairs_page, pairs = _similar_pairs(request, latest)
    return render(
        request,
        "zielbilder/admin/workbench.html",
        {
            "theme": theme,
            "page_obj": page,
            "rows": [(statement, figures.get(statement.pk)) for statement in page.object_list],
            "zielbilder": zielbilder,
            "kinds": OutcomeKind.choices,
            "trace": traceability(theme),
            "latest": latest,
            "chart": chart_of(latest),
            "open_run": analysis.open_run(theme),
            "groups": (latest.display or {}).get("groups", []) if latest else [],
            "letters": analysis.GROUP_LETTERS,
            "min_group_votes": analysis.min_group_votes(),
            "pairs": pairs,
            "pairs_page": pairs_page,
            "max_selection": MAX_SELECTION,
            "add_url": reverse("wagtailsnippets_zielbilder_consolidatedzielbild:add"),
        },
    )


class AgreementForm(forms.Form):
    conference = forms.ModelChoiceField(
        label=gettext_lazy("Stadtkonferenz"), queryset=None, empty_label=None
    )
    agreed_on = forms.DateField(
        label=gettext_lazy("Beschlossen am"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=gettext_lazy("Anmerkung"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Zum Beispiel Änderungen, die die Konferenz beschlossen hat."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The catalogue is agreed by the conference that agrees on Zielbilder (cms knows
        # which stage that is); without one in the process, any conference may.
        stage = agreeing_stage(StageSubject.ZIELBILD)
        conferences = Conference.objects.all()
        if stage is not None:
            conferences = conferences.filter(stage=stage.number)
        self.fields["conference"].queryset = conferences.order_by("-starts_at")


def catalogue_agreement(request):
    """Mark the published catalogue as agreed by the conference that agrees on Zielbilder."""
    require_permission(request, "zielbilder.add_catalogueagreement")
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = agree_catalogue(**form.cleaned_data, by=request.user)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(
                request,
                _("Eingetragen: %(n)d Zielbilder beschlossen.")
                % {"n": agreement.zielbilder.count()},
            )
            return redirect("zielbilder_admin:agreement")
    agreements = Paginator(
        CatalogueAgreement.objects.select_related("conference", "recorded_by")
        .order_by("-agreed_on", "-pk")
        .annotate(count=Count("zielbilder")),
        20,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "zielbilder/admin/agreement.html",
        {
            "form": form,
            "agreements": agreements,
            "published": ConsolidatedZielbild.objects.filter(live=True).count(),
        },
        status=400 if form.errors else 200,
    )
