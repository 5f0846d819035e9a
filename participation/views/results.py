from django.core.validators import slug_re
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .. import opendata
from ..models import Theme
from ..results import theme_summary, yes_no


def theme_results(request, slug: str):
    theme = get_object_or_404(Theme.objects.all(), slug=slug)
    summary = theme_summary(theme)
    return render(
        request,
        "participation/results.html",
        {
            "theme": theme,
            "theme_page": getattr(theme, "page", None),
            "summary": summary,
            "agreed": [(s, yes_no(s)) for s in summary.most_agreed],
            "controversial": [(s, yes_no(s)) for s in summary.most_controversial],
        },
    )


def open_data(request):
    return render(
        request,
        "participation/open_data.html",
        {
            "themes": Theme.objects.order_by("sort_order", "name"),
            "statement_fields": opendata.STATEMENT_FIELDS,
            "comment_fields": opendata.COMMENT_FIELDS,
            "version": opendata.FORMAT_VERSION,
            "licence": opendata.LICENCE,
            "licence_url": opendata.LICENCE_URL,
        },
    )


def _theme_from(request):
    slug = request.GET.get("thema", "")
    if not slug:
        return None
    # What is no slug names no theme; PostgreSQL would refuse to even look for a NUL byte.
    if not slug_re.fullmatch(slug):
        raise Http404
    return get_object_or_404(Theme, slug=slug)


def _download(content, *, name: str, content_type: str, theme) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    suffix = f"-{theme.slug}" if theme else ""
    extension = "json" if "json" in content_type else "csv"
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}-{stamp}.{extension}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def statements_csv(request):
    theme = _theme_from(request)
    return _download(
        opendata.csv_lines(opendata.STATEMENT_FIELDS, opendata.statement_rows(theme)),
        name="aussagen",
        content_type="text/csv; charset=utf-8",
        theme=theme,
    )


def comments_csv(request):
    theme = _theme_from(request)
    return _download(
        opendata.csv_lines(opendata.COMMENT_FIELDS, opendata.comment_rows(theme)),
        name="kommentare",
        content_type="text/csv; charset=utf-8",
        theme=theme,
    )


def statements_json(request):
    theme = _theme_from(request)
    return _download(
        opendata.json_document(theme),
        name="aussagen",
        content_type="application/json; charset=utf-8",
        theme=theme,
    )
