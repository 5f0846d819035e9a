"""The pages of the site as search results: every live, public page of every type – home,
process, stage, theme, conference, content and Leichte Sprache pages – through Wagtail's
search index (its German vectors on PostgreSQL, whole words with SQLite's FTS5)."""

from __future__ import annotations

import html

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import F
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.models import IndexEntry

from ..locales import page_language
from .matching import CANDIDATES, highlight, on_postgresql, ranked_by_vector
from .providers import NOTHING, Found, Hit, SearchProvider
from .terms import WORD, Terms

# The fields a page type may have that say in a sentence what it is about, in this order.
SUMMARY_FIELDS = ("search_description", "teaser", "short_description", "intro")


class PageSearch(SearchProvider):
    kind = "seiten"
    label = _("Seiten")
    description = _(
        "Die Seiten der Website: Themen, Stufen, Stadtkonferenzen und weitere Informationen."
    )
    order = 40

    def search(self, terms: Terms, *, theme: str, start: int, stop: int) -> Found:
        pages = Page.objects.live().public()
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            pages = pages.filter(locale=Locale.get_active())
        if theme:
            ids = theme_page_ids(theme)
            if not ids:
                return NOTHING
            pages = pages.filter(pk__in=ids)
        if on_postgresql():
            return self._search_index(pages, terms, start, stop)
        results = pages.specific().search(" ".join(terms.words), operator="and")
        count = min(results.count(), CANDIDATES + 1)
        if stop <= start or count <= start:
            return Found(count)
        return Found(count, [page_hit(page, terms) for page in results[start:stop]])

    def _search_index(self, pages, terms: Terms, start: int, stop: int) -> Found:
        """On PostgreSQL: the vectors of Wagtail's index (its database backend's table, kept
        by Wagtail whenever a page is published) read as the other kinds read theirs – the
        same words, prefixes and ranking, and one query that counts and ranks, where
        Wagtail's search API built two that took longer to compose than to run."""
        entry = connection.ops.quote_name(IndexEntry._meta.db_table)
        # Joined on the specific type a page is indexed under; the join's alias is the
        # table's name, as for any table a query joins once.
        matching = pages.filter(index_entries__content_type=F("content_type"))
        best = ranked_by_vector(
            matching, f"({entry}.title || {entry}.body)", terms, start=start, stop=stop
        )
        if not best.ids:
            return Found(best.count)
        found = {page.pk: page for page in Page.objects.filter(pk__in=best.ids).specific()}
        return Found(best.count, [page_hit(found[pk], terms) for pk in best.ids if pk in found])


def theme_page_ids(slug: str) -> list[int]:
    """The pages that belong to a focus theme. A page type says how it names its theme with
    `search_theme_lookup` (participation's ThemePage: "theme__slug"); cms knows no themes."""
    ids: list[int] = []
    for model in get_page_models():
        lookup = model.__dict__.get("search_theme_lookup")
        if lookup:
            ids += model.objects.filter(**{lookup: slug}).values_list("pk", flat=True)
    return ids


def page_hit(page: Page, terms: Terms) -> Hit:
    theme = getattr(page, "theme", None)
    return Hit(
        title=highlight(page.title, terms),
        url=page.get_url() or "",
        label=str(getattr(page, "search_label", "") or page._meta.verbose_name),
        snippet=highlight(_summary(page, terms), terms),
        theme=str(theme) if theme is not None else "",
        language=page_language(page),
        theme_language=getattr(theme, "content_language", ""),
    )


def _summary(page: Page, terms: Terms) -> str:
    """The first summary or body text that holds a word of the query; else the first one."""
    texts = [_plain(getattr(page, name, "")) for name in SUMMARY_FIELDS]
    try:
        body = page._meta.get_field("body")
    except FieldDoesNotExist:
        pass
    else:
        texts += [_plain(text) for text in body.get_searchable_content(page.body)]
    texts = [text for text in texts if text]
    for text in texts:
        if any(terms.matches(word) for word in WORD.findall(text)):
            return text
    return texts[0] if texts else ""


def _plain(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())
