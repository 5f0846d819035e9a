import datetime

import pytest

from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project


@pytest.fixture
def strategy(process):
    goal = Goal.objects.create(number=1, name="Dortmund wird einfacher")
    cycling = FieldOfAction.objects.create(goal=goal, name="Verkehrswende", slug="verkehrswende")
    housing = FieldOfAction.objects.create(goal=goal, name="Wohnen", slug="wohnen")
    planning = Office.objects.create(number=61, name="Stadtplanungs- und Bauordnungsamt")
    housing_office = Office.objects.create(number=64, name="Wohnungsamt")
    Participation.objects.create(office=planning, field=cycling, role="F")
    Participation.objects.create(office=housing_office, field=housing, role="F")
    figure = KeyFigure.objects.create(
        field=cycling,
        name="Anteil des Radverkehrs",
        unit="%",
        direction="up",
        baseline_value=10,
        baseline_date=datetime.date(2020, 1, 1),
        target_value=30,
        target_date=datetime.date(2030, 1, 1),
    )
    other = KeyFigure.objects.create(field=housing, name="Neue Wohnungen", unit="Anzahl")
    project = Project.objects.create(field=cycling, name="Radwall", strategic=True)
    return {"figure": figure, "other": other, "project": project, "office": planning}
