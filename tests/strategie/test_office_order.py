"""Offices appear in the order of their numbers as numbers – 3, 5, 10, 11, 51, 100 – in the
matrix, its CSV download, its filter and the admin's list, never as text (10, 100, 11, 3)."""

import re

import pytest

from strategie.models import FieldOfAction, Goal, Office, Participation
from tests import factories

pytestmark = pytest.mark.django_db

NUMBERS = ["51", "100", "3", "11", "10", "5"]  # created in this order, on purpose
IN_ORDER = ["3", "5", "10", "11", "51", "100"]


@pytest.fixture
def offices():
    goal = Goal.objects.create(number=1, name="Dortmund wird einfacher")
    field = FieldOfAction.objects.create(goal=goal, name="Smart City", slug="smart-city")
    for number in NUMBERS:
        office = Office.objects.create(number=number, name=f"Amt {number}")
        Participation.objects.create(office=office, field=field, role="B")


def test_the_matrix_lists_the_offices_by_number(client, offices):
    html = client.get("/strategie/matrix/").content.decode()
    rows = re.findall(r'<th scope="row" class="kern-table__header" lang="de">(\d+) – ', html)
    assert rows == IN_ORDER


def test_the_matrix_filter_offers_the_offices_by_number(client, offices):
    html = client.get("/strategie/matrix/").content.decode()
    options = re.findall(r"<option value=\"\d+\"[^>]*>(\d+) – ", html)
    assert options == IN_ORDER


def test_the_csv_download_lists_the_offices_by_number(client, offices):
    lines = client.get("/strategie/matrix.csv").content.decode("utf-8-sig").splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == IN_ORDER


def test_the_admin_lists_the_offices_by_number_also_when_sorted_by_the_column(client, offices):
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    for query, expected in (("", IN_ORDER), ("?ordering=-number", IN_ORDER[::-1])):
        html = client.get(f"/admin/snippets/strategie/office/{query}").content.decode()
        listed = re.findall(r"Weitere Optionen für &#x27;(\d+) – Amt", html)
        assert listed == expected, query


def test_a_field_lists_its_offices_by_number(client, offices):
    html = client.get("/strategie/handlungsfelder/smart-city/").content.decode()
    assert re.findall(r"(\d+) – Amt \1", html) == IN_ORDER
