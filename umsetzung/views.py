"""The monitoring's public pages (stage 6): the dashboard of the goals, a key figure's page, and
the key figures as open data."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from cms.numbers import whole_number
from participation.opendata import LICENCE, LICENCE_URL, csv_lines
from strategie.models import KeyFigure

from . import monitoring_data
from .dashboard import all_figures, goals_overview, ticker
from .figure_status import assess
from .goal_status import GoalStatus
from .monitoring_cache import REPORTS, cached, cached_page, figure_key, generation
from .reporting import series
from .series_charts import series_charts


def dashboard(request):
    def build():
        goals = goals_overview()
        return render_to_string(
            "umsetzung/includes/dashboard_body.html",
            {
                "goals": goals,
                "figures": all_figures(goals),
                "ticker": ticker(),
                "goal_statuses": list(GoalStatus),
            },
        )

    body = cached("dashboard", generation(REPORTS), build=build)
    return render(request, "umsetzung/dashboard.html", {"body": body})


def key_figure(request, pk: int):
    """Served from the cache without a query while the key figure has no new value (a
    counter per key figure in the cache, moved on by every report for it)."""
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
            "umsetzung/includes/key_figure_body.html",
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
    return render(request, "umsetzung/key_figure.html", page)


def key_figures_open_data(request):
    return render(
        request,
        "umsetzung/monitoring_open_data.html",
        {
            "fields": monitoring_data.FIELDS,
            "version": monitoring_data.FORMAT_VERSION,
            "format": monitoring_data.FORMAT,
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
        },
    )


def key_figures_csv(request):
    response = StreamingHttpResponse(
        csv_lines(monitoring_data.FIELD_NAMES, monitoring_data.rows()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kennzahlen.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def key_figures_json(request):
    response = JsonResponse(monitoring_data.as_json(), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
