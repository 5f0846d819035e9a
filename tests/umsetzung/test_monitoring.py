"""Stage 6: the offices report their key figures and projects, only for the fields their
office has a part in; the public dashboard shows the status and the series."""

import datetime

import pytest
from django.utils import timezone

from strategie.models import FieldOfAction, KeyFigure, Office, Participation, Project
from tests import factories
from umsetzung.models import KeyFigureValue, OfficeMembership, ProjectReport

pytestmark = pytest.mark.django_db


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
    values = {"date": "2025-01-01", "value": "25", "unit": "%"}
    refused = client.post(f"/admin/berichte/kennzahl/{figure.pk}/", values)
    # Wagtail sends people without the admin to its sign-in, and refuses admin users who lack
    # the permission by sending them back to the dashboard with a message.
    expected = "/admin/login/" if role in (None, "Ratsmitglieder") else "/admin/"
    assert refused.status_code == 302
    assert refused["Location"].split("?")[0] == expected
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
    from django.core.cache import cache

    # Measured with the pages' cache empty: what building them costs.
    client.get("/monitoring/")
    cache.clear()
    # 18 includes the layout's constant share (locale, footer, the growing main navigation).
    with django_assert_max_num_queries(18) as dashboard:
        client.get("/monitoring/")
    cache.clear()
    with django_assert_max_num_queries(18) as page:
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
    cache.clear()
    with django_assert_max_num_queries(len(dashboard.captured_queries)):
        client.get("/monitoring/")
    cache.clear()
    with django_assert_max_num_queries(len(page.captured_queries)):
        client.get(f"/monitoring/kennzahlen/{figure.pk}/")


def test_a_zielbild_shows_the_measures_and_key_figures_that_serve_it(client, strategy):
    from umsetzung.models import Measure
    from zielbilder.models import ConsolidatedZielbild

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


def test_the_key_figures_are_open_data_as_csv_and_json(client, strategy):
    figure = strategy["figure"]
    KeyFigureValue.objects.create(
        key_figure=figure, date=datetime.date(2024, 12, 31), value=18, source="Zählung"
    )
    # A correction for the same date: the open data carry the latest report only.
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2024, 12, 31), value=19)
    KeyFigureValue.objects.create(key_figure=figure, date=datetime.date(2025, 12, 31), value=22.5)
    response = client.get("/monitoring/kennzahlen.csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("kennzahl_id,kennzahl,url,ziel_nummer")
    radverkehr = [line for line in lines if "Anteil des Radverkehrs" in line]
    assert len(radverkehr) == 2
    assert ",2024-12-31,19," in radverkehr[0] and ",2025-12-31,22.5," in radverkehr[1]
    assert sum("Neue Wohnungen" in line for line in lines) == 1  # no values: one empty row

    data = client.get("/monitoring/kennzahlen.json").json()
    assert data["format"] == "stadtgespraech-kennzahlen" and data["version"] == 1
    first = next(k for k in data["key_figures"] if k["kennzahl_id"] == figure.pk)
    assert [v["wert"] for v in first["werte"]] == ["19", "22.5"]
    assert first["zielwert"] == "30" and first["einheit"] == "%"
    documented = client.get("/monitoring/offene-daten/").content.decode()
    assert "<code>stichtag</code>" in documented and "dl-de/by-2-0" in documented


def test_the_open_data_keep_their_query_count(client, strategy, django_assert_max_num_queries):
    figure = strategy["figure"]
    KeyFigureValue.objects.bulk_create(
        KeyFigureValue(
            key_figure=figure,
            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=31 * i),
            value=i,
        )
        for i in range(120)
    )
    with django_assert_max_num_queries(6):
        b"".join(client.get("/monitoring/kennzahlen.csv").streaming_content)
    with django_assert_max_num_queries(6):
        client.get("/monitoring/kennzahlen.json")


def upload(client, content: str, name="werte.csv", encoding="utf-8"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/admin/berichte/import/",
        {"file": SimpleUploadedFile(name, content.encode(encoding), content_type="text/csv")},
    )


def test_values_saved_as_utf_16_are_read_too(client, reporter, strategy):
    # Excel's "Unicode-Text" is UTF-16; it used to end in a server error.
    figure = strategy["figure"]
    preview = upload(
        client,
        f"kennzahl_id\tstichtag\twert\teinheit\n{figure.pk}\t31.12.2023\t12,5\t%\n",
        encoding="utf-16",
    )
    assert preview.status_code == 200 and "1 Zeile ist in Ordnung." in preview.content.decode()


