"""The offices' reporting pages in the admin: key-figure values and project states, for the
fields of their offices only (checked on every request, see `reporting.may_report`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.admin_imports import confirm_stored
from cms.admin_permissions import require_permission
from cms.numbers import whole_number
from config.refusals import Refused, show
from strategie.models import FieldOfAction, KeyFigure, Project

from . import value_import as importing
from .figure_status import assess
from .models import NOTE_MAX_LENGTH, KeyFigureValue, Milestone, ProjectReport, ProjectState
from .reporting import (
    add_further_project,
    add_milestone,
    leads,
    may_report,
    offices_of,
    rank_projects,
    reach_milestone,
    report_project,
    report_value,
    reportable_fields,
    with_latest,
)

HISTORY_PER_PAGE = 50
REPORTING = "umsetzung.add_keyfigurevalue"


class ValueForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Stichtag"), widget=forms.DateInput(attrs={"type": "date"})
    )
    value = forms.CharField(
        label=gettext_lazy("Wert"),
        max_length=30,
        help_text=gettext_lazy("Zum Beispiel 1.234,5 oder 42."),
    )
    unit = forms.CharField(label=gettext_lazy("Einheit"), max_length=50, required=False)
    source = forms.CharField(label=gettext_lazy("Quelle"), max_length=300, required=False)
    note = forms.CharField(
        label=gettext_lazy("Anmerkung"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProjectForm(forms.Form):
    state = forms.ChoiceField(label=gettext_lazy("Stand"), choices=ProjectState.choices)
    progress = forms.IntegerField(
        label=gettext_lazy("Fortschritt in %"), min_value=0, max_value=100
    )
    note = forms.CharField(
        label=gettext_lazy("Anmerkung"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def overview(request):
    """The fields this person reports for, with each key figure's latest value and status and
    each project's latest report."""
    require_permission(request, REPORTING)
    fields = (
        reportable_fields(request.user)
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "key_figures",
                queryset=with_latest(KeyFigure.objects.order_by("-strategic", "name")),
            ),
            Prefetch(
                "projects",
                queryset=Project.objects.order_by("-strategic", "relevance_rank", "name"),
            ),
        )
        .order_by("goal__number", "sort_order", "name")
    )
    page = Paginator(fields, 10).get_page(request.GET.get("page"))
    latest_reports = {}
    project_ids = [p.pk for field in page.object_list for p in field.projects.all()]
    for report in ProjectReport.objects.filter(project_id__in=project_ids).order_by(
        "project_id", "reported_at", "pk"
    ):
        latest_reports[report.project_id] = report
    rows = [
        (
            field,
            [(kf, assess(kf, kf.latest_value, kf.latest_date)) for kf in field.key_figures.all()],
            [(project, latest_reports.get(project.pk)) for project in field.projects.all()],
        )
        for field in page.object_list
    ]
    return render(
        request,
        "umsetzung/admin/reporting.html",
        {"rows": rows, "page_obj": page, "offices": offices_of(request.user)},
    )


def _reportable(request, queryset, pk: int):
    """The key figure or project, and the office this person reports for, or 403 when the
    matrix gives their office no part in its field."""
    require_permission(request, REPORTING)
    item = get_object_or_404(queryset.select_related("field"), pk=pk)
    allowed, office = may_report(request.user, item.field)
    if not allowed:
        raise PermissionDenied
    return item, office


def _history_page(request, reports):
    return Paginator(reports.select_related("reported_by", "office"), HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )


def key_figure(request, pk: int):
    figure, office = _reportable(request, KeyFigure.objects, pk)
    form = ValueForm(request.POST or None, initial={"unit": figure.unit, "source": figure.source})
    if request.method == "POST" and form.is_valid():
        try:
            report_value(user=request.user, key_figure=figure, **form.cleaned_data)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(request, _("Der Wert ist gemeldet."))
            return redirect("umsetzung_admin:report_key_figure", pk=figure.pk)
    history = _history_page(
        request,
        KeyFigureValue.objects.filter(key_figure=figure).order_by("-date", "-reported_at", "-pk"),
    )
    return render(
        request,
        "umsetzung/admin/report_key_figure.html",
        {"figure": figure, "office": office, "form": form, "history": history},
        status=400 if form.errors else 200,
    )


def _project_page(request, item, office, *, form=None, milestone_form=None):
    """The project's page: its report form, its milestones with their form, its history;
    a form given here is shown with what was typed and its errors (status 400)."""
    last = item.reports.order_by("-reported_at", "-pk").first()
    initial = {"state": last.state, "progress": last.progress} if last else {}
    form = form or ProjectForm(initial=initial)
    milestone_form = milestone_form or MilestoneForm()
    history = _history_page(request, item.reports.order_by("-reported_at", "-pk"))
    return render(
        request,
        "umsetzung/admin/report_project.html",
        {
            "project": item,
            "office": office,
            "form": form,
            "milestone_form": milestone_form,
            "milestones": item.milestones.select_related("created_by", "reached_by"),
            "history": history,
        },
        status=400 if form.errors or milestone_form.errors else 200,
    )


