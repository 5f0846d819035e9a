from django.urls import path

from . import views

app_name = "strategie"

urlpatterns = [
    path("strategie/", views.strategy_overview, name="strategy"),
    path("strategie/matrix/", views.matrix, name="matrix"),
    path("strategie/matrix.csv", views.matrix_download, name="matrix_csv"),
    path("strategie/stadtstrategie.json", views.model_json, name="model_json"),
    path("strategie/handlungsfelder/<slug:slug>/", views.field_detail, name="field"),
]
