from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .search import SearchForm, search_pages

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET or None)
    page_obj = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = search_pages(form.cleaned_data["q"], kind=form.cleaned_data["kind"])
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"form": form, "page_obj": page_obj})


@never_cache
def health(request):
    """For the container health check: the process answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def not_found(request):
    """For addresses that must not exist here, such as Wagtail's deliberate error page
    /admin/failwhale/: it raises to show the 500 page, and no request may produce a 500."""
    raise Http404


def csrf_failure(request, reason=""):
    """A form came without the proof that it was sent from this site: mostly a page left open
    for too long, or a browser that refuses this site's cookies. Django's own page for it is
    English and bare; this one speaks the reader's language in the site's layout."""
    return render(request, "403_csrf.html", status=403)


# --- wagtail-localize's translations report: for those who translate ------------------------

TRANSLATE = "wagtail_localize.submit_translation"


def _translators_only(view):
    """wagtail-localize opens its report (every translation, with the titles of drafts) to
    everyone with admin access; here only the roles that translate see it."""

    def wrapped(request, *args, **kwargs):
        from django.core.exceptions import PermissionDenied

        if not request.user.has_perm(TRANSLATE):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def translations_report():
    from wagtail.admin.auth import require_admin_access
    from wagtail_localize.views.report import TranslationsReportView

    return require_admin_access(_translators_only(TranslationsReportView.as_view()))


def translations_report_results():
    from wagtail.admin.auth import require_admin_access
    from wagtail_localize.views.report import TranslationsReportView

    return require_admin_access(
        _translators_only(TranslationsReportView.as_view(results_only=True))
    )
