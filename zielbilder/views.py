from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from cms.numbers import whole_number

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
    from .models import ProjectReport

    field = get_object_or_404(
        FieldOfAction.objects.select_related("goal", "sponsor_office").prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.order_by("-strategic", "relevance_rank", "name"),
            ),
            Prefetch("projects__reports", queryset=ProjectReport.objects.order_by("-reported_at")),
            "projects__milestones",
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
    return render(request, "zielbilder/field.html", {"field": field})


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


def _serving_figures(zielbild):
    from .figure_status import assess

    return [
        (figure, assess(figure, figure.latest_value, figure.latest_date))
        for field in zielbild.fields_of_action.all()
        for figure in field.key_figures.all()
    ]


def theme_zielbilder(request, slug: str):
    from participation.models import Theme

    theme = get_object_or_404(Theme.objects.all(), slug=slug)
    not_taken_up = (
        InputOutcome.objects.filter(statement__theme=theme, kind=OutcomeKind.NOT_TAKEN_UP)
        .select_related("statement")
        .order_by("statement__pk")
    )
    zielbilder = list(published_zielbilder(theme))
    agreement = current_agreement()
    status = agreement_status(agreement, zielbilder)
    return render(
        request,
        "zielbilder/theme_zielbilder.html",
        {
            "theme": theme,
            "theme_page": getattr(theme, "page", None),
            "trace": traceability(theme),
            "zielbilder": [
                (zielbild, status.get(zielbild.pk), _serving_figures(zielbild))
                for zielbild in zielbilder
            ],
            "agreement": agreement,
            "not_taken_up": Paginator(not_taken_up, 50).get_page(request.GET.get("page")),
        },
    )


# --- stage 6: monitoring ------------------------------------------------------------------------


def dashboard(request):
    from django.template.loader import render_to_string

    from .dashboard import all_figures, goals_overview, ticker
    from .goal_status import GoalStatus
    from .monitoring_cache import REPORTS, cached, generation

    def build():
        goals = goals_overview()
        return render_to_string(
            "zielbilder/includes/dashboard_body.html",
            {
                "goals": goals,
                "figures": all_figures(goals),
                "ticker": ticker(),
                "goal_statuses": list(GoalStatus),
            },
        )

    body = cached("dashboard", generation(REPORTS), build=build)
    return render(request, "zielbilder/dashboard.html", {"body": body})


def key_figure(request, pk: int):
    """Served from the cache without a query while the key figure has no new value (a
    counter per key figure in the cache, moved on by every report for it)."""
    from django.core.cache import cache
    from django.template.loader import render_to_string

    from .figure_status import assess
    from .monitoring_cache import cached_page, figure_key
    from .reporting import series
    from .series_charts import series_charts

    page_number = request.GET.get("page", "1")
    page_number = str(whole_number(page_number) or 1)

    def build():
        figure = get_object_or_404(
            KeyFigure.objects.select_related("field__goal", "project", "responsible_office"),
            pk=pk,
        )
        values = series(figure)
        latest = values[-1] if values else None
        assessment = assess(
            figure, latest.value if latest else None, latest.date if latest else None
        )
        table = Paginator(list(reversed(values)), 60).get_page(page_number)
        body = render_to_string(
            "zielbilder/includes/key_figure_body.html",
            {
                "figure": figure,
                "assessment": assessment,
                "charts": series_charts(figure, values),
                "table": table,
            },
            request=request,
        )
        return {"title": figure.name, "body": body}

    page = cached_page("key-figure", pk, page_number, cache.get(figure_key(pk), 0), build=build)
    return render(request, "zielbilder/key_figure.html", page)


def key_figures_open_data(request):
    from participation.opendata import LICENCE, LICENCE_URL

    from . import monitoring_data

    return render(
        request,
        "zielbilder/monitoring_open_data.html",
        {
            "fields": monitoring_data.FIELDS,
            "version": monitoring_data.FORMAT_VERSION,
            "format": monitoring_data.FORMAT,
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
        },
    )


def key_figures_csv(request):
    from django.http import StreamingHttpResponse

    from participation.opendata import csv_lines

    from . import monitoring_data

    response = StreamingHttpResponse(
        csv_lines(monitoring_data.FIELD_NAMES, monitoring_data.rows()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kennzahlen.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def key_figures_json(request):
    from . import monitoring_data

    response = JsonResponse(monitoring_data.as_json(), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
