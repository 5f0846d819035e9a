"""OParl 1.1: the council paper, its files and the council's decisions as a read-only JSON API.

One body (the city, from settings) with one organization (its council). Every published
version of the Ratsvorlage is a Paper with its PDF (mainFile) and DOCX (auxiliaryFile); every
recorded decision about one is a Consultation of that Paper and an AgendaItem of the Meeting
held on its date. Drafts and their files never appear. We publish no persons, no legislative
terms and no locations.

Lists cost a constant number of queries: a count, the page, and one query for what the page
embeds.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import DateTimeField, F, Max, Min, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt

from cms.numbers import whole_number
from participation.opendata import LICENCE_URL

from .models import CouncilDecision, PaperVersion, VersionState

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 20
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# The System and the Body are made of settings, which have no date of their own: their
# created/modified is the day this endpoint went live.
OPARL_SINCE = datetime.datetime(2026, 11, 25, tzinfo=ZoneInfo(settings.TIME_ZONE))
PAPER_TYPE = "Beschlussvorlage"
MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FILE_LABELS = {"pdf": "PDF", "docx": "Word"}
# The rendered paper can be large, and none of these is part of the API.
UNUSED_FIELDS = ("content", "html", "proposed_resolution", "error")
FILTERS = {
    "created_since": ("oparl_created", "gte"),
    "created_until": ("oparl_created", "lte"),
    "modified_since": ("oparl_modified", "gte"),
    "modified_until": ("oparl_modified", "lte"),
}


class InvalidParameter(ValueError):
    pass


# --- responses ------------------------------------------------------------------------------


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        content_type="application/json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )


def _error(status: int, message: str) -> JsonResponse:
    return _json({"status": status, "error": message}, status=status)


def oparl_view(view: Callable[..., dict]) -> Callable[..., HttpResponse]:
    """JSON for every answer, errors included, and open to every origin: OParl clients are
    often web pages elsewhere. Read-only, so there is nothing for CSRF to protect."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = _answer(view, request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Allow"] = ALLOWED_METHODS
    return response


def _refused() -> HttpResponse:
    response = _error(405, "Nur GET und HEAD: die Schnittstelle ist nur lesbar.")
    response["Allow"] = ALLOWED_METHODS
    return response


def _answer(view, request, *args, **kwargs) -> HttpResponse:
    if request.method == "OPTIONS":
        return _preflight()
    if request.method not in ("GET", "HEAD"):
        return _refused()
    try:
        # Site URLs (web, accessUrl) and German labels, whatever language the client prefers.
        with translation.override(settings.LANGUAGE_CODE):
            return _json(view(request, *args, **kwargs))
    except Http404:
        return _error(404, "Nicht gefunden.")
    except InvalidParameter as problem:
        return _error(400, str(problem))


@oparl_view
def not_found(request, *args, **kwargs):
    raise Http404


# --- URLs and values ------------------------------------------------------------------------


def _url(name: str, *args) -> str:
    return settings.BASE_URL + reverse(f"oparl:{name}", args=args)


def _site_url(name: str, *args) -> str:
    return settings.BASE_URL + reverse(name, args=args)


