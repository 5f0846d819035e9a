from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .search import caching, results
from .search.forms import SearchForm
from .search.terms import MAX_QUERY_LENGTH, Terms


def search(request):
    """The site search. Its content depends on the query string alone, so it is kept for a
    while (cms.search.caching) and a repeated search costs no search at all."""
    words = " ".join(request.GET.get("q", "").split())
    return render(
        request,
        "cms/search.html",
        {
            "content": caching.cached(request, build=lambda: _search_content(request)),
            "words": words if len(words) <= MAX_QUERY_LENGTH else "",
        },
    )


def _search_content(request) -> str:
    """The form and the results, or what the search finds. What was sent is searched as far
    as it is valid: a theme that does not exist gets its message next to its field, and the
    words are searched all the same."""
    form = SearchForm(request.GET or None)
    found = None
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
        terms = Terms.parse(data.get("q", ""))
        if terms:
            found = results.search(
                terms,
                kind=data.get("kind", ""),
                theme=data.get("theme", ""),
                page=request.GET.get("page"),
            )
        elif terms.stop_words:
            form.add_error(
                "q",
                _(
                    "Wörter wie „%(words)s“ stehen in fast jedem Text; die Suche lässt sie "
                    "aus. Bitte geben Sie ein Wort ein, das mehr sagt."
                )
                % {"words": " ".join(terms.stop_words[:3])},
            )
    return render_to_string(
        "cms/includes/search_content.html",
        {"form": form, "results": found, "kinds": results.kinds()},
        request=request,
    )


def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page's <link> says."""
    return redirect(static("img/favicon-32.png"), permanent=True)


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
