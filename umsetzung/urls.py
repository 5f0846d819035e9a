from django.urls import path

from . import views

app_name = "umsetzung"

urlpatterns = [
    path("monitoring/", views.dashboard, name="dashboard"),
    path("monitoring/kennzahlen/<int:pk>/", views.key_figure, name="key_figure"),
    path("monitoring/offene-daten/", views.key_figures_open_data, name="key_figures_open_data"),
    path("monitoring/kennzahlen.csv", views.key_figures_csv, name="key_figures_csv"),
    path("monitoring/kennzahlen.json", views.key_figures_json, name="key_figures_json"),
]
