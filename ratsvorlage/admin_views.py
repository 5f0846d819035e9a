"""The strategy team's side of the Ratsvorlage in the admin: compile, watch the progress,
publish, record the council's decision."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.admin_permissions import require_permission
from config.refusals import Refused, show

from .compilation import PAPER_NUMBER_MAX_LENGTH, TITLE_MAX_LENGTH, publish, start_compilation
from .decision import record_decision
from .models import (
    CHANGES_MAX_LENGTH,
    RESOLUTION_MAX_LENGTH,
    DecisionOutcome,
    PaperVersion,
    VersionState,
)

DEFAULT_TITLE = "Strategie „Unser Dortmund“: Ziele, Handlungsfelder und Zielbilder"
DEFAULT_RESOLUTION = (
    "Der Rat der Stadt Dortmund beschließt die in dieser Vorlage dargestellten Ziele, "
    "strategischen Handlungsfelder und Zielbilder als Stadtstrategie und beauftragt die "
    "Verwaltung, sie umzusetzen und über die Kennzahlen jährlich zu berichten."
)


class CompileForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=TITLE_MAX_LENGTH)
    paper_number = forms.CharField(
        label=gettext_lazy("Drucksache-Nr."),
        max_length=PAPER_NUMBER_MAX_LENGTH,
        # The number names the files the council downloads: one line of plain characters.
        validators=[
            RegexValidator(
                r"^[\w .,:;/()#+\-]+$",
                gettext_lazy(
                    "Bitte nur Buchstaben, Ziffern, Leerzeichen und . , : ; / ( ) # + - verwenden."
                ),
            )
        ],
    )
    proposed_resolution = forms.CharField(
        label=gettext_lazy("Beschlussvorschlag"),
        max_length=RESOLUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Der einzige Text, den Sie schreiben: alles andere stellt die Plattform aus den "
            "Daten zusammen."
        ),
    )


class DecisionForm(forms.Form):
    meeting_date = forms.DateField(
        label=gettext_lazy("Sitzung am"), widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = forms.ChoiceField(label=gettext_lazy("Ergebnis"), choices=DecisionOutcome.choices)
    changes = forms.CharField(
        label=gettext_lazy("Beschlossene Änderungen"),
        required=False,
        max_length=CHANGES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Pflicht bei „mit Änderungen beschlossen“."),
    )
    votes_yes = forms.IntegerField(label=gettext_lazy("Ja-Stimmen"), required=False, min_value=0)
    votes_no = forms.IntegerField(label=gettext_lazy("Nein-Stimmen"), required=False, min_value=0)
    votes_abstain = forms.IntegerField(
        label=gettext_lazy("Enthaltungen"), required=False, min_value=0
    )


def versions(request):
    require_permission(request, "ratsvorlage.add_paperversion")
    last = PaperVersion.objects.defer("content", "html").order_by("-number").first()
    initial = {
        "title": last.title if last else DEFAULT_TITLE,
        "paper_number": last.paper_number if last else "",
        "proposed_resolution": last.proposed_resolution if last else DEFAULT_RESOLUTION,
    }
    form = CompileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = start_compilation(**form.cleaned_data, by=request.user)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(
                request,
                _("Version %(n)d wird erstellt; der Fortschritt steht in der Liste.")
                % {"n": version.number},
            )
            return redirect("ratsvorlage_admin:paper")
    page = Paginator(
        PaperVersion.objects.defer("content", "html")
        .select_related("started_by", "published_by")
        .order_by("-number"),
        20,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "ratsvorlage/admin/paper_versions.html",
        {
            "form": form,
            "page_obj": page,
            "compiling": PaperVersion.objects.filter(state=VersionState.COMPILING).exists(),
        },
        status=400 if form.errors else 200,
    )


def publish_version(request, number: int):
    """Make a draft public: its own address, POST only (the list's button)."""
    require_permission(request, "ratsvorlage.change_paperversion")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    version = get_object_or_404(PaperVersion.objects.defer("content", "html"), number=number)
    try:
        publish(version, by=request.user)
    except Refused as refused:
        show(request, refused)
    else:
        messages.success(request, _("Version %(n)d ist veröffentlicht.") % {"n": version.number})
    return redirect("ratsvorlage_admin:paper")


def decision(request, number: int):
    require_permission(request, "ratsvorlage.add_councildecision")
    version = get_object_or_404(PaperVersion.objects.defer("content", "html"), number=number)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_decision(version=version, **form.cleaned_data, by=request.user)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(request, _("Der Beschluss ist eingetragen."))
            return redirect("ratsvorlage_admin:paper")
    return render(
        request,
        "ratsvorlage/admin/paper_decision.html",
        {"form": form, "version": version, "decisions": version.decisions.all()},
        status=400 if form.errors else 200,
    )
