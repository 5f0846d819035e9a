"""The strategy model as a JSON file (export, import, round trip) and the matrix as CSV."""

import copy
import json

import pytest

from strategie.interchange import check_model, export_model, import_model
from strategie.models import Goal, KeyFigure, Participation, Project
from tests import factories

from .test_strategy_pages import build

pytestmark = pytest.mark.django_db
IMPORT = "/admin/strategie-import/"


def upload(client, data, name="modell.json"):
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return client.post(IMPORT, {"file": _named(content, name)})


def _named(content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/json")


def test_export_then_import_changes_nothing(strategist, client):
    build()
    KeyFigure.objects.filter(name="Kennzahl 1.0").update(
        baseline_value="12.500", target_value="100", unit="%"
    )
    before = export_model()
    response = upload(client, before)
    assert response.status_code == 302
    assert export_model() == before


def test_an_import_can_rename_reorder_and_remove(strategist, client):
    build()
    data = export_model()
    changed = copy.deepcopy(data)
    # Swap the names of the two goals and drop one project and one matrix cell.
    first, second = changed["goals"]
    first["name"], second["name"] = second["name"], first["name"]
    first["fields"][0]["projects"] = []
    changed["matrix"] = changed["matrix"][1:]
    assert upload(client, changed).status_code == 302
    assert Goal.objects.get(number=1).name == "Ziel Nummer 2"
    assert Project.objects.count() == 3
    assert Participation.objects.count() == len(data["matrix"]) - 1
    assert export_model() == changed


def test_a_malformed_file_names_every_problem_with_its_place_and_changes_nothing(
    strategist, client
):
    build()
    before = export_model()
    broken = copy.deepcopy(before)
    broken["goals"][0]["fields"][0]["name"] = ""
    broken["goals"][1]["number"] = "zwei"
    broken["goals"][0]["fields"][1]["key_figures"][0]["target_value"] = "viel"
    broken["goals"][0]["fields"][1]["projects"].append({"name": "X", "strategic": True})
    broken["matrix"][0]["role"] = "Z"
    broken["matrix"][1]["office"] = "999"
    response = upload(client, broken)
    html = response.content.decode()
    assert response.status_code == 400
    for place in (
        "goals[0].fields[0].name: ist leer",
        "goals[1].number: hat die falsche Art",
        "goals[0].fields[1].key_figures[0].target_value: ist keine Zahl",
        "goals[0].fields[1].projects: mehr als ein strategisches Projekt",
        "matrix[0].role:",
        "matrix[1].office: Amt „999“ steht nicht in offices",
    ):
        assert place in html, place
    assert export_model() == before


@pytest.mark.parametrize(
    "content,message",
    [
        (b"{kein json", "kein gültiges JSON"),
        (b"x" * (2 * 1024 * 1024 + 1), "höchstens 2048 KB"),
    ],
)
def test_an_unreadable_or_too_large_file_is_refused_next_to_the_field(
    strategist, client, content, message
):
    response = upload(client, content)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_file_of_another_kind_is_refused():
    _clean, problems = check_model({"format": "etwas anderes", "version": 7})
    assert problems == ["format: erwartet „stadtgespraech-strategie“", "version: erwartet 1"]


def test_only_the_strategy_team_imports(client):
    build()
    client.force_login(factories.UserFactory(roles=["Redaktion"]))
    assert upload(client, export_model()).status_code in (302, 403)
    assert client.get(IMPORT).status_code in (302, 403)


def test_the_model_and_the_matrix_are_open_for_download(client):
    build()
    data = json.loads(client.get("/strategie/stadtstrategie.json").content)
    assert data["format"] == "stadtgespraech-strategie" and len(data["goals"]) == 2
    rows = client.get("/strategie/matrix.csv").content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Amt;Name;Feld 1.0;Feld 1.1")
    assert rows[1].startswith("10;Amt 0;F;")
    assert len(rows) == 1 + 3


def test_import_model_reports_what_it_stored():
    build()
    clean, problems = check_model(export_model())
    assert problems == []
    assert import_model(clean) == {
        "goals": 2,
        "fields": 4,
        "projects": 4,
        "key_figures": 4,
        "offices": 3,
        "matrix": Participation.objects.count(),
    }
