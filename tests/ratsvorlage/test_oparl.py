"""The OParl 1.1 endpoint: every object valid against the specification's schemas, and the
rules the schemas do not express (tests/oparl_schema/README.md)."""

import datetime
import hashlib
import json
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ratsvorlage.compilation import publish
from ratsvorlage.models import CouncilDecision, PaperVersion, VersionState

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "oparl_schema"
ROOT = "/oparl/v1.1/"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
JSON = "application/json; charset=utf-8"
UTC = datetime.UTC
T0 = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LIST_PATHS = [
    "bodies/",
    "body/1/organizations/",
    "body/1/persons/",
    "body/1/meetings/",
    "body/1/papers/",
    "body/1/legislative-terms/",
    "body/1/agenda-items/",
    "body/1/consultations/",
    "body/1/files/",
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- data -----------------------------------------------------------------------------------


def make_version(number: int, *, state=VersionState.PUBLISHED, at=T0) -> PaperVersion:
    pdf = b"%PDF-1.7\n% Ratsvorlage " + str(number).encode()
    docx = b"PK\x03\x04 Ratsvorlage " + str(number).encode()
    version = PaperVersion(
        number=number,
        paper_number=f"{number:04d}/2026",
        title=f"Stadtstrategie Dortmund 2035, Fassung {number}",
        proposed_resolution="Der Rat beschließt die Stadtstrategie.",
        state=state,
        created_at=at,
        published_at=at + datetime.timedelta(hours=1) if state == VersionState.PUBLISHED else None,
        pdf_sha512=hashlib.sha512(pdf).hexdigest(),
        pdf_size=len(pdf),
        docx_sha512=hashlib.sha512(docx).hexdigest(),
        docx_size=len(docx),
    )
    version.pdf.save(f"ratsvorlage-{number}.pdf", ContentFile(pdf), save=False)
    version.docx.save(f"ratsvorlage-{number}.docx", ContentFile(docx), save=False)
    version.save()
    return version


def decide(version, day: datetime.date, outcome="adopted", changes="") -> CouncilDecision:
    return CouncilDecision.objects.create(
        version=version, meeting_date=day, outcome=outcome, changes=changes, votes_yes=50
    )


def build(papers: int = 3, decided: int = 2) -> list[PaperVersion]:
    """`papers` published versions a day apart, a draft, and decisions about the first
    `decided` versions, two per meeting."""
    versions = [make_version(n, at=T0 + datetime.timedelta(days=n)) for n in range(1, papers + 1)]
    make_version(papers + 1, state=VersionState.DRAFT)
    for index, version in enumerate(versions[:decided]):
        day = datetime.date(2026, 4, 1) + datetime.timedelta(weeks=index // 2)
        decide(version, day, "adopted_with_changes" if index % 2 else "postponed", _changes(index))
    return versions


def _changes(index: int) -> str:
    return "Ziffer 3 wird gestrichen." if index % 2 else ""


# --- client and schemas ---------------------------------------------------------------------


def path_of(url: str) -> str:
    assert url.startswith(settings.BASE_URL + ROOT), url
    return url.removeprefix(settings.BASE_URL)


def get(client, url: str, status: int = 200):
    response = client.get(path_of(url) if url.startswith("http") else url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*", url
    assert response["Content-Type"] == JSON, url
    return response.json()


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text())


def validate(obj: dict, type_name: str | None = None) -> None:
    """The object against its schema, and each embedded object against its own: the
    schemas name those with a "schema" keyword jsonschema does not know."""
    type_name = type_name or obj["type"].removeprefix(TYPE_PREFIX)
    assert obj["type"] == TYPE_PREFIX + type_name
    definition = schema(type_name)
    validator = jsonschema.validators.validator_for(definition, default=jsonschema.Draft4Validator)
    validator(definition).validate(obj)
    check_rules(obj, definition)
    for key, spec in definition["properties"].items():
        for embedded in _embedded(obj.get(key), spec):
            validate(embedded, spec.get("schema", spec.get("items", {}).get("schema"))[:-5])


def _embedded(value, spec: dict) -> list[dict]:
    if isinstance(value, dict) and "schema" in spec:
        return [value]
    if isinstance(value, list) and "schema" in spec.get("items", {}):
        return [item for item in value if isinstance(item, dict)]
    return []


def check_rules(obj: dict, definition: dict) -> None:
    assert obj["id"].startswith(settings.BASE_URL + ROOT)
    created, modified = _instant(obj["created"]), _instant(obj["modified"])
    assert created.tzinfo is not None and modified.tzinfo is not None, obj["id"]
    assert modified >= created, obj["id"]
    for key, value in obj.items():
        assert value is not None and value != "", (obj["id"], key)
        assert value != [] or key in definition["required"], (obj["id"], key)


def _instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def oparl_urls(value) -> set[str]:
    prefix = settings.BASE_URL + ROOT
    if isinstance(value, str):
        return {value} if value.startswith(prefix) else set()
    if isinstance(value, dict):
        return set().union(*(oparl_urls(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(oparl_urls(item) for item in value))
    return set()


def walk(client) -> dict[str, dict]:
    """Everything reachable from the System object, each object and list page validated."""
    seen: dict[str, dict] = {}
    todo = [settings.BASE_URL + ROOT]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        answer = seen[url] = get(client, url)
        if "pagination" in answer:
            check_list(answer, url)
            for item in answer["data"]:
                validate(item)
        else:
            validate(answer)
            assert answer["id"] == url
        todo += sorted(oparl_urls(answer) - seen.keys())
    return seen


def check_list(answer: dict, url: str) -> None:
    assert set(answer) == {"data", "pagination", "links"}
    pagination, links = answer["pagination"], answer["links"]
    assert pagination["elementsPerPage"] == 20
    assert {"first", "last", "self"} <= set(links)
    assert links["self"] == url or "page" not in url
    assert ("next" in links) == (pagination["currentPage"] < pagination["totalPages"])
    assert ("prev" in links) == (pagination["currentPage"] > 1)
    ids = [item["id"] for item in answer["data"]]
    assert len(ids) == len(set(ids))


def list_items(client, path: str) -> list[dict]:
    """All items of a list, page after page."""
    items, url = [], ROOT + path
    while url:
        page = get(client, url)
        items += page["data"]
        url = page["links"].get("next")
    return items


def ids(items: list[dict]) -> list[str]:
    return [item["id"].removeprefix(settings.BASE_URL + ROOT) for item in items]


# --- the whole API --------------------------------------------------------------------------


def test_every_object_reachable_from_the_system_is_valid(client):
    build(papers=23, decided=3)
    seen = walk(client)
    kinds = Counter(
        answer.get("type", "list").removeprefix(TYPE_PREFIX) for answer in seen.values()
    )
    assert kinds["System"] == 1 and kinds["Body"] == 1 and kinds["Organization"] == 1
    assert kinds["Paper"] == 23
    assert kinds["File"] == 46
    assert kinds["Meeting"] == 2
    assert kinds["AgendaItem"] == 3 and kinds["Consultation"] == 3
    paper_pages = {
        page["pagination"]["currentPage"] for url, page in seen.items() if "/papers/" in url
    }
    assert paper_pages == {1, 2}, "23 papers fill two pages, and the walk follows links.next"
    listed = [item for answer in seen.values() for item in answer.get("data", [])]
    assert all(item == seen[item["id"]] for item in listed), "a list shows the objects as they are"


def test_the_system_and_the_body(client):
    system = get(client, ROOT)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert system["body"] == settings.BASE_URL + ROOT + "bodies/"
    assert system["license"].startswith("https://")
    body = get(client, system["body"])["data"][0]
    assert body == get(client, body["id"])
    assert body["id"] == settings.BASE_URL + ROOT + "body/1/"
    assert body["name"] == settings.COUNCIL_BODY_NAME
    assert body["shortName"] == settings.COUNCIL_BODY_SHORT_NAME
    assert body["ags"] == settings.COUNCIL_BODY_AGS
    assert body["legislativeTerm"] == []
    for key in ("organization", "person", "meeting", "paper", "legislativeTermList", "file"):
        assert get(client, body[key])["data"] == []


def test_persons_and_legislative_terms_are_empty_lists(client):
    build()
    for path in ("body/1/persons/", "body/1/legislative-terms/"):
        answer = get(client, ROOT + path)
        assert answer["data"] == []
        assert answer["pagination"]["totalElements"] == 0
        assert answer["pagination"]["totalPages"] == 1


def test_a_paper_with_its_files_and_its_consultation(client):
    versions = build(papers=2, decided=2)
    paper = get(client, ROOT + "paper/2/")
    assert paper["name"] == versions[1].title
    assert paper["reference"] == "0002/2026"
    assert paper["paperType"] == "Beschlussvorlage"
    assert paper["date"] == timezone.localdate(versions[1].created_at).isoformat()
    main = paper["mainFile"]
    assert main["id"] == settings.BASE_URL + ROOT + "file/2-pdf/"
    assert main["mimeType"] == "application/pdf"
    assert main["size"] == versions[1].pdf_size
    assert main["sha512Checksum"] == versions[1].pdf_sha512
    assert main["fileName"] == "ratsvorlage-0002-2026-fassung-2.pdf"
    assert "paper" not in main, "no back reference in an embedded file"
    (docx,) = paper["auxiliaryFile"]
    assert docx["mimeType"].endswith("wordprocessingml.document")
    standalone = get(client, main["id"])
    assert standalone["paper"] == [paper["id"]]
    assert {k: v for k, v in standalone.items() if k != "paper"} == main
    (consultation,) = paper["consultation"]
    assert consultation["authoritative"] is True
    assert consultation["role"] == "Beschlussfassung"
    assert consultation["organization"] == [settings.BASE_URL + ROOT + "organization/1/"]
    assert get(client, consultation["id"])["paper"] == paper["id"]


def test_a_meeting_with_its_agenda_items(client):
    versions = build(papers=3, decided=2)
    decide(versions[2], datetime.date(2026, 4, 1), "adopted")
    meeting = get(client, ROOT + "meeting/2026-04-01/")
    assert meeting["name"] == "Sitzung des Rates am 01.04.2026"
    assert meeting["start"].startswith("2026-04-01T00:00:00+02:00")
    assert meeting["organization"] == [settings.BASE_URL + ROOT + "organization/1/"]
    first, second, third = meeting["agendaItem"]
    assert [item["number"] for item in meeting["agendaItem"]] == ["1", "2", "3"]
    assert [item["order"] for item in meeting["agendaItem"]] == [1, 2, 3]
    assert first["result"] == "vertagt" and "resolutionText" not in first
    assert second["result"] == "mit Änderungen beschlossen"
    assert second["resolutionText"] == "Ziffer 3 wird gestrichen."
    assert third["name"] == versions[2].title and third["public"] is True
    assert "meeting" not in first, "no back reference in an embedded agenda item"
    standalone = get(client, second["id"])
    assert standalone["meeting"] == meeting["id"]
    assert {k: v for k, v in standalone.items() if k != "meeting"} == second
    consultation = get(client, second["consultation"])
    assert consultation["agendaItem"] == second["id"]
    assert consultation["meeting"] == meeting["id"]
    assert consultation["paper"] == settings.BASE_URL + ROOT + "paper/2/"


def test_the_files_answer_inline_and_as_a_download(client):
    build(papers=1, decided=0)
    file = get(client, ROOT + "file/1-pdf/")
    version = PaperVersion.objects.get(number=1)
    inline = client.get(file["accessUrl"].removeprefix(settings.BASE_URL))
    assert inline.status_code == 200
    assert "attachment" not in inline.get("Content-Disposition", "")
    body = b"".join(inline.streaming_content) if inline.streaming else inline.content
    assert hashlib.sha512(body).hexdigest() == version.pdf_sha512
    download = client.get(file["downloadUrl"].removeprefix(settings.BASE_URL))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert f'filename="{file["fileName"]}"' in download["Content-Disposition"]


def test_the_paper_links_its_web_page(client):
    build(papers=1, decided=0)
    paper = get(client, ROOT + "paper/1/")
    assert client.get(paper["web"].removeprefix(settings.BASE_URL)).status_code == 200


# --- visibility -----------------------------------------------------------------------------


def test_drafts_and_what_belongs_to_them_never_appear(client):
    build(papers=2, decided=0)
    draft = PaperVersion.objects.get(state=VersionState.DRAFT)
    decide(draft, datetime.date(2026, 5, 6))
    for number, state in ((98, VersionState.COMPILING), (99, VersionState.FAILED)):
        PaperVersion.objects.create(number=number, paper_number="x", title="x", state=state)
    assert ids(list_items(client, "body/1/papers/")) == ["paper/1/", "paper/2/"]
    files = ["file/1-pdf/", "file/1-docx/", "file/2-pdf/", "file/2-docx/"]
    assert ids(list_items(client, "body/1/files/")) == files
    for path in ("body/1/meetings/", "body/1/agenda-items/", "body/1/consultations/"):
        assert list_items(client, path) == []
    for path in (
        f"paper/{draft.number}/",
        f"file/{draft.number}-pdf/",
        f"file/{draft.number}-docx/",
        "paper/98/",
        "paper/99/",
        "meeting/2026-05-06/",
        f"agenda-item/{draft.decisions.get().pk}/",
        f"consultation/{draft.decisions.get().pk}/",
        "organization/1/",
    ):
        assert get(client, ROOT + path, status=404)["status"] == 404


def test_the_council_and_its_meetings_appear_with_the_first_decision(client):
    (version,) = build(papers=1, decided=0)
    body = get(client, ROOT + "body/1/")
    assert "mainOrganization" not in body
    for path in ("body/1/organizations/", "body/1/meetings/", "body/1/agenda-items/"):
        assert list_items(client, path) == []
    assert list_items(client, "body/1/consultations/") == []
    assert "consultation" not in get(client, ROOT + "paper/1/")
    for path in ("organization/1/", "organization/1/meetings/", "organization/1/consultations/"):
        get(client, ROOT + path, status=404)

    decision = decide(version, datetime.date(2026, 4, 1))
    body = get(client, ROOT + "body/1/")
    assert body["mainOrganization"] == settings.BASE_URL + ROOT + "organization/1/"
    (council,) = list_items(client, "body/1/organizations/")
    assert council == get(client, ROOT + "organization/1/")
    assert council["name"] == settings.COUNCIL_NAME
    assert council["organizationType"] == "Gremium" and council["classification"] == "Rat"
    assert ids(list_items(client, "body/1/meetings/")) == ["meeting/2026-04-01/"]
    assert ids(list_items(client, "organization/1/meetings/")) == ["meeting/2026-04-01/"]
    assert ids(list_items(client, "body/1/agenda-items/")) == [f"agenda-item/{decision.pk}/"]
    consultations = [f"consultation/{decision.pk}/"]
    assert ids(list_items(client, "body/1/consultations/")) == consultations
    assert ids(list_items(client, "organization/1/consultations/")) == consultations
    assert ids(get(client, ROOT + "paper/1/")["consultation"]) == consultations


# --- lists ----------------------------------------------------------------------------------


def test_a_long_list_has_pages_with_links(client):
    build(papers=45, decided=0)
    first = get(client, ROOT + "body/1/papers/")
    assert first["pagination"] == {
        "totalElements": 45,
        "elementsPerPage": 20,
        "currentPage": 1,
        "totalPages": 3,
    }
    assert len(first["data"]) == 20 and "prev" not in first["links"]
    second = get(client, first["links"]["next"])
    assert second["pagination"]["currentPage"] == 2
    assert second["links"]["prev"] == first["links"]["self"]
    last = get(client, second["links"]["next"])
    assert last["links"]["self"] == first["links"]["last"]
    assert len(last["data"]) == 5 and "next" not in last["links"]
    numbers = [int(i.split("/")[-2]) for i in ids(first["data"] + second["data"] + last["data"])]
    assert numbers == list(range(1, 46)), "every paper once, in a stable order"
    files = list_items(client, "body/1/files/")
    assert len(files) == 90 and len({file["id"] for file in files}) == 90


def test_the_page_links_keep_the_filters(client):
    build(papers=25, decided=0)
    answer = get(client, ROOT + "body/1/papers/?modified_since=2020-01-01T00:00:00%2B01:00")
    query = parse_qs(urlsplit(answer["links"]["next"]).query)
    assert query == {"modified_since": ["2020-01-01T00:00:00+01:00"], "page": ["2"]}


@pytest.mark.parametrize("page", ["0", "-1", "zwei", "", "²", "9" * 30])
def test_a_malformed_page_is_a_bad_request(client, page):
    assert get(client, f"{ROOT}body/1/papers/?page={page}", status=400)["status"] == 400


def test_a_page_past_the_last_is_not_found(client):
    build(papers=3, decided=0)
    get(client, ROOT + "body/1/papers/?page=1")
    get(client, ROOT + "body/1/papers/?page=2", status=404)


def _set_times(number: int, created: datetime.datetime, modified: datetime.datetime) -> None:
    PaperVersion.objects.filter(number=number).update(
        created_at=created, published_at=created, modified_at=modified
    )


def test_each_filter_selects_by_created_and_modified(client):
    build(papers=3, decided=0)
    march = datetime.datetime(2026, 3, 1, tzinfo=UTC)
    _set_times(1, march, march + datetime.timedelta(days=30))
    _set_times(2, march + datetime.timedelta(days=10), march + datetime.timedelta(days=10))
    _set_times(3, march + datetime.timedelta(days=20), march + datetime.timedelta(days=20))
    cases = {
        "created_since=2026-03-05T00:00:00Z": ["paper/2/", "paper/3/"],
        "created_until=2026-03-15T00:00:00%2B01:00": ["paper/1/", "paper/2/"],
        "modified_since=2026-03-25T00:00:00Z": ["paper/1/"],
        "modified_until=2026-03-25T00:00:00Z": ["paper/2/", "paper/3/"],
        "created_since=2026-03-05T00:00:00Z&modified_until=2026-03-25T00:00:00Z": [
            "paper/2/",
            "paper/3/",
        ],
        # Naive times are the city's; an unencoded "+" arrives as a space.
        "created_since=2026-03-11T00:00:00": ["paper/2/", "paper/3/"],
        "created_since=2026-03-11T02:00:00+01:00": ["paper/3/"],
    }
    for query, expected in cases.items():
        answer = get(client, f"{ROOT}body/1/papers/?{query}")
        assert ids(answer["data"]) == expected, query
        files = get(client, f"{ROOT}body/1/files/?{query}")["data"]
        assert {f["paper"][0] for f in files} == {settings.BASE_URL + ROOT + e for e in expected}


def test_filters_apply_to_decisions_meetings_and_the_council(client):
    versions = build(papers=2, decided=0)
    early = decide(versions[0], datetime.date(2026, 4, 1))
    late = decide(versions[1], datetime.date(2026, 5, 6))
    CouncilDecision.objects.filter(pk=early.pk).update(
        recorded_at=datetime.datetime(2026, 4, 1, 18, tzinfo=UTC),
        modified_at=datetime.datetime(2026, 4, 1, 18, tzinfo=UTC),
    )
    since = "created_since=2026-04-15T00:00:00Z"
    assert ids(get(client, f"{ROOT}body/1/agenda-items/?{since}")["data"]) == [
        f"agenda-item/{late.pk}/"
    ]
    assert ids(get(client, f"{ROOT}body/1/consultations/?{since}")["data"]) == [
        f"consultation/{late.pk}/"
    ]
    assert ids(get(client, f"{ROOT}body/1/meetings/?{since}")["data"]) == ["meeting/2026-05-06/"]
    until = "modified_until=2026-04-15T00:00:00Z"
    assert ids(get(client, f"{ROOT}body/1/meetings/?{until}")["data"]) == ["meeting/2026-04-01/"]
    assert ids(get(client, f"{ROOT}body/1/organizations/?{until}")["data"]) == ["organization/1/"]
    assert get(client, f"{ROOT}body/1/organizations/?{since}")["data"] == []
    assert get(client, f"{ROOT}bodies/?created_since=2100-01-01T00:00:00Z")["data"] == []
    assert len(get(client, f"{ROOT}bodies/?created_until=2100-01-01T00:00:00Z")["data"]) == 1


@pytest.mark.parametrize("path", LIST_PATHS)
@pytest.mark.parametrize(
    "query", ["created_since=gestern", "modified_until=2026-13-01T00:00:00Z", "created_until="]
)
def test_a_malformed_filter_is_a_bad_request(client, path, query):
    answer = get(client, f"{ROOT}{path}?{query}", status=400)
    assert answer["status"] == 400 and query.split("=")[0] in answer["error"]


@pytest.mark.parametrize(
    "moment", ["0001-01-01", "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00"]
)
def test_a_moment_beyond_the_years_python_holds_in_utc_is_a_bad_request(client, moment):
    # Found by tests/security: on SQLite the bound was converted to UTC and overflowed.
    answer = get(client, f"{ROOT}body/1/papers/?created_since={moment}", status=400)
    assert "created_since" in answer["error"]


def test_a_paper_is_modified_by_its_decisions_and_its_publication(client):
    draft = make_version(1, state=VersionState.DRAFT)
    publish(draft)
    paper = get(client, ROOT + "paper/1/")
    published = PaperVersion.objects.get(number=1).published_at
    assert _instant(paper["modified"]) >= published.replace(microsecond=0)
    decision = decide(draft, datetime.date(2026, 4, 1))
    CouncilDecision.objects.filter(pk=decision.pk).update(
        modified_at=datetime.datetime(2030, 1, 1, tzinfo=UTC)
    )
    paper = get(client, ROOT + "paper/1/")
    assert _instant(paper["modified"]) == datetime.datetime(2030, 1, 1, tzinfo=UTC)
    assert _instant(paper["consultation"][0]["modified"]) == _instant(paper["modified"])


# --- errors and headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "paper/7/",
        "file/7-pdf/",
        "file/1-odt/",
        "meeting/2026-02-30/",
        "meeting/2026-04-02/",
        "agenda-item/999/",
        "consultation/999/",
        "body/2/",
        "organization/2/",
        "unbekannt/",
    ],
)
def test_unknown_objects_are_not_found_in_json(client, path):
    build(papers=1, decided=1)
    assert get(client, ROOT + path, status=404) == {"status": 404, "error": "Nicht gefunden."}


def test_writing_is_refused_and_preflight_is_answered(client):
    response = client.post(ROOT + "body/1/papers/")
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == JSON
    preflight = client.options(ROOT)
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"


def test_english_clients_get_the_same_urls_and_german_labels(client):
    build(papers=2, decided=2)
    german = get(client, ROOT + "meeting/2026-04-01/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(ROOT + "meeting/2026-04-01/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json() == german


# --- cost -----------------------------------------------------------------------------------


def test_the_lists_cost_no_more_queries_with_more_objects(client, django_assert_max_num_queries):
    build(papers=2, decided=2)
    paths = [*LIST_PATHS, "organization/1/meetings/", "organization/1/consultations/"]
    baseline = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            get(client, ROOT + path)
        baseline[path] = len(queries)
    more = [make_version(n, at=T0) for n in range(10, 50)]
    for index, version in enumerate(more):
        decide(version, datetime.date(2026, 6, 1) + datetime.timedelta(weeks=index % 5))
    for path in paths:
        with django_assert_max_num_queries(baseline[path]):
            answer = get(client, ROOT + path)
        assert baseline[path] <= 4, path
        assert answer["data"] or path in ("body/1/persons/", "body/1/legislative-terms/")
