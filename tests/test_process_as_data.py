"""The process is data, kept in cms: its stages say what they do (workshops, conference,
council decision, implementation) and on what (Ausgangsbilder, Zielbilder). Every other app
asks cms for a stage by what it does, never by its number, so that a city can run its process
with five stages, or in another order, without changing code."""

import ast
import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.process import process_stages
from cms.stages import MAX_STAGES, StageKind, StageSubject
from config.refusals import Refused
from konferenzen.models import Conference
from participation.models import Proposal
from tests import factories
from tests.sources import ROOT, nodes

# Five stages, the example: no second conference; the council decides on the
# Zielbilder directly.
NO_SECOND_CONFERENCE = (
    (StageKind.WORKSHOPS, StageSubject.AUSGANGSBILD),
    (StageKind.CONFERENCE, StageSubject.AUSGANGSBILD),
    (StageKind.WORKSHOPS, StageSubject.ZIELBILD),
    (StageKind.COUNCIL_DECISION, ""),
    (StageKind.IMPLEMENTATION, ""),
)
# Five stages in which every number but the first means something else than in the usual six.
NO_FIRST_CONFERENCE = (
    (StageKind.WORKSHOPS, StageSubject.AUSGANGSBILD),
    (StageKind.WORKSHOPS, StageSubject.ZIELBILD),
    (StageKind.CONFERENCE, StageSubject.ZIELBILD),
    (StageKind.COUNCIL_DECISION, ""),
    (StageKind.IMPLEMENTATION, ""),
)


def number_of(kind, subject=""):
    return next(
        stage.number
        for stage in process_stages()
        if stage.kind == kind and stage.subject == subject
    )


# --- No app but cms names a stage by its number --------------------------------------------

STAGE = re.compile(r"stage|stufe", re.IGNORECASE)
GERMAN_STAGE_NUMBER = re.compile(r"\bStufen? [1-9]")
TEMPLATE_STAGE_NUMBER = re.compile(
    r"(stage|stufe)[\w.]*\s*(==|!=|<=|>=|<|>)\s*[1-9]|\bStufen? [1-9]", re.IGNORECASE
)


def is_stage_number(node) -> bool:
    return (
        isinstance(node, ast.Constant) and type(node.value) is int and 1 <= node.value <= MAX_STAGES
    )


def stage_number_literals(path: str, node: ast.AST) -> list[str]:
    """Where `node` writes a stage's number: `filter(stage=4)`, `stage == 3`,
    `STAGE_OF_KIND = {"zielbild": 3}`, `stage_status(6)`, `{"stage": 2}`, "Stufe 4"."""
    if isinstance(node, ast.keyword):
        hit = bool(node.arg and STAGE.search(node.arg)) and is_stage_number(node.value)
    elif isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        hit = any(map(is_stage_number, operands)) and any(
            STAGE.search(ast.unparse(operand)) for operand in operands
        )
    elif isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        hit = (
            node.value is not None
            and any(STAGE.search(ast.unparse(target)) for target in targets)
            and any(is_stage_number(inner) for inner in ast.walk(node.value))
        )
    elif isinstance(node, ast.Call):
        hit = bool(STAGE.search(ast.unparse(node.func))) and any(map(is_stage_number, node.args))
    elif isinstance(node, ast.Dict):
        hit = any(
            isinstance(key, ast.Constant)
            and STAGE.search(str(key.value))
            and is_stage_number(value)
            for key, value in zip(node.keys, node.values, strict=True)
        )
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        hit = bool(GERMAN_STAGE_NUMBER.search(node.value))
    else:
        hit = False
    return [f"{path}:{getattr(node, 'lineno', '?')} {ast.unparse(node)[:80]}"] if hit else []


def app_literals(apps) -> list[str]:
    return [
        hit
        for path, node in nodes(apps)
        if "/migrations/" not in path and not is_docstring(path, node)
        for hit in stage_number_literals(path, node)
    ]


_DOCSTRINGS: dict[str, set[int]] = {}


def is_docstring(path: str, node: ast.AST) -> bool:
    """Docstrings may tell of the usual six stages; code may not count on them."""
    if not isinstance(node, ast.Constant):
        return False
    if path not in _DOCSTRINGS:
        tree = ast.parse((ROOT / path).read_text())
        _DOCSTRINGS[path] = {
            holder.body[0].lineno
            for holder in ast.walk(tree)
            if isinstance(
                holder, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
            )
            and holder.body
            and isinstance(holder.body[0], ast.Expr)
            and isinstance(holder.body[0].value, ast.Constant)
            and isinstance(holder.body[0].value.value, str)
        }
    return node.lineno in _DOCSTRINGS[path] and isinstance(node.value, str)


OTHER_APPS = [
    "accounts",
    "outbox",
    "participation",
    "konferenzen",
    "zielbilder",
    "ratsvorlage",
    "config",
]


def test_no_app_but_cms_writes_a_stage_number_in_its_code():
    assert app_literals(OTHER_APPS) == []


