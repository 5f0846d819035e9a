"""OParl 1.1 under /oparl/v1.1/: object ids are these URLs, so they never change."""

from django.urls import path, re_path

from . import oparl

app_name = "oparl"

urlpatterns = [
    path("", oparl.system, name="system"),
    path("bodies/", oparl.body_list, name="body_list"),
    path("body/1/", oparl.body, name="body"),
    path("body/1/organizations/", oparl.organization_list, name="organization_list"),
    path("body/1/persons/", oparl.empty_list, name="person_list"),
    path("body/1/meetings/", oparl.meeting_list, name="meeting_list"),
    path("body/1/papers/", oparl.paper_list, name="paper_list"),
    path("body/1/legislative-terms/", oparl.empty_list, name="legislative_term_list"),
    path("body/1/agenda-items/", oparl.agenda_item_list, name="agenda_item_list"),
    path("body/1/consultations/", oparl.consultation_list, name="consultation_list"),
    path("body/1/files/", oparl.file_list, name="file_list"),
    path("organization/1/", oparl.organization, name="organization"),
    path("organization/1/meetings/", oparl.organization_meetings, name="organization_meetings"),
    path(
        "organization/1/consultations/",
        oparl.organization_consultations,
        name="organization_consultations",
    ),
    path("paper/<int:number>/", oparl.paper, name="paper"),
    re_path(r"^file/(?P<number>[0-9]+)-(?P<kind>pdf|docx)/$", oparl.file, name="file"),
    re_path(r"^meeting/(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})/$", oparl.meeting, name="meeting"),
    path("agenda-item/<int:pk>/", oparl.agenda_item, name="agenda_item"),
    path("consultation/<int:pk>/", oparl.consultation, name="consultation"),
    # Unknown objects answer in JSON too; paths without the final slash still get
    # CommonMiddleware's redirect, because this pattern does not match them.
    re_path(r"^.*/$", oparl.not_found),
]
