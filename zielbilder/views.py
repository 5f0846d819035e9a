from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from participation.models import Theme

from .catalogue import agreement_status, current_agreement
from .consolidation import published_zielbilder, traceability
from .filters import MatrixFilter
from .interchange import export_model, matrix_csv
from .matrix import matrix_offices, strategy_matrix
from .models import (
    FieldOfAction,
    Goal,
    InputOutcome,
    KeyFigure,
    OutcomeKind,
    Participation,
    Project,
)
from .models.strategy import by_office_number
from .panels import PROJECT_STATUS, ZIELBILD_SERVED_BY, shown_for

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
    return render(request, "zielbilder/strategy.html", {"goals": goals})


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
        "zielbilder/field.html",
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
        "zielbilder/matrix.html",
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


def theme_zielbilder(request, slug: str):
    theme = get_object_or_404(Theme.objects.all(), slug=slug)
    not_taken_up = (
        InputOutcome.objects.filter(statement__theme=theme, kind=OutcomeKind.NOT_TAKEN_UP)
        .select_related("statement")
        .order_by("statement__pk")
    )
    zielbilder = list(published_zielbilder(theme))
    agreement = current_agreement()
    status = agreement_status(agreement, zielbilder)
    served = shown_for(ZIELBILD_SERVED_BY, zielbilder, request)
    return render(
        request,
        "zielbilder/theme_zielbilder.html",
        {
            "theme": theme,
            "theme_page": getattr(theme, "page", None),
            "trace": traceability(theme),
            "zielbilder": [
                (zielbild, status.get(zielbild.pk), served.get(zielbild.pk))
                for zielbild in zielbilder
            ],
            "agreement": agreement,
            "not_taken_up": Paginator(not_taken_up, 50).get_page(request.GET.get("page")),
        },
    )
