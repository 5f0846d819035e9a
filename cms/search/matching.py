"""Finding and ranking rows by the words of a query, and marking those words in a snippet.

PostgreSQL: German full text (stemming, stop words) with ts_rank and ts_headline, read from a
stored, GIN-indexed vector on large tables (statements, comments) and computed on the fly on
small ones (the strategy model). SQLite: every word must begin a word of the text (after a
small German stemming, `Terms.patterns`), ranked by `Terms.score`, marked in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, TextField
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .terms import WORD, Terms

# How many matches of one kind are counted and ranked. A common word can match a hundred
# thousand comments; ranking all of them would cost in proportion. Beyond this a kind says
# "more than 1,000", and the most relevant of the first 1,000 found come first.
CANDIDATES = 1000
SNIPPET_LENGTH = 280
# ts_headline marks with these; they are not HTML, so they survive escaping, and become
# <mark> only afterwards (private-use characters that no keyboard types).
MARK_START, MARK_END = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def ranked(
    queryset, terms: Terms, *, fields: Sequence[str], vector: str | None = None
) -> list[tuple[object, float]]:
    """Up to CANDIDATES + 1 matching rows of `queryset` as (pk, rank), best first (newer
    first among equals).

    `vector` names a stored SearchVectorField with a GIN index (large tables); without it the
    `fields` are read as full text on the fly, the first as the title (weight A). The first
    CANDIDATES + 1 matches are taken as the database finds them, without sorting all of them.
    """
    queryset = queryset.order_by()
    if on_postgresql():
        # Written out rather than composed of SearchVector and SearchRank: the ORM's
        # compilation of those cost more than the search itself.
        source = _vector_sql(queryset.model, fields, vector)
        matches = RawSQL(
            f"{source} @@ to_tsquery('german', %s)", [terms.tsquery], output_field=BooleanField()
        )
        rank = RawSQL(
            f"ts_rank({source}, to_tsquery('german', %s), 1)"
            f" + ts_rank({source}, plainto_tsquery('german', %s), 1)",
            [terms.tsquery, terms.plain],
            output_field=FloatField(),
        )
        rows = list(
            queryset.filter(matches)
            .annotate(search_rank=rank)
            .values_list("pk", "search_rank")[: CANDIDATES + 1]
        )
    else:
        condition = reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{field}__regex": pattern}) for field in fields))
                for pattern in terms.patterns()
            ),
        )
        rows = [
            (pk, terms.score(*texts))
            for pk, *texts in queryset.filter(condition).values_list("pk", *fields)[
                : CANDIDATES + 1
            ]
        ]
    return sorted(rows, key=lambda row: (-row[1], -row[0]))


def ranked_together(
    sources: Sequence[tuple[object, Sequence[str]]], terms: Terms
) -> list[tuple[int, object, float]]:
    """Like `ranked` for several small tables at once – (model, fields) each, read as full
    text on the fly – as (number of the source, pk, rank), best first: one query on
    PostgreSQL."""
    if not on_postgresql():
        rows = [
            (number, pk, rank)
            for number, (model, fields) in enumerate(sources)
            for pk, rank in ranked(model._default_manager.all(), terms, fields=fields)
        ]
    else:
        selects, params = [], []
        for number, (model, fields) in enumerate(sources):
            source = _vector_sql(model, fields, None)
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            selects.append(
                f"SELECT {number}, {table}.{pk}, ts_rank({source}, to_tsquery('german', %s), 1)"
                f" + ts_rank({source}, plainto_tsquery('german', %s), 1) FROM {table}"
                f" WHERE {source} @@ to_tsquery('german', %s)"
            )
            params += [terms.tsquery, terms.plain, terms.tsquery]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects) + f" LIMIT {CANDIDATES + 1}", params)
            rows = cursor.fetchall()
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))[: CANDIDATES + 1]


def _vector_sql(model, fields: Sequence[str], vector: str | None) -> str:
    """The SQL of a row's German vector: the stored column, or its fields' text weighted
    (the first as a title). Names from our code, never from a request."""
    table = connection.ops.quote_name(model._meta.db_table)
    if vector:
        return f"{table}.{connection.ops.quote_name(model._meta.get_field(vector).column)}"
    parts = [
        f"setweight(to_tsvector('german', coalesce({table}."
        f"{connection.ops.quote_name(model._meta.get_field(field).column)}, '')), "
        f"'{'A' if number == 0 else 'B'}')"
        for number, field in enumerate(fields)
    ]
    return "(" + " || ".join(parts) + ")"


def with_headlines(queryset, terms: Terms, *fields: str):
    """On PostgreSQL, `<field>_headline`: the field's text marked by ts_headline with the
    German configuration – a short text whole, of a long one the passages that match (see
    `snippet`)."""
    if not on_postgresql():
        return queryset
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    whole = f'HighlightAll=true, StartSel="{MARK_START}", StopSel="{MARK_END}"'
    passages = (
        f'MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … ", '
        f'StartSel="{MARK_START}", StopSel="{MARK_END}"'
    )
    annotations = {}
    for field in fields:
        column = (
            f"{table}.{connection.ops.quote_name(queryset.model._meta.get_field(field).column)}"
        )
        annotations[f"{field}_headline"] = RawSQL(
            f"CASE WHEN length({column}) <= %s"
            f" THEN ts_headline('german', {column}, to_tsquery('german', %s), %s)"
            f" ELSE ts_headline('german', {column}, to_tsquery('german', %s), %s) END",
            [SNIPPET_LENGTH, terms.tsquery, whole, terms.tsquery, passages],
            output_field=TextField(),
        )
    return queryset.annotate(**annotations)


def snippet(obj, field: str, terms: Terms) -> SafeString:
    """The passage of `obj.<field>` that matched, escaped, its matching words in <mark>."""
    text = getattr(obj, field) or ""
    headline = getattr(obj, f"{field}_headline", None)
    if headline is None:
        return highlight(text, terms)
    return _with_ellipses(marked(headline), text, headline)


def marked(headline: str) -> SafeString:
    """ts_headline's output as HTML: escaped first, then each marked word in <mark>. A marker
    someone typed into their own text can at most add a <mark>, never markup."""
    html = MARKED.sub(r"<mark>\1</mark>", str(escape(headline)))
    return mark_safe(html.replace(MARK_START, "").replace(MARK_END, ""))  # noqa: S308


def highlight(text: str, terms: Terms, *, length: int = SNIPPET_LENGTH) -> SafeString:
    """Up to `length` characters of `text` around its first matching word, escaped, with every
    word the query finds in <mark>."""
    text = " ".join(text.split())
    start, end = 0, len(text)
    if len(text) > length:
        first = next((m for m in WORD.finditer(text) if terms.matches(m.group())), None)
        if first is not None and first.end() > length * 2 // 3:
            start = text.find(" ", first.start() - length // 3) + 1
        end = text.rfind(" ", start, start + length)
        end = end if end > start else start + length
    parts, position = [], start
    for word in WORD.finditer(text, start, end):
        if terms.matches(word.group()):
            parts += [escape(text[position : word.start()]), "<mark>", escape(word.group())]
            parts.append("</mark>")
            position = word.end()
    parts.append(escape(text[position:end]))
    html = ("… " if start else "") + "".join(str(part) for part in parts)
    return mark_safe(html + (" …" if end < len(text) else ""))  # noqa: S308


def _with_ellipses(html: SafeString, text: str, headline: str) -> SafeString:
    """ "…" where ts_headline left out the start or the end of the text (it leaves out
    punctuation and stop words at a passage's edges, so words are compared, not characters)."""
    words = WORD.findall(text)
    shown = WORD.findall(headline)
    if not shown or not words:
        return html
    edge = min(3, len(shown))
    before = "" if words[:edge] == shown[:edge] else "… "
    after = "" if words[-edge:] == shown[-edge:] else " …"
    return mark_safe(before + html + after)  # noqa: S308
