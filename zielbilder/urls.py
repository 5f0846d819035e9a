from django.urls import path

from . import views

app_name = "zielbilder"

urlpatterns = [
    path("strategie/zielbilder/<slug:slug>/", views.theme_zielbilder, name="theme_zielbilder"),
]