def project(request, pk: int):
    """The project's page; its form reports the project's state."""
    item, office = _reportable(request, Project.objects, pk)
    if request.method != "POST":
        return _project_page(request, item, office)
    form = ProjectForm(request.POST)
    if form.is_valid():
        try:
            report_project(user=request.user, project=item, **form.cleaned_data)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(request, _("Der Stand des Projekts ist gemeldet."))
            return redirect("umsetzung_admin:report_project", pk=item.pk)
    return _project_page(request, item, office, form=form)


def add_project_milestone(request, pk: int):
    """A new milestone of the project (POST only)."""
    item, office = _reportable(request, Project.objects, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    milestone_form = MilestoneForm(request.POST)
    if milestone_form.is_valid():
        try:
            add_milestone(user=request.user, project=item, **milestone_form.cleaned_data)
        except Refused as refused:
            show(request, refused, milestone_form)
        else:
            messages.success(request, _("Der Meilenstein ist gespeichert."))
            return redirect("umsetzung_admin:report_project", pk=item.pk)
    return _project_page(request, item, office, milestone_form=milestone_form)


def reach_project_milestone(request, pk: int, milestone: int):
    """One of the project's milestones is reached today (POST only)."""
    item, _office = _reportable(request, Project.objects, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    reached = get_object_or_404(Milestone, pk=milestone, project=item)
    try:
        reach_milestone(user=request.user, milestone=reached, day=timezone.localdate())
    except Refused as refused:
        show(request, refused)
    else:
        messages.success(request, _("Der Meilenstein ist gespeichert."))
    return redirect("umsetzung_admin:report_project", pk=item.pk)


SESSION_KEY = "umsetzung_value_import"


def value_import_confirm(request):
    """The confirm step: the previewed values are reported."""
    require_permission(request, REPORTING)
    count, answer = confirm_stored(
        request,
        SESSION_KEY,
        lambda table: importing.save(request.user, table),
        again=reverse("umsetzung_admin:value_import"),
    )
    if answer is not None:
        return answer
    messages.success(request, _("%(n)d Werte sind gemeldet.") % {"n": count})
    return redirect("umsetzung_admin:reporting")


def value_import(request):
    """Upload, preview with every line's errors; the confirm has its own address, and
    nothing is saved before it."""
    require_permission(request, REPORTING)
    form = importing.ValueImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        preview = importing.preview(request.user, form.cleaned_data["file"])
        if preview.is_valid:
            request.session[SESSION_KEY] = preview.serialisable()
        else:
            request.session.pop(SESSION_KEY, None)
    # Every wrong line is shown, with its number; of the good ones a sample to check.
    errors = [line for line in preview.lines if line.errors] if preview else []
    sample = [line for line in preview.lines if not line.errors][:20] if preview else []
    return render(
        request,
        "umsetzung/admin/value_import.html",
        {
            "form": form,
            "preview": preview,
            "errors": errors,
            "sample": sample,
            "columns": importing.COLUMNS,
        },
        status=400 if form.errors or (preview and not preview.is_valid) else 200,
    )


class FurtherProjectForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Projekt"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Kurzbeschreibung"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _field_reporting(request, pk: int):
    require_permission(request, REPORTING)
    field = get_object_or_404(FieldOfAction, pk=pk)
    allowed, _office = may_report(request.user, field)
    if not allowed:
        raise PermissionDenied
    return field


def _further_projects(field) -> list:
    return list(
        field.projects.filter(strategic=False)
        .select_related("office")
        .order_by("relevance_rank", "name")
    )


def _field_projects_page(request, field, further, *, form=None, rank_error: str = ""):
    form = form or FurtherProjectForm()
    return render(
        request,
        "umsetzung/admin/field_projects.html",
        {
            "field": field,
            "further": further,
            "form": form,
            "may_rank": leads(request.user, field),
            "rank_error": rank_error,
        },
        status=400 if form.errors or rank_error else 200,
    )


def field_projects(request, pk: int):
    """A field's further projects: offices add theirs here, the lead office ranks them
    (field_projects_rank)."""
    field = _field_reporting(request, pk)
    if request.method != "POST":
        return _field_projects_page(request, field, _further_projects(field))
    form = FurtherProjectForm(request.POST)
    if form.is_valid():
        try:
            add_further_project(user=request.user, field=field, **form.cleaned_data)
        except Refused as refused:
            show(request, refused, form)
        else:
            messages.success(request, _("Das Projekt ist eingetragen."))
            return redirect("umsetzung_admin:field_projects", pk=field.pk)
    return _field_projects_page(request, field, _further_projects(field), form=form)


def field_projects_rank(request, pk: int):
    """The lead office's order of the further projects (POST only); a refused order shows the
    page again with the ranks as typed."""
    field = _field_reporting(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    further = _further_projects(field)
    ranks = {
        project.pk: whole_number(request.POST.get(f"rang-{project.pk}", "").strip()) or None
        for project in further
    }
    try:
        rank_projects(user=request.user, field=field, ranks=ranks)
    except Refused as refused:
        for project in further:  # shown as typed
            project.relevance_rank = ranks[project.pk]
        return _field_projects_page(request, field, further, rank_error=refused.message)
    messages.success(request, _("Die Rangfolge ist gespeichert."))
    return redirect("umsetzung_admin:field_projects", pk=field.pk)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Meilenstein"), max_length=200)
    due = forms.DateField(
        label=gettext_lazy("geplant bis"), widget=forms.DateInput(attrs={"type": "date"})
    )
