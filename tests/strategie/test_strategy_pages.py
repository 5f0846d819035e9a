"""The strategy model in public: goals → fields → projects → key figures, and the offices'
matrix as an accessible, filterable table."""

import pytest
from django.db import IntegrityError, transaction

from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project
from tests import factories


def build(fields_per_goal: int = 2, offices: int = 3):
    created = []
    for number in (1, 2):
        goal = Goal.objects.create(number=number, name=f"Ziel Nummer {number}")
        for index in range(fields_per_goal):
            field = FieldOfAction.objects.create(
                goal=goal, name=f"Feld {number}.{index}", slug=f"feld-{number}-{index}"
            )
            Project.objects.create(field=field, name=f"Projekt {number}.{index}", strategic=True)
            KeyFigure.objects.create(
                field=field, name=f"Kennzahl {number}.{index}", strategic=True, note="tbd"
            )
            created.append(field)
    for index in range(offices):
        office = Office.objects.create(number=f"{10 + index}", name=f"Amt {index}")
        for position, field in enumerate(created):
            if (position + index) % 2 == 0:
                Participation.objects.create(
                    office=office, field=field, role="F" if position == index else "B"
                )
    return created


@pytest.mark.django_db
def test_the_overview_lists_goals_fields_and_their_strategic_project(client):
    build()
    html = client.get("/strategie/").content.decode()
    assert "Ziel 1:" in html and "Ziel Nummer 2" in html
    assert 'href="/strategie/handlungsfelder/feld-1-0/"' in html
    assert "Projekt 2.1" in html


@pytest.mark.django_db
def test_a_field_shows_projects_key_figures_with_their_state_and_offices(client):
    build()
    html = client.get("/strategie/handlungsfelder/feld-1-0/").content.decode()
    assert "Projekt 1.0" in html
    assert "Kennzahl 1.0" in html and ">tbd<" in html
    assert "10 – Amt 0" in html and "federführend" in html


@pytest.mark.django_db
def test_the_matrix_is_a_table_with_row_and_column_headers(client):
    build()
    html = client.get("/strategie/matrix/").content.decode()
    assert "<caption" in html
    assert html.count('<th scope="col"') == 1 + 4
    assert html.count('<th scope="row"') == 3
    assert '<abbr title="federführend">F</abbr>' in html


@pytest.mark.django_db
def test_the_matrix_filters_by_office_or_field(client):
    build()
    office = Office.objects.get(number="11")
    by_office = client.get("/strategie/matrix/", {"office": office.pk}).content.decode()
    assert by_office.count('<th scope="row"') == 1
    by_field = client.get("/strategie/matrix/", {"field": "feld-1-1"}).content.decode()
    assert by_field.count('<th scope="col"') == 2


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/strategie/", "/strategie/matrix/"])
def test_the_pages_need_the_same_queries_for_a_small_and_a_large_model(
    client, path, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build(fields_per_goal=1, offices=2)
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        client.get(path)
    Participation.objects.all().delete()
    Office.objects.all().delete()
    FieldOfAction.objects.all().delete()
    Goal.objects.all().delete()
    build(fields_per_goal=5, offices=12)
    with django_assert_max_num_queries(len(small)):
        client.get(path)


@pytest.mark.django_db
def test_a_field_has_at_most_one_strategic_project():
    field = build()[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(field=field, name="Noch ein strategisches", strategic=True)
    Project.objects.create(field=field, name="Ein weiteres Projekt", strategic=False)


@pytest.mark.django_db
def test_only_the_strategy_team_edits_the_model_in_the_admin(client):
    build()
    url = "/admin/snippets/strategie/goal/"
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    assert client.get(url).status_code == 200
    assert client.get(url + "add/").status_code == 200
    for role in ("Redaktion", "Konferenzteam", "Moderation"):
        client.force_login(factories.UserFactory(roles=[role]))
        assert client.get(url + "add/").status_code in (302, 403)
