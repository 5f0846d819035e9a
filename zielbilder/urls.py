from django.urls import path

from . import views

app_name = "zielbilder"

urlpatterns = [
    path("strategie/", views.strategy_overview, name="strategy"),
    path("strategie/matrix/", views.matrix, name="matrix"),
    path("strategie/matrix.csv", views.matrix_download, name="matrix_csv"),
    path("strategie/stadtstrategie.json", views.model_json, name="model_json"),
    path("strategie/handlungsfelder/<slug:slug>/", views.field_detail, name="field"),
    path("strategie/zielbilder/<slug:slug>/", views.theme_zielbilder, name="theme_zielbilder"),
    path("monitoring/", views.dashboard, name="dashboard"),
    path("monitoring/kennzahlen/<int:pk>/", views.key_figure, name="key_figure"),
    path("monitoring/offene-daten/", views.key_figures_open_data, name="key_figures_open_data"),
    path("monitoring/kennzahlen.csv", views.key_figures_csv, name="key_figures_csv"),
    path("monitoring/kennzahlen.json", views.key_figures_json, name="key_figures_json"),
]
