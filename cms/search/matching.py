"""Finding and ranking rows by the words of a query, and marking those words in a snippet.

PostgreSQL: German full text (stemming, stop words) with ts_rank and ts_headline, read from
stored vectors (GIN-indexed on the large tables: statements, comments), never computed per
query. SQLite: every word must begin a word of the text (after a
small German stemming, `Terms.patterns`), ranked by `Terms.score`, marked in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Ranked:
    """How many rows match (counted up to CANDIDATES + 1) and the asked slice of them, best
    first."""

    count: int
    ids: tuple = ()


def ranked(
    queryset,
    terms: Terms,
    *,
    fields: Sequence[str],
    vector: str,
    start: int = 0,
    stop: int = CANDIDATES + 1,
) -> Ranked:
    """The number of rows of `queryset` that match (up to CANDIDATES + 1) and the pks of the
    best [start:stop] of them (newer first among equals).

    On PostgreSQL the rows' stored German vector (`vector`, a SearchVectorField with a GIN
    index) is matched and ranked; elsewhere the text of `fields`. The first
    CANDIDATES + 1 matches are taken as the database finds them, without sorting all of them.
    On PostgreSQL one query counts, ranks and cuts them, and a count alone (`stop <= start`)
    ranks nothing.
    """
    queryset = queryset.order_by()
    if not on_postgresql():
        rows = sorted(_scored(queryset, terms, fields), key=lambda row: (-row[1], -row[0]))
        return Ranked(len(rows), tuple(pk for pk, _score in rows[start:stop]))
    source = (
        f"{connection.ops.quote_name(queryset.model._meta.db_table)}."
        f"{connection.ops.quote_name(queryset.model._meta.get_field(vector).column)}"
    )
    return ranked_by_vector(queryset, source, terms, start=start, stop=stop)


def ranked_by_vector(queryset, source: str, terms: Terms, *, start: int, stop: int) -> Ranked:
    """`ranked` on PostgreSQL, for a German vector given as SQL (`source`: a column of the
    queryset's table or of one it joins; names from our code, never from a request)."""
    # Written out rather than composed of SearchVector and SearchRank: the ORM's compilation
    # of those cost more than the search itself.
    matching = queryset.order_by().filter(
        RawSQL(
            f"{source} @@ to_tsquery('german', %s)", [terms.tsquery], output_field=BooleanField()
        )
    )
    if stop <= start:
        return Ranked(_count(matching))
    rank = RawSQL(
        f"ts_rank({source}, to_tsquery('german', %s), 1)"
        f" + ts_rank({source}, plainto_tsquery('german', %s), 1)",
        [terms.tsquery, terms.plain],
        output_field=FloatField(),
    )
    candidates, params = (
        matching.annotate(search_rank=rank)
        .values_list("pk", "search_rank")[: CANDIDATES + 1]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT found.pk, count(*) OVER () FROM ({candidates}) AS found (pk, search_rank)"
            " ORDER BY found.search_rank DESC, found.pk DESC LIMIT %s OFFSET %s",
            [*params, stop - start, start],
        )
        rows = cursor.fetchall()
    if not rows:
        # Past the last match (or none at all): the count alone says which.
        return Ranked(_count(matching) if start else 0)
    return Ranked(rows[0][1], tuple(pk for pk, _count in rows))


def _count(matching) -> int:
    """How many rows match, counted up to CANDIDATES + 1."""
    sql, params = matching.values_list("pk")[: CANDIDATES + 1].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) AS found", params)
        return cursor.fetchone()[0]


def _scored(queryset, terms: Terms, fields: Sequence[str]) -> list[tuple[object, float]]:
    """Where PostgreSQL is not at hand: up to CANDIDATES + 1 rows in which every word begins
    a word of one of the fields, as (pk, Terms.score)."""
    condition = reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{field}__regex": pattern}) for field in fields))
            for pattern in terms.patterns()
        ),
    )
    return [
        (pk, terms.score(*texts))
        for pk, *texts in queryset.filter(condition).values_list("pk", *fields)[: CANDIDATES + 1]
    ]


def ranked_together(
    sources: Sequence[tuple[object, Sequence[str], str]], terms: Terms
) -> list[tuple[int, object, float]]:
    """Like `ranked` for several small tables at once – (model, fields, the column of their
    stored vector on PostgreSQL) each – as (number of the source, pk, rank), best first: one
    query on PostgreSQL."""
    if not on_postgresql():
        rows = [
            (number, pk, score)
            for number, (model, fields, _column) in enumerate(sources)
            for pk, score in _scored(model._default_manager.order_by(), terms, fields)
        ]
    else:
        selects, params = [], []
        for number, (model, _fields, column) in enumerate(sources):
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            source = f"{table}.{connection.ops.quote_name(column)}"
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