def test_values_with_nul_bytes_are_refused_with_a_reason(client, reporter, strategy):
    figure = strategy["figure"]
    preview = upload(client, f"kennzahl_id;stichtag;wert;quelle\n{figure.pk};2023-12-31;1;a\x00b\n")
    assert preview.status_code == 400 and "Nullzeichen" in preview.content.decode()


def test_values_are_imported_after_a_preview_and_a_confirm(client, reporter, strategy):
    figure = strategy["figure"]
    preview = upload(
        client,
        "kennzahl_id;stichtag;wert;einheit;quelle\n"
        f"{figure.pk};31.12.2023;12,5;%;Zählung\n"
        f"{figure.pk};2024-12-31;14;%;Zählung\n",
    )
    assert preview.status_code == 200 and "2 Zeilen sind in Ordnung." in preview.content.decode()
    assert not KeyFigureValue.objects.exists()  # nothing before the confirm
    done = client.post("/admin/berichte/import/bestaetigen/", follow=True)
    assert "2 Werte sind gemeldet." in done.content.decode()
    assert [str(v.value) for v in KeyFigureValue.objects.order_by("date")] == ["12.500", "14.000"]


def test_a_malformed_line_is_reported_with_its_number_and_nothing_is_saved(
    client, reporter, strategy
):
    figure, other = strategy["figure"], strategy["other"]
    future = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    preview = upload(
        client,
        "kennzahl_id,stichtag,wert,einheit\n"
        f"{figure.pk},2024-12-31,14,%\n"
        f"{figure.pk},gestern,14,%\n"
        f"{figure.pk},2024-12-31,14,km\n"
        f"{figure.pk},{future},14,%\n"
        f"{other.pk},2024-12-31,3,Anzahl\n"
        "999,2024-12-31,1,%\n",
    )
    page = preview.content.decode()
    assert preview.status_code == 400
    assert "5 Zeilen sind fehlerhaft; nichts wurde gespeichert." in page
    for number, message in [
        (3, "„gestern“ ist kein Datum"),
        (4, "Die Einheit „km“ passt nicht zur Kennzahl"),
        (5, "Der Stichtag liegt in der Zukunft."),
        (6, "Ihr Amt ist am Handlungsfeld „Wohnen“ nicht beteiligt."),
        (7, "Kennzahl „999“ gibt es nicht."),
    ]:
        assert f'<th scope="row">{number}</th>' in page and message in page
    confirm = client.post("/admin/berichte/import/bestaetigen/", follow=True)
    assert "Die Vorschau ist abgelaufen" in confirm.content.decode()
    assert not KeyFigureValue.objects.exists()


def test_an_import_without_the_value_column_is_refused_next_to_the_field(client, reporter):
    response = upload(client, "kennzahl_id;stichtag\n1;2024-12-31\n")
    assert response.status_code == 400
    assert "In der ersten Zeile fehlt die Spalte „wert“." in response.content.decode()


