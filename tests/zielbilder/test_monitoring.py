"""Stage 6: the offices report their key figures and projects, only for the fields their
office has a part in; the public dashboard shows the status and the series."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from zielbilder.models import (
    FieldOfAction,
    Goal,
    KeyFigure,
    KeyFigureValue,
    Office,
    OfficeMembership,
    Participation,
    Project,
    ProjectReport,
)

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def reporter(client, strategy):
    user = factories.UserFactory(roles=["Fachämter"])
    OfficeMembership.objects.create(user=user, office=strategy["office"])
    client.force_login(user)
    return user


def report(client, figure, **data):
    values = {
        "date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "value": "25",
        "unit": "%",
        **data,
    }
    return client.post(f"/admin/berichte/kennzahl/{figure.pk}/", values, follow=True)


def test_an_office_reports_a_value_and_the_dashboard_changes(client, reporter, strategy):
    figure = strategy["figure"]
    before = client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
    assert "keine Daten" in before
    response = report(client, figure, value="25,5", source="Verkehrszählung")
    assert "Der Wert ist gemeldet." in response.content.decode()
    stored = KeyFigureValue.objects.get()
    assert stored.value == 25.5 and stored.office == strategy["office"]
    assert stored.reported_by == reporter

    page = client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
    assert "auf Kurs" in page and "Zuletzt gemeldet: 25,5 %" in page
    assert "<polyline" in page and "Verkehrszählung" in page
    dashboard = client.get("/monitoring/").content.decode()
    assert "Anteil des Radverkehrs" in dashboard and "auf Kurs" in dashboard
    assert "Neueste Meldungen" in dashboard and "25,5" in dashboard


def test_an_office_cannot_report_for_a_field_it_has_no_part_in(client, reporter, strategy):
    other = strategy["other"]
    response = client.post(
        f"/admin/berichte/kennzahl/{other.pk}/",
        {"date": "2025-01-01", "value": "5", "unit": "Anzahl"},
    )
    assert response.status_code in (302, 403)
    assert not KeyFigureValue.objects.exists()
    overview = client.get("/admin/berichte/").content.decode()
    assert "Verkehrswende" in overview and "Wohnen" not in overview


def test_a_wrong_unit_or_a_future_date_is_refused_next_to_the_field(client, reporter, strategy):
    figure = strategy["figure"]
    wrong_unit = report(client, figure, unit="km", note="Bitte behalten")
    page = wrong_unit.content.decode()
    assert wrong_unit.status_code == 400
    assert "Die Einheit „km“ passt nicht zur Kennzahl; sie wird in „%“ gemessen." in page
    assert "Bitte behalten" in page
    future = report(
        client, figure, date=(timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    )
    assert "Der Stichtag liegt in der Zukunft." in future.content.decode()
    not_a_number = report(client, figure, value="viel")
    assert "„viel“ ist keine Zahl." in not_a_number.content.decode()
    assert not KeyFigureValue.objects.exists()


def test_a_correction_is_a_new_report_and_the_history_keeps_both(client, reporter, strategy):
    figure = strategy["figure"]
    report(client, figure, date="2025-12-31", value="20")
    report(client, figure, date="2025-12-31", value="21")
    assert KeyFigureValue.objects.count() == 2
    history = client.get(f"/admin/berichte/kennzahl/{figure.pk}/").content.decode()
    assert "20 %" in history and "21 %" in history
    page = client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
    assert "Zuletzt gemeldet: 21 %" in page


def test_an_office_reports_a_projects_state_and_progress(client, reporter, strategy):
    project = strategy["project"]
    refused = client.post(
        f"/admin/berichte/projekt/{project.pk}/", {"state": "running", "progress": "101"}
    )
    assert refused.status_code == 400 and not ProjectReport.objects.exists()
    client.post(f"/admin/berichte/projekt/{project.pk}/", {"state": "running", "progress": "40"})
    report_row = ProjectReport.objects.get()
    assert report_row.progress == 40 and report_row.reported_by == reporter
    assert "Radwall" in client.get("/monitoring/").content.decode()


def test_the_strategy_team_reports_for_every_field(client, strategy):
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    other = strategy["other"]
    client.post(
        f"/admin/berichte/kennzahl/{other.pk}/",
        {"date": "2025-01-01", "value": "1.200", "unit": "Anzahl"},
    )
    assert KeyFigureValue.objects.get().value == 1200


@pytest.mark.parametrize(
    "role", [None, "Redaktion", "Moderation", "Konferenzteam", "Ratsmitglieder"]
)
def test_other_roles_cannot_report(client, strategy, role):
    client.force_login(factories.UserFactory(roles=[role] if role else []))
    figure = strategy["figure"]
    assert client.get("/admin/berichte/").status_code in (302, 403)
    assert report(client, figure).redirect_chain or True
    assert not KeyFigureValue.objects.exists()


def test_office_staff_without_an_office_see_no_field(client, strategy):
    client.force_login(factories.UserFactory(roles=["Fachämter"]))
    page = client.get("/admin/berichte/").content.decode()
    assert "noch keinem Handlungsfeld zugeordnet" in page
    report(client, strategy["figure"])
    assert not KeyFigureValue.objects.exists()


def test_dashboard_and_key_figure_page_keep_their_query_counts(
    client, strategy, django_assert_max_num_queries
):
    figure = strategy["figure"]
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2021, 1, 1), value=11)
    client.get("/monitoring/")
    with django_assert_max_num_queries(15) as dashboard:
        client.get("/monitoring/")
    with django_assert_max_num_queries(15) as page:
        client.get(f"/monitoring/kennzahlen/{figure.pk}/")
    goal = figure.field.goal
    for n in range(20):
        extra = FieldOfAction.objects.create(goal=goal, name=f"Feld {n}", slug=f"feld-{n}")
        for m in range(3):
            kf = KeyFigure.objects.create(field=extra, name=f"Kennzahl {n}-{m}", unit="%")
            KeyFigureValue.objects.create(key_figure=kf, date=datetime.date(2022, 1, 1), value=m)
    KeyFigureValue.objects.bulk_create(
        KeyFigureValue(
            key_figure=figure,
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=30 * i),
            value=12 + i / 10,
        )
        for i in range(120)
    )
    with django_assert_max_num_queries(len(dashboard.captured_queries)):
        client.get("/monitoring/")
    with django_assert_max_num_queries(len(page.captured_queries)):
        client.get(f"/monitoring/kennzahlen/{figure.pk}/")


def test_a_zielbild_shows_the_measures_and_key_figures_that_serve_it(client, strategy):
    from zielbilder.models import ConsolidatedZielbild, Measure

    theme = factories.theme_page("Mobilität").theme
    zielbild = ConsolidatedZielbild.objects.create(theme=theme, text="Alle fahren Rad.", live=True)
    figure = strategy["figure"]
    zielbild.fields_of_action.add(figure.field)
    zielbild.save()
    measure = Measure.objects.create(
        title="Radwall durchgehend befahrbar", office=strategy["office"], state="running"
    )
    measure.zielbilder.add(zielbild)
    # Halfway from 10 % (2020) to 30 % (2030) a little over 20 % is expected.
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2025, 1, 1), value=21)
    page = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert "Was diesem Zielbild dient" in page
    assert "Radwall durchgehend befahrbar" in page and "in Umsetzung" in page
    assert f"/monitoring/kennzahlen/{figure.pk}/" in page and "auf Kurs" in page
