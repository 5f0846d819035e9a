"""The strategy's public pages: the goals and their fields, a field's page, the matrix of
offices and fields, and the model as JSON and CSV."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from cms.item_hooks import shown_for

from .filters import MatrixFilter
from .interchange import export_model, matrix_csv
from .matrix import matrix_offices, strategy_matrix
from .models import FieldOfAction, Goal, KeyFigure, Participation, Project, by_office_number
from .panels import PROJECT_STATUS

MATRIX_ROWS_PER_PAGE = 40


def strategy_overview(request):
    goals = Goal.objects.prefetch_related(
        Prefetch(
            "fields",
            queryset=FieldOfAction.objects.select_related("sponsor_office").prefetch_related(
                Prefetch("projects", queryset=Project.objects.filter(strategic=True)),
                Prefetch("key_figures", queryset=KeyFigure.objects.filter(strategic=True)),
            ),
        )
    )
    return render(request, "strategie/strategy.html", {"goals": goals})


def field_detail(request, slug: str):
    field = get_object_or_404(
        FieldOfAction.objects.select_related("goal", "sponsor_office").prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.order_by("-strategic", "relevance_rank", "name"),
            ),
            Prefetch("key_figures", queryset=KeyFigure.objects.select_related("project")),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("office").order_by(
                    "role", *by_office_number("office__number")
                ),
            ),
        ),
        slug=slug,
    )
    projects = field.projects.all()
    status = shown_for(PROJECT_STATUS, projects, request)
    return render(
        request,
        "strategie/field.html",
        {"field": field, "projects": [(project, status.get(project.pk)) for project in projects]},
    )


def matrix(request):
    filterset = MatrixFilter(request.GET or None)
    office = field = None
    if filterset.is_valid():
        office = filterset.form.cleaned_data.get("office")
        field = filterset.form.cleaned_data.get("field")
    page = Paginator(matrix_offices(office=office, field=field), MATRIX_ROWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    columns, rows = strategy_matrix(office=office, field=field, offices=page.object_list)
    return render(
        request,
        "strategie/matrix.html",
        {"filter": filterset, "columns": columns, "rows": rows, "page_obj": page},
    )


def model_json(request):
    response = JsonResponse(export_model(), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'attachment; filename="stadtstrategie.json"'
    return response


def matrix_download(request):
    response = HttpResponse(matrix_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="aemter-handlungsfelder.csv"'
    return response