def test_offices_add_further_projects_and_the_lead_office_ranks_them(client, reporter, strategy):
    field = strategy["figure"].field
    url = f"/admin/berichte/feld/{field.pk}/projekte/"
    for name in ("Fahrradstraßen Nordstadt", "Abstellanlagen an Haltestellen"):
        client.post(url, {"name": name})
    further = {p.name: p for p in Project.objects.filter(field=field, strategic=False)}
    assert set(further) == {"Fahrradstraßen Nordstadt", "Abstellanlagen an Haltestellen"}
    assert all(p.office == strategy["office"] for p in further.values())
    twice = client.post(url, {"name": "fahrradstraßen nordstadt"})
    assert "schon ein Projekt mit diesem Namen" in twice.content.decode()

    first, second = further["Fahrradstraßen Nordstadt"], further["Abstellanlagen an Haltestellen"]
    rank = url + "rangfolge/"
    same = client.post(rank, {f"rang-{first.pk}": "1", f"rang-{second.pk}": "1"})
    assert same.status_code == 400
    assert "Jeder Rang darf nur einmal vergeben werden." in same.content.decode()
    # The refused order is shown as it was typed, to be corrected.
    assert f'name="rang-{second.pk}" value="1"' in same.content.decode()
    client.post(rank, {f"rang-{first.pk}": "2", f"rang-{second.pk}": "1"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.relevance_rank, second.relevance_rank) == (2, 1)


def test_an_office_that_only_takes_part_adds_projects_but_does_not_rank(client, strategy):
    field = strategy["figure"].field
    helper_office = Office.objects.create(number=66, name="Tiefbauamt")
    Participation.objects.create(office=helper_office, field=field, role="B")
    user = factories.UserFactory(roles=["Fachämter"])
    OfficeMembership.objects.create(user=user, office=helper_office)
    client.force_login(user)
    url = f"/admin/berichte/feld/{field.pk}/projekte/"
    client.post(url, {"name": "Radwege sanieren"})
    project = Project.objects.get(name="Radwege sanieren")
    assert project.office == helper_office
    refused = client.post(url + "rangfolge/", {f"rang-{project.pk}": "1"})
    assert "Die Rangfolge legt das federführende Amt" in refused.content.decode()
    project.refresh_from_db()
    assert project.relevance_rank is None


def test_milestones_are_planned_and_reached(client, reporter, strategy):
    project = strategy["project"]
    url = f"/admin/berichte/projekt/{project.pk}/"
    client.post(url + "meilenstein/", {"title": "Planfeststellung", "due": "2027-06-30"})
    milestone = project.milestones.get()
    assert milestone.title == "Planfeststellung" and milestone.reached is None
    client.post(url + f"meilenstein/{milestone.pk}/erreicht/")
    milestone.refresh_from_db()
    assert milestone.reached == timezone.localdate()
    # Who planned it and who marked it reached stay with it.
    assert milestone.created_by == reporter and milestone.reached_by == reporter
    assert reporter.email in client.get(url).content.decode()
    missing = client.post(url + "meilenstein/", {"title": "", "due": ""})
    assert missing.status_code == 400 and "Dieses Feld muss ausgefüllt werden." in (
        missing.content.decode()
    )


def test_the_drill_down_goes_from_goal_to_field_to_project_and_key_figure(client, strategy):
    from umsetzung.models import Milestone

    figure, project = strategy["figure"], strategy["project"]
    ProjectReport.objects.create(project=project, state="running", progress=40)
    Milestone.objects.create(
        project=project, title="Planfeststellung", due=datetime.date(2027, 6, 30)
    )
    dashboard = client.get("/monitoring/").content.decode()
    assert f'href="/strategie/handlungsfelder/{figure.field.slug}/"' in dashboard
    field_page = client.get(f"/strategie/handlungsfelder/{figure.field.slug}/").content.decode()
    assert "Radwall" in field_page and "läuft, 40 % umgesetzt" in field_page
    assert "Planfeststellung: geplant bis 30. Juni 2027" in field_page
    assert f"/monitoring/kennzahlen/{figure.pk}/" in field_page


def test_a_new_report_shows_at_once_although_the_pages_are_cached(client, reporter, strategy):
    figure = strategy["figure"]
    assert "keine Daten" in client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
    client.get("/monitoring/")  # both pages now in the cache
    report(client, figure, value="25")
    assert (
        "Zuletzt gemeldet: 25 %"
        in client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
    )
    assert "25 %" in client.get("/monitoring/").content.decode()


def test_a_key_figure_name_is_escaped_in_the_cached_page_title(client, strategy):
    figure = strategy["figure"]
    figure.name = "<script>alert(1)</script>"
    figure.save()
    for _ in range(2):  # built, then from the cache
        page = client.get(f"/monitoring/kennzahlen/{figure.pk}/").content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_project_page_opens_without_errors_before_anything_is_typed(client, reporter, strategy):
    page = client.get(f"/admin/berichte/projekt/{strategy['project'].pk}/")
    assert page.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." not in page.content.decode()


@pytest.mark.parametrize(
    "address",
    ["projekt/{project}/meilenstein/", "import/bestaetigen/", "feld/{field}/projekte/rangfolge/"],
)
def test_each_reporting_action_has_its_own_address_that_answers_only_a_post(
    client, reporter, strategy, address
):
    project = strategy["project"]
    url = "/admin/berichte/" + address.format(project=project.pk, field=project.field_id)
    assert client.get(url).status_code == 405
