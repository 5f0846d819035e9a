import pytest

from strategie.models import Participation
from tests import factories


@pytest.fixture
def strategy(process):
    """A goal with two fields: cycling, led by the planning office (61), with a strategic
    project and a key figure rising from 10 % (2020) to 30 % (2030); housing, led by the
    housing office (64), with a count."""
    goal = factories.GoalFactory(number=1, name="Dortmund wird einfacher")
    cycling = factories.FieldOfActionFactory(goal=goal, name="Verkehrswende", slug="verkehrswende")
    housing = factories.FieldOfActionFactory(goal=goal, name="Wohnen", slug="wohnen")
    planning = factories.OfficeFactory(number=61, name="Stadtplanungs- und Bauordnungsamt")
    housing_office = factories.OfficeFactory(number=64, name="Wohnungsamt")
    Participation.objects.create(office=planning, field=cycling, role="F")
    Participation.objects.create(office=housing_office, field=housing, role="F")
    figure = factories.KeyFigureFactory(field=cycling, name="Anteil des Radverkehrs")
    other = factories.KeyFigureFactory(
        field=housing,
        name="Neue Wohnungen",
        unit="Anzahl",
        baseline_value=None,
        baseline_date=None,
        target_value=None,
        target_date=None,
    )
    project = factories.ProjectFactory(field=cycling, name="Radwall", strategic=True)
    return {"figure": figure, "other": other, "project": project, "office": planning}
