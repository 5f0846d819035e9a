from django.urls import path

from . import views

app_name = "ratsvorlage"

urlpatterns = [
    path("ratsvorlage/", views.paper_versions, name="paper_versions"),
    path("ratsvorlage/vergleich/", views.paper_compare, name="paper_compare"),
    path("ratsvorlage/<int:number>/", views.paper_version, name="paper_version"),
    path("ratsvorlage/<int:number>/datei/<str:kind>/", views.paper_file, name="paper_file"),
    path(
        "ratsvorlage/<int:number>/datei/<str:kind>/herunterladen/",
        views.paper_file_download,
        name="paper_file_download",
    ),
]
