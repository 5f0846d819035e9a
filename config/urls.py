from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import urls as account_urls
from accounts import views as account_views
from cms import views as cms_views

# allauth answers its refused rate limits through this (the form again, with the message).
handler429 = "accounts.views.too_many_requests"


# The admin of these models moved with them from zielbilder to the app they belong to now;
# bookmarks and links in old mails still arrive.
MOVED_SNIPPETS = {
    "goal": "strategie",
    "fieldofaction": "strategie",
    "project": "strategie",
    "keyfigure": "strategie",
    "office": "strategie",
    "participation": "strategie",
    "measure": "umsetzung",
    "officemembership": "umsetzung",
}


def moved_snippets(model: str, rest: str):
    target = f"/admin/snippets/{MOVED_SNIPPETS[model]}/{model}/" + ("%(rest)s" if rest else "")
    return RedirectView.as_view(url=target, permanent=True, query_string=True)


urlpatterns = [
    # Before Wagtail's admin URLs, so that this one answers: it checks `?next=`.
    path("admin/login/", account_views.AdminLoginView.as_view(), name="wagtailadmin_login"),
    # Wagtail's error test page answers 500 on purpose; here nothing may answer 500.
    path("admin/failwhale/", cms_views.not_found),
    # Ahead of wagtail-localize's own: its translations report for the editors only.
    path("admin/localize/reports/translations/", cms_views.translations_report()),
    path("admin/localize/reports/translations/results/", cms_views.translations_report_results()),
    *[
        path(f"admin/snippets/zielbilder/{model}/{rest}", moved_snippets(model, rest))
        for model in MOVED_SNIPPETS
        for rest in ("", "<path:rest>")
    ],
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", cms_views.health, name="health"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", cms_views.favicon),
    path("oparl/v1.1/", include("ratsvorlage.oparl_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("konto/", include("accounts.urls")),
    path("konto/", include(account_urls.signup_urlpatterns)),
    path("konto/", include("allauth.urls")),
    path("suche/", cms_views.search, name="search"),
    path("", include("participation.urls")),
    path("", include("konferenzen.urls")),
    path("", include("strategie.urls")),
    path("", include("zielbilder.urls")),
    path("", include("ratsvorlage.urls")),
    path("", include("umsetzung.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
