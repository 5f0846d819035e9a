"""What the implementation shows on the pages of the strategy and the consolidation, which do
not know it (zielbilder.panels): a project's state on its field's page, what serves a Zielbild
on its theme's page – with a number of queries that does not grow with the items – and the
admin addresses that moved with the app."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategie.models import FieldOfAction, KeyFigure, Project
from tests import factories
from umsetzung.models import KeyFigureValue, Measure, Milestone, ProjectReport
from zielbilder.models import ConsolidatedZielbild


def add_projects(field, count: int) -> None:
    first = Project.objects.filter(field=field).count()
    for n in range(first, first + count):
        project = Project.objects.create(field=field, name=f"Projekt {field.pk}-{n}")
        ProjectReport.objects.create(project=project, state="running", progress=10 + n)
        ProjectReport.objects.create(project=project, state="running", progress=20 + n)
        Milestone.objects.create(
            project=project, title=f"Schritt {n}", due=datetime.date(2027, 1, 1)
        )


def test_a_field_page_shows_each_projects_latest_report_and_its_milestones(client, strategy):
    field = strategy["project"].field
    add_projects(field, 2)
    page = client.get(f"/strategie/handlungsfelder/{field.slug}/").content.decode()
    assert "läuft, 22 % umgesetzt" in page and "läuft, 12 % umgesetzt" not in page
    assert "Schritt 1: geplant bis 1. Januar 2027" in page and "Schritt 2:" in page


def test_a_field_page_needs_the_same_queries_for_two_projects_and_for_twenty(client, strategy):
    field = strategy["project"].field
    add_projects(field, 2)
    url = f"/strategie/handlungsfelder/{field.slug}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_projects(field, 18)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count("% umgesetzt") == 20
    assert len(many) <= len(few)


def serve(theme, field, office, count: int) -> None:
    first = Measure.objects.count()
    for n in range(first, first + count):
        zielbild = ConsolidatedZielbild.objects.create(theme=theme, text=f"Ziel {n}", live=True)
        zielbild.fields_of_action.add(field)
        zielbild.save()
        measure = Measure.objects.create(title=f"Maßnahme {n}", office=office, state="running")
        measure.zielbilder.add(zielbild)


def test_the_zielbilder_page_needs_the_same_queries_for_two_zielbilder_and_for_twenty(
    client, strategy
):
    theme = factories.theme_page("Mobilität").theme
    field = strategy["figure"].field
    KeyFigureValue.objects.create(
        key_figure=strategy["figure"], date=datetime.date(2025, 1, 1), value=21
    )
    serve(theme, field, strategy["office"], 2)
    url = f"/strategie/zielbilder/{theme.slug}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    serve(theme, field, strategy["office"], 18)
    second = FieldOfAction.objects.create(goal=field.goal, name="Radwege", slug="radwege")
    KeyFigure.objects.create(field=second, name="Kilometer Radweg", unit="km")
    for zielbild in ConsolidatedZielbild.objects.all():
        zielbild.fields_of_action.add(second)
        zielbild.save()  # parental relations are written on save
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count("Was diesem Zielbild dient") == 20
    assert page.count("Kilometer Radweg") == 20 and "Maßnahme 19" in page
    assert len(many) <= len(few)


def test_a_zielbild_served_by_nothing_shows_no_empty_heading(client, strategy):
    theme = factories.theme_page("Mobilität").theme
    ConsolidatedZielbild.objects.create(theme=theme, text="Alle gehen zu Fuß.", live=True)
    page = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert "Alle gehen zu Fuß." in page and "Was diesem Zielbild dient" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/snippets/zielbilder/measure/", "/admin/snippets/umsetzung/measure/"),
        (
            "/admin/snippets/zielbilder/officemembership/edit/7/?next=x",
            "/admin/snippets/umsetzung/officemembership/edit/7/?next=x",
        ),
        ("/admin/snippets/zielbilder/goal/", "/admin/snippets/strategie/goal/"),
        (
            "/admin/snippets/zielbilder/keyfigure/edit/3/",
            "/admin/snippets/strategie/keyfigure/edit/3/",
        ),
    ],
)
def test_the_old_admin_addresses_of_moved_models_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new