def test_no_template_but_cms_writes_a_stage_number():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}"
        for path in (ROOT / "templates").rglob("*.html")
        if "cms" not in path.relative_to(ROOT / "templates").parts[:1]
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if TEMPLATE_STAGE_NUMBER.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "code",
    [
        "Conference.objects.filter(stage=4)",
        "STAGE_OF_KIND = {'ausgangsbild': 1, 'zielbild': 3}",
        "AGREEING_STAGE = 4",
        "if conference.stage != 4: pass",
        "if status.stage.number == 6: pass",
        "stage_status(3)",
        "spec = {'stage': 2}",
        "message = _('Den Katalog beschließt die Stadtkonferenz der Stufe 4.')",
    ],
)
def test_the_rule_finds_a_stage_number_however_it_is_written(code):
    assert [hit for node in ast.walk(ast.parse(code)) for hit in stage_number_literals("x", node)]


@pytest.mark.parametrize(
    "code",
    ["Goal(number=1)", "page_number = 1", "if round_number > 1: pass", "'Stufe %(number)d'"],
)
def test_the_rule_leaves_other_numbers_alone(code):
    assert not [
        hit for node in ast.walk(ast.parse(code)) for hit in stage_number_literals("x", node)
    ]


# --- A process of five stages works ----------------------------------------------------------


@pytest.fixture
def five_stages(db, today):
    return factories.process_with_stages(
        today=today, running=3, consultation=(3,), stages=NO_SECOND_CONFERENCE
    )


def test_the_pages_count_the_stages_the_process_has(client, five_stages):
    factories.theme_page()
    assert "Stufe 3 von 5 läuft" in client.get("/").content.decode()
    assert "Stufe 3 von 5" in client.get("/stadtgespraech/stufe-3/").content.decode()


@pytest.mark.parametrize(
    "stages, collecting", [(NO_SECOND_CONFERENCE, 3), (NO_FIRST_CONFERENCE, 2)], ids=str
)
def test_a_citizens_proposal_belongs_to_the_stage_that_collects_its_kind(
    client, citizen, today, stages, collecting
):
    factories.process_with_stages(
        today=today, running=collecting, consultation=(collecting,), stages=stages
    )
    theme = factories.theme_page().theme
    client.force_login(citizen)
    response = client.post(
        f"/beteiligung/themen/{theme.slug}/vorschlagen/",
        {
            "kind": "zielbild",
            "text": "Bus und Bahn fahren 2030 alle zehn Minuten.",
            "action": "einreichen",
        },
    )
    assert response.status_code == 302
    assert Proposal.objects.get().stage == collecting
    # The theme page filters by the stages that collect statements, as the process has them.
    html = client.get(f"/themen/{theme.slug}/").content.decode()
    assert f'<option value="{collecting}">Stufe {collecting}: Zielbilder</option>' in html


def test_the_councils_adoption_begins_the_implementation_whatever_its_number(
    five_stages, django_capture_on_commit_callbacks
):
    from ratsvorlage.decision import record_decision

    version = factories.paper_version(state="published")
    with django_capture_on_commit_callbacks(execute=True):
        record_decision(version=version, meeting_date=timezone.localdate(), outcome="adopted")
    states = {stage.number: stage.state for stage in process_stages()}
    assert states[5] == "running" and states[4] == "closed"
    assert states[3] == "running"  # stages further back are the editors' to close


def test_without_a_conference_on_the_zielbilder_no_catalogue_is_agreed(five_stages):
    from zielbilder.catalogue import agree_catalogue

    conference = Conference(stage=2, starts_at=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(Refused, match="verständigt sich keine Stadtkonferenz auf die Zielbilder"):
        agree_catalogue(conference=conference, agreed_on=timezone.localdate())


def test_the_catalogue_is_agreed_by_the_conference_on_the_zielbilder(db, today):
    from zielbilder.catalogue import agree_catalogue

    factories.process_with_stages(today=today, running=3, stages=NO_FIRST_CONFERENCE)
    wrong = Conference(stage=2, starts_at=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(Refused, match="Stadtkonferenz der Stufe 3"):
        agree_catalogue(conference=wrong, agreed_on=timezone.localdate())


def test_a_conference_belongs_to_a_conference_stage(five_stages):
    now = timezone.now()
    conference = Conference(
        title="Konferenz",
        slug="konferenz",
        stage=number_of(StageKind.COUNCIL_DECISION),
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=6),
        venue_name="Rathaus",
        venue_address="Friedensplatz 1",
        capacity=10,
        registration_opens=now - datetime.timedelta(days=5),
        registration_closes=now - datetime.timedelta(days=1),
        contact_email="konferenzteam@example.org",
    )
    with pytest.raises(ValidationError) as refused:
        conference.full_clean()
    assert refused.value.message_dict["stage"] == [
        "Stufe 4 ist keine Stadtkonferenz. Stadtkonferenzen dieses Prozesses: Stufe 2."
    ]
    conference.stage = number_of(StageKind.CONFERENCE, StageSubject.AUSGANGSBILD)
    conference.full_clean()
