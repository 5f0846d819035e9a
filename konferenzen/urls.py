from django.urls import path

from . import views

app_name = "konferenzen"

urlpatterns = [
    path(
        "konferenzen/<slug:slug>/anmelden/",
        views.registration_create,
        name="register",
    ),
    path(
        "konferenzen/<slug:slug>/anmelden/gesendet/",
        views.registration_sent,
        name="registered",
    ),
    path(
        "konferenzen/anmeldung/bestaetigen/<str:token>/",
        views.registration_confirm,
        name="confirm",
    ),
    path("konferenzen/anmeldung/<str:token>/", views.registration_manage, name="manage"),
    path(
        "konferenzen/anmeldung/<str:token>/absagen/",
        views.registration_cancel,
        name="cancel",
    ),
    path(
        "konferenzen/anmeldung/<str:token>/kalender.ics",
        views.registration_calendar,
        name="calendar",
    ),
]
