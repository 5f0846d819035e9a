"""Download my data: one file with everything the platform holds about a person.

Two renderings of the same rows (accounts.privacy): JSON for machines and HTML to read.
Both are written as they are read, kind by kind, row by row, so that 10,000 votes make a
long file, not a long wait; each kind costs one query whatever its size.

JSON, format "stadtgespraech-personendaten", version 1 (fields are only ever added within a
version; a removed or renamed field means a new version)::

    {"format": "stadtgespraech-personendaten", "version": 1, "erstellt": "<ISO 8601>",
     "plattform": "<name>", "adresse": "<BASE_URL>", "beschreibung": "<URL of the page
     describing every field>", "<section>": {"<kind>": [{…}, …] or {…} or null, …}, …}

Times are ISO 8601 in UTC, booleans true/false, absent values null.
"""

import datetime
import json
import time
from collections.abc import Iterable, Iterator
from itertools import chain

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .privacy import Kind, Person, sections

FORMAT = "stadtgespraech-personendaten"
FORMAT_VERSION = 1
# Bytes gathered before a piece goes out: fewer, larger writes than one per row.
CHUNK = 64 * 1024


def within_hourly_limit(user) -> bool:
    """Counts a download; False once the person has had PERSONAL_DATA_DOWNLOADS_PER_HOUR in
    this clock hour."""
    key = f"accounts:downloads:{user.pk}:{int(time.time() // 3600)}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 3600)
        count = 1
    return count <= settings.PERSONAL_DATA_DOWNLOADS_PER_HOUR


def _buffered(parts: Iterable[str]) -> Iterator[str]:
    buffer: list[str] = []
    size = 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def _description_url() -> str:
    return settings.BASE_URL + reverse("accounts:personal_data")


def export_json(person: Person) -> Iterator[str]:
    return _buffered(_json_parts(person))


def _json_parts(person: Person) -> Iterator[str]:
    head = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "erstellt": person.now,
        "plattform": settings.WAGTAIL_SITE_NAME,
        "adresse": settings.BASE_URL,
        "beschreibung": _description_url(),
    }
    yield _dumps(head)[:-1]
    for section in sections():
        yield f", {_dumps(section.key)}: {{"
        for number, kind in enumerate(section.kinds):
            yield (", " if number else "") + f"{_dumps(kind.key)}: "
            rows = kind.rows(person)
            if kind.single:
                yield _dumps(next(iter(rows), None))
                continue
            yield "["
            for index, row in enumerate(rows):
                yield ("," if index else "") + "\n" + _dumps(row)
            yield "]"
        yield "}"
    yield "}\n"


# --- The same, to read -------------------------------------------------------------------------


STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;margin:2rem;color:#1b1b1b}"
    "table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #767676;"
    "padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}"
    ".scroll{overflow-x:auto}td{overflow-wrap:anywhere}"
    "@media (max-width:40em){body{margin:1rem}}"
)


def _text(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, list | tuple):
        return "; ".join(_text(item) for item in value) or "–"
    return str(value)


def export_html(person: Person) -> Iterator[str]:
    return _buffered(_html_parts(person))


def _html_parts(person: Person) -> Iterator[str]:
    title = _("Ihre Daten bei %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    yield (
        f'<!DOCTYPE html>\n<html lang="{escape(get_language() or settings.LANGUAGE_CODE)}">'
        f'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>"
        f"<h1>{escape(title)}</h1><p>"
        + escape(
            _("Erstellt am %(date)s. Die Bedeutung jedes Feldes steht unter %(url)s.")
            % {"date": _text(person.now), "url": _description_url()}
        )
        + "</p>"
    )
    for section in sections():
        yield f"<section><h2>{escape(section.title)}</h2>"
        for kind in section.kinds:
            yield from _html_kind(kind, person)
        yield "</section>"
    yield "</main></body></html>\n"


def _cell(value, *, content_lang: str) -> str:
    """A value of the table. Text from the database (what the person and others wrote, names,
    addresses) is in the site's language; in a file in another language it is marked as such,
    so that screen readers pronounce it right (WCAG 3.1.2)."""
    lang = f' lang="{content_lang}"' if content_lang and isinstance(value, str) and value else ""
    return f"<td{lang}>{escape(_text(value))}</td>"


def _html_kind(kind: Kind, person: Person) -> Iterator[str]:
    yield f"<h3>{escape(kind.title)}</h3><p>{escape(kind.description)}</p>"
    content_lang = "" if get_language() == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE
    rows = iter(kind.rows(person))
    first = next(rows, None)
    if first is None:
        nothing = _("Keine Einträge.")
        yield f"<p>{escape(nothing)}</p>"
        return
    if kind.single:
        yield "<table><tbody>"
        for name in kind.fields:
            cell = _cell(first.get(name), content_lang=content_lang)
            yield f'<tr><th scope="row">{escape(name)}</th>{cell}</tr>'
        yield "</tbody></table>"
        return
    header = "".join(f'<th scope="col">{escape(name)}</th>' for name in kind.fields)
    # Wide tables scroll sideways; the region takes the focus so that the keyboard can too.
    yield (
        f'<div class="scroll" role="region" tabindex="0" aria-label="{escape(kind.title)}">'
        f"<table><thead><tr>{header}</tr></thead><tbody>"
    )
    for row in chain([first], rows):
        cells = "".join(_cell(row.get(name), content_lang=content_lang) for name in kind.fields)
        yield f"<tr>{cells}</tr>"
    yield "</tbody></table></div>"
