"""Open data: statements with their vote counts and comments, without personal data.

The format is stable within a version; docs/consultation.md ("Open data") documents every field.
A change that removes or renames a field gets a new FORMAT_VERSION.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone

from cms.spreadsheets import spreadsheet_safe

from .models import Comment, Statement, Visibility

FORMAT_VERSION = 1
LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
CHUNK = 500

STATEMENT_FIELDS = [
    "id",
    "url",
    "thema",
    "art",
    "stufe",
    "herkunft",
    "status",
    "text",
    "zustimmung",
    "ablehnung",
    "neutral",
    "kommentare",
    "veroeffentlicht",
]
COMMENT_FIELDS = [
    "id",
    "aussage_id",
    "antwort_auf",
    "geschrieben",
    "bearbeitet",
    "antwort_der_stadt",
    "status",
    "text",
]


def statements(theme=None):
    queryset = Statement.objects.public().select_related("theme", "sector").order_by("pk")
    return queryset.filter(theme=theme) if theme is not None else queryset


def statement_row(statement: Statement) -> dict:
    return {
        "id": statement.pk,
        "url": settings.BASE_URL + statement.get_absolute_url(),
        "thema": statement.theme.slug,
        "art": statement.kind,
        "stufe": statement.stage,
        "herkunft": statement.sector.slug,
        "status": statement.state,
        "text": statement.text,
        "zustimmung": statement.agree_count,
        "ablehnung": statement.disagree_count,
        "neutral": statement.neutral_count,
        "kommentare": statement.comment_count,
        "veroeffentlicht": statement.created_at.date().isoformat(),
    }


def comment_status(comment: Comment) -> str:
    if comment.deleted_at:
        return "geloescht"
    if comment.visibility == Visibility.HIDDEN:
        return "ausgeblendet"
    return "sichtbar"


def comment_row(comment: Comment) -> dict:
    status = comment_status(comment)
    # Authors are left out; deleted and hidden texts too, as on the page.
    return {
        "id": comment.pk,
        "aussage_id": comment.statement_id,
        "antwort_auf": comment.parent_id,
        "geschrieben": comment.created_at.isoformat(timespec="seconds"),
        "bearbeitet": comment.edited_at.isoformat(timespec="seconds")
        if comment.edited_at
        else None,
        "antwort_der_stadt": comment.is_official,
        "status": status,
        "text": comment.text if status == "sichtbar" else "",
    }


def comments(theme=None):
    queryset = (
        Comment.objects.visible_to_public()
        .filter(statement__state__in=["published", "withdrawn"])
        .only(
            "pk",
            "statement_id",
            "parent_id",
            "created_at",
            "edited_at",
            "is_official",
            "visibility",
            "deleted_at",
            "text",
        )
        .order_by("pk")
    )
    return queryset.filter(statement__theme=theme) if theme is not None else queryset


class _Echo:
    def write(self, value):
        return value


def csv_lines(fields: list[str], rows: Iterator[dict]) -> Iterator[str]:
    writer = csv.DictWriter(_Echo(), fieldnames=fields)
    yield "\ufeff" + writer.writeheader()  # the BOM makes spreadsheet programs read UTF-8
    for row in rows:
        # What people typed must not run as a formula in whoever's spreadsheet opens it.
        yield writer.writerow(
            {
                k: ("ja" if v is True else "nein" if v is False else spreadsheet_safe(v))
                for k, v in row.items()
            }
        )


def statement_rows(theme=None) -> Iterator[dict]:
    for statement in statements(theme).iterator(chunk_size=CHUNK):
        yield statement_row(statement)


def comment_rows(theme=None) -> Iterator[dict]:
    for comment in comments(theme).iterator(chunk_size=CHUNK):
        yield comment_row(comment)


def json_document(theme=None) -> Iterator[str]:
    """Statements with their comments nested, streamed in chunks of statements."""
    head = {
        "format": "stadtgespraech-aussagen",
        "version": FORMAT_VERSION,
        "erstellt": timezone.now().isoformat(timespec="seconds"),
        "lizenz": LICENCE,
        "lizenz_url": LICENCE_URL,
        "thema": theme.slug if theme is not None else None,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "aussagen": ['
    first = True
    ids_chunk: list[Statement] = []

    def flush(chunk):
        by_statement: dict[int, list[dict]] = {}
        for comment in comments().filter(statement_id__in=[s.pk for s in chunk]):
            by_statement.setdefault(comment.statement_id, []).append(comment_row(comment))
        for statement in chunk:
            yield {
                **statement_row(statement),
                "kommentare_liste": by_statement.get(statement.pk, []),
            }

    for statement in statements(theme).iterator(chunk_size=CHUNK):
        ids_chunk.append(statement)
        if len(ids_chunk) == CHUNK:
            for item in flush(ids_chunk):
                yield ("" if first else ",") + json.dumps(item, ensure_ascii=False)
                first = False
            ids_chunk = []
    for item in flush(ids_chunk):
        yield ("" if first else ",") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "]}"
