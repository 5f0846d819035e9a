from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("beteiligung/<slug:key>/", views.participation_list, name="participation"),
    path("daten/", views.personal_data, name="personal_data"),
    path(
        "daten/meine-daten.json",
        views.personal_data_download,
        {"kind": "json"},
        name="personal_data_json",
    ),
    path(
        "daten/meine-daten.html",
        views.personal_data_download,
        {"kind": "html"},
        name="personal_data_html",
    ),
    path("loeschen/", views.delete_account, name="delete"),
    path("geloescht/", views.account_deleted, name="deleted"),
]

# Mounted before allauth's own URLs under the same prefix, so that this view wins.
signup_urlpatterns = [path("signup/", views.SignupView.as_view(), name="account_signup")]