def _stamp(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _type(name: str) -> str:
    return f"{SCHEMA}{name}"


def _without_empty(data: dict) -> dict:
    """OParl wants optional fields left out, never null or empty."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _file_id(number: int, kind: str) -> str:
    return _url("file", number, kind)


def _meeting_id(day: datetime.date) -> str:
    return _url("meeting", day.isoformat())


# --- what is visible ------------------------------------------------------------------------


def visible_decisions() -> QuerySet[CouncilDecision]:
    return CouncilDecision.objects.filter(version__state=VersionState.PUBLISHED)


def council_since() -> datetime.datetime | None:
    """The council appears with its first recorded decision; before that we know of none."""
    return visible_decisions().aggregate(first=Min("recorded_at"))["first"]


def _version_created():
    # A version enters the API when it is published; the ORM-made ones may lack that date.
    return Coalesce("published_at", "created_at", "modified_at", output_field=DateTimeField())


def _version_modified():
    # `publish` sets published_at with update(), which leaves modified_at behind.
    return Greatest(
        "modified_at", Coalesce("published_at", "modified_at"), output_field=DateTimeField()
    )


def published_versions() -> QuerySet[PaperVersion]:
    return (
        PaperVersion.objects.filter(state=VersionState.PUBLISHED)
        .defer(*UNUSED_FIELDS)
        .annotate(version_created=_version_created(), version_modified=_version_modified())
    )


def papers() -> QuerySet[PaperVersion]:
    # A paper embeds its consultations, so a changed decision changes the paper.
    return (
        published_versions()
        .annotate(
            oparl_created=F("version_created"),
            oparl_modified=Greatest(
                "version_modified",
                Coalesce(Max("decisions__modified_at"), "modified_at"),
                output_field=DateTimeField(),
            ),
        )
        .order_by("number")
    )


def file_versions() -> QuerySet[PaperVersion]:
    return published_versions().annotate(
        oparl_created=F("version_created"), oparl_modified=F("version_modified")
    )


def decisions() -> QuerySet[CouncilDecision]:
    return (
        visible_decisions()
        .select_related("version")
        .defer(*(f"version__{field}" for field in UNUSED_FIELDS))
        .annotate(oparl_created=F("recorded_at"), oparl_modified=F("modified_at"))
        .order_by("pk")
    )


def meetings() -> QuerySet:
    return (
        visible_decisions()
        .values("meeting_date")
        .annotate(oparl_created=Min("recorded_at"), oparl_modified=Max("modified_at"))
        .order_by("meeting_date")
    )


# --- lists ----------------------------------------------------------------------------------


def _instant(name: str, raw: str) -> datetime.datetime:
    # An unencoded "+01:00" arrives as " 01:00".
    text = re.sub(r" (\d{2}:?\d{2})$", r"+\1", raw.strip())
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidParameter(
            f"{name}: kein Zeitpunkt nach ISO 8601, z. B. 2026-01-31T12:00:00+01:00."
        ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        # Stored and compared in UTC: 0001-01-01 east of Greenwich lies before the first
        # moment Python can hold in UTC, 9999-12-31 west of it after the last.
        moment.astimezone(datetime.UTC)
    except OverflowError:
        raise InvalidParameter(
            f"{name}: ein Zeitpunkt zwischen den Jahren 0001 und 9999, z. B. "
            "2026-01-31T12:00:00+01:00."
        ) from None
    return moment


def time_bounds(request) -> dict[str, datetime.datetime]:
    return {name: _instant(name, request.GET[name]) for name in FILTERS if name in request.GET}


def _bounded(queryset: QuerySet, bounds: dict) -> QuerySet:
    conditions = {
        f"{FILTERS[name][0]}__{FILTERS[name][1]}": moment for name, moment in bounds.items()
    }
    return queryset.filter(**conditions)


def _within(bounds: dict, created: datetime.datetime, modified: datetime.datetime) -> bool:
    values = {"oparl_created": created, "oparl_modified": modified}
    checks = {
        "gte": lambda value, bound: value >= bound,
        "lte": lambda value, bound: value <= bound,
    }
    return all(
        checks[FILTERS[name][1]](values[FILTERS[name][0]], moment)
        for name, moment in bounds.items()
    )


def _page_number(request) -> int:
    number = whole_number(request.GET.get("page", "1"))
    if not number:
        raise InvalidParameter("page: eine ganze Zahl ab 1.")
    return number


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return f"{settings.BASE_URL}{request.path}?{query.urlencode()}"


def object_list(request, total: int, fetch: Callable[[int, int], list], render) -> dict:
    """One page of a list. `fetch(offset, limit)` reads the page's objects, `render` turns
    them into OParl objects. Pages past the last answer 404; an empty list has one page."""
    number = _page_number(request)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if number > pages:
        raise Http404
    links = {
        "first": _page_link(request, 1),
        "last": _page_link(request, pages),
        "self": _page_link(request, number),
    }
    if number > 1:
        links["prev"] = _page_link(request, number - 1)
    if number < pages:
        links["next"] = _page_link(request, number + 1)
    return {
        "data": render(fetch((number - 1) * PAGE_SIZE, PAGE_SIZE)),
        "pagination": {
            "totalElements": total,
            "elementsPerPage": PAGE_SIZE,
            "currentPage": number,
            "totalPages": pages,
        },
        "links": links,
    }


def queryset_list(request, queryset: QuerySet, render) -> dict:
    queryset = _bounded(queryset, time_bounds(request))
    return object_list(
        request,
        queryset.count(),
        lambda offset, limit: list(queryset[offset : offset + limit]),
        render,
    )


def sequence_list(request, items: Sequence, render=list) -> dict:
    return object_list(
        request, len(items), lambda offset, limit: items[offset : offset + limit], render
    )


# --- objects --------------------------------------------------------------------------------


def system_object() -> dict:
    return {
        "id": _url("system"),
        "type": _type("System"),
        "oparlVersion": SCHEMA,
        "body": _url("body_list"),
        "name": settings.WAGTAIL_SITE_NAME,
        "website": f"{settings.BASE_URL}/",
        "license": LICENCE_URL,
        "created": _stamp(OPARL_SINCE),
        "modified": _stamp(OPARL_SINCE),
    }


def _body_dates(council: datetime.datetime | None) -> tuple[datetime.datetime, ...]:
    # The body names its council (mainOrganization) from the council's first decision on.
    return OPARL_SINCE, max(OPARL_SINCE, council) if council else OPARL_SINCE


def body_object(council: datetime.datetime | None) -> dict:
    created, modified = _body_dates(council)
    body = _without_empty(
        {
            "id": _url("body"),
            "type": _type("Body"),
            "system": _url("system"),
            "name": settings.COUNCIL_BODY_NAME,
            "shortName": settings.COUNCIL_BODY_SHORT_NAME,
            "ags": settings.COUNCIL_BODY_AGS,
            "license": LICENCE_URL,
            "oparlSince": _stamp(OPARL_SINCE),
            "mainOrganization": _url("organization") if council else None,
            "organization": _url("organization_list"),
            "person": _url("person_list"),
            "meeting": _url("meeting_list"),
            "paper": _url("paper_list"),
            "agendaItem": _url("agenda_item_list"),
            "consultation": _url("consultation_list"),
            "file": _url("file_list"),
            "legislativeTermList": _url("legislative_term_list"),
            "created": _stamp(created),
            "modified": _stamp(modified),
        }
    )
    # Required, and in 1.1 an embedded array: we know of no legislative terms.
    body["legislativeTerm"] = []
    return body


def organization_object(since: datetime.datetime) -> dict:
    return {
        "id": _url("organization"),
        "type": _type("Organization"),
        "body": _url("body"),
        "name": settings.COUNCIL_NAME,
        "organizationType": "Gremium",
        "classification": "Rat",
        "meeting": _url("organization_meetings"),
        "consultation": _url("organization_consultations"),
        "created": _stamp(since),
        "modified": _stamp(since),
    }


def file_object(version: PaperVersion, kind: str, *, embedded: bool) -> dict:
    created = version.version_created
    data = {
        "id": _file_id(version.number, kind),
        "type": _type("File"),
        "name": f"{version.title} ({FILE_LABELS[kind]})",
        "fileName": file_name(version, kind),
        "mimeType": MIME_TYPES[kind],
        "date": timezone.localdate(version.created_at or created).isoformat(),
        "size": getattr(version, f"{kind}_size"),
        "sha512Checksum": getattr(version, f"{kind}_sha512"),
        "accessUrl": _site_url("ratsvorlage:paper_file", version.number, kind),
        "downloadUrl": _site_url("ratsvorlage:paper_file_download", version.number, kind),
        # The back reference only when not embedded in the paper, as the specification says.
        "paper": None if embedded else [_url("paper", version.number)],
        "created": _stamp(created),
        "modified": _stamp(version.version_modified),
    }
    return _without_empty(data)


def file_name(version: PaperVersion, kind: str) -> str:
    # The name the download (ratsvorlage.views) gives the file.
    return f"ratsvorlage-{version.paper_number}-fassung-{version.number}.{kind}".replace("/", "-")


def _has_file(version: PaperVersion, kind: str) -> bool:
    return bool(getattr(version, kind))


def consultation_object(decision: CouncilDecision, *, embedded: bool) -> dict:
    data = {
        "id": _url("consultation", decision.pk),
        "type": _type("Consultation"),
        "paper": None if embedded else _url("paper", decision.version.number),
        "agendaItem": _url("agenda_item", decision.pk),
        "meeting": _meeting_id(decision.meeting_date),
        "organization": [_url("organization")],
        "authoritative": True,
        "role": "Beschlussfassung",
        "created": _stamp(decision.recorded_at),
        "modified": _stamp(decision.modified_at),
    }
    return _without_empty(data)


def paper_object(version: PaperVersion, paper_decisions: list[CouncilDecision]) -> dict:
    data = {
        "id": _url("paper", version.number),
        "type": _type("Paper"),
        "body": _url("body"),
        "name": version.title,
        "reference": version.paper_number,
        "date": timezone.localdate(version.created_at).isoformat() if version.created_at else None,
        "paperType": PAPER_TYPE,
        "mainFile": file_object(version, "pdf", embedded=True)
        if _has_file(version, "pdf")
        else None,
        "auxiliaryFile": [file_object(version, "docx", embedded=True)]
        if _has_file(version, "docx")
        else None,
        "consultation": [
            consultation_object(decision, embedded=True) for decision in paper_decisions
        ],
        "web": _site_url("ratsvorlage:paper_version", version.number),
        "created": _stamp(version.oparl_created),
        "modified": _stamp(version.oparl_modified),
    }
    return _without_empty(data)


def agenda_item_object(decision: CouncilDecision, position: int, *, embedded: bool) -> dict:
    data = {
        "id": _url("agenda_item", decision.pk),
        "type": _type("AgendaItem"),
        "meeting": None if embedded else _meeting_id(decision.meeting_date),
        "number": str(position),
        "order": position,
        "name": decision.version.title,
        "public": True,
        "consultation": _url("consultation", decision.pk),
        "result": str(decision.get_outcome_display()),
        "resolutionText": decision.changes.strip(),
        "created": _stamp(decision.recorded_at),
        "modified": _stamp(decision.modified_at),
    }
    return _without_empty(data)


def _meeting_start(day: datetime.date) -> datetime.datetime:
    # We record the day of the meeting, not its hour.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def meeting_object(row: dict, agenda: list[CouncilDecision]) -> dict:
    day = row["meeting_date"]
    return {
        "id": _meeting_id(day),
        "type": _type("Meeting"),
        "name": f"Sitzung des Rates am {day:%d.%m.%Y}",
        "start": _stamp(_meeting_start(day)),
        "organization": [_url("organization")],
        "agendaItem": [
            agenda_item_object(decision, position, embedded=True)
            for position, decision in enumerate(agenda, start=1)
        ],
        "created": _stamp(row["oparl_created"]),
        "modified": _stamp(row["oparl_modified"]),
    }


# --- reading what objects embed -------------------------------------------------------------


def _decisions_of(versions: list[PaperVersion]) -> dict[int, list[CouncilDecision]]:
    found = defaultdict(list)
    ids = [version.pk for version in versions]
    # Embedded in their paper, consultations need nothing of it.
    rows = visible_decisions().filter(version_id__in=ids).order_by("meeting_date", "pk")
    for decision in rows:
        found[decision.version_id].append(decision)
    return found


def render_papers(versions: list[PaperVersion]) -> list[dict]:
    by_version = _decisions_of(versions)
    return [paper_object(version, by_version[version.pk]) for version in versions]


def _agendas(days: list[datetime.date]) -> dict[datetime.date, list[CouncilDecision]]:
    """The agenda of each meeting: its decisions in the order they were recorded."""
    found = defaultdict(list)
    for decision in decisions().filter(meeting_date__in=days):
        found[decision.meeting_date].append(decision)
    return found


def render_meetings(rows: list[dict]) -> list[dict]:
    agendas = _agendas([row["meeting_date"] for row in rows])
    return [meeting_object(row, agendas[row["meeting_date"]]) for row in rows]


def _positions(days: list[datetime.date]) -> dict[int, int]:
    positions = {}
    ids_by_day = defaultdict(list)
    rows = visible_decisions().filter(meeting_date__in=days).order_by("pk")
    for pk, day in rows.values_list("pk", "meeting_date"):
        ids_by_day[day].append(pk)
    for ids in ids_by_day.values():
        positions.update({pk: position for position, pk in enumerate(ids, start=1)})
    return positions


def render_agenda_items(page: list[CouncilDecision], *, embedded: bool = False) -> list[dict]:
    positions = _positions(list({decision.meeting_date for decision in page}))
    return [
        agenda_item_object(decision, positions[decision.pk], embedded=embedded) for decision in page
    ]


def render_consultations(page: list[CouncilDecision]) -> list[dict]:
    return [consultation_object(decision, embedded=False) for decision in page]


def _file_keys(versions: QuerySet[PaperVersion]) -> list[tuple[int, str]]:
    """Every file in a stable order: by version, the PDF before the DOCX."""
    keys = []
    for number, pdf, docx in versions.order_by("number").values_list("number", "pdf", "docx"):
        keys += [(number, kind) for kind, name in (("pdf", pdf), ("docx", docx)) if name]
    return keys


def render_files(keys: list[tuple[int, str]]) -> list[dict]:
    numbers = {number for number, _kind in keys}
    versions = {version.number: version for version in file_versions().filter(number__in=numbers)}
    return [file_object(versions[number], kind, embedded=False) for number, kind in keys]


# --- views ----------------------------------------------------------------------------------


@oparl_view
def system(request):
    return system_object()


@oparl_view
def body_list(request):
    council = council_since()
    return _filtered_sequence(request, [(body_object(council), *_body_dates(council))])


@oparl_view
def body(request):
    return body_object(council_since())


def _filtered_sequence(request, dated: list[tuple[dict, datetime.datetime, datetime.datetime]]):
    """A list of the few objects that live outside the database, filtered in Python."""
    bounds = time_bounds(request)
    kept = [item for item, created, modified in dated if _within(bounds, created, modified)]
    return sequence_list(request, kept)


def _council() -> datetime.datetime:
    since = council_since()
    if since is None:
        raise Http404
    return since


@oparl_view
def organization_list(request):
    since = council_since()
    dated = [(organization_object(since), since, since)] if since else []
    return _filtered_sequence(request, dated)


@oparl_view
def organization(request):
    return organization_object(_council())


@oparl_view
def empty_list(request):
    """Persons and legislative terms: valid lists that hold nothing."""
    time_bounds(request)
    return sequence_list(request, [])


@oparl_view
def paper_list(request):
    return queryset_list(request, papers(), render_papers)


@oparl_view
def paper(request, number: int):
    version = papers().filter(number=number).first()
    if version is None:
        raise Http404
    return render_papers([version])[0]


@oparl_view
def file_list(request):
    keys = _file_keys(_bounded(file_versions(), time_bounds(request)))
    return sequence_list(request, keys, render_files)


@oparl_view
def file(request, number: str, kind: str):
    version = file_versions().filter(number=number).first()
    if version is None or not _has_file(version, kind):
        raise Http404
    return file_object(version, kind, embedded=False)


def _meeting_list(request) -> dict:
    return queryset_list(request, meetings(), render_meetings)


@oparl_view
def meeting_list(request):
    return _meeting_list(request)


@oparl_view
def organization_meetings(request):
    _council()
    return _meeting_list(request)


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise Http404 from None


@oparl_view
def meeting(request, day: str):
    row = meetings().filter(meeting_date=_day(day)).first()
    if row is None:
        raise Http404
    return render_meetings([row])[0]


@oparl_view
def agenda_item_list(request):
    return queryset_list(request, decisions(), render_agenda_items)


@oparl_view
def agenda_item(request, pk: int):
    decision = decisions().filter(pk=pk).first()
    if decision is None:
        raise Http404
    return render_agenda_items([decision])[0]


def _consultation_list(request) -> dict:
    return queryset_list(request, decisions(), render_consultations)


@oparl_view
def consultation_list(request):
    return _consultation_list(request)


@oparl_view
def organization_consultations(request):
    _council()
    return _consultation_list(request)


@oparl_view
def consultation(request, pk: int):
    decision = decisions().filter(pk=pk).first()
    if decision is None:
        raise Http404
    return consultation_object(decision, embedded=False)
