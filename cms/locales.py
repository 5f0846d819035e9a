"""The page tree in every content language, and which language a page's text is in.

The German tree is the source. Every other content language (English) has a tree of the same
shape: each German page has a counterpart there, an alias that shows the German text until an
editor translates it with wagtail-localize ("Diese Seite übersetzen"), which turns the alias
into a translation. So every address that works under `/` works under `/en/` too, and the
English interface's links stay in English.

wagtail-localize mirrors the tree itself only for pages made in the admin (its
`after_create_page` hook, with a locale synchronisation); pages made by code (the demo, the
tests, an import) would be missing. Here every German page gets its counterpart when it is
saved for the first time, wherever it was made, and `mirror_tree` adds what is missing in an
existing database (after every `migrate`).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Locale, Page

LOCALES_CACHE_KEY = "cms:locale-languages"
LOCALES_CACHE_SECONDS = 300


def source_language() -> str:
    """The language of the source tree: German."""
    return settings.LANGUAGE_CODE


def other_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source_language()]


def ensure_locales() -> None:
    """A Locale for every content language (Wagtail's migration makes only the default)."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    forget_locales()


def locale_languages() -> dict[int, str]:
    """{locale id: language code}, from the cache: every page view asks which language its
    page is in, and the locales change only when an administrator adds one."""
    found = cache.get(LOCALES_CACHE_KEY)
    if found is None:
        found = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_CACHE_KEY, found, LOCALES_CACHE_SECONDS)
    return found


def forget_locales(**kwargs) -> None:
    cache.delete(LOCALES_CACHE_KEY)


def locale_id(language: str) -> int | None:
    for pk, code in locale_languages().items():
        if code == language:
            return pk
    return None


def active_locale_id() -> int | None:
    """The locale of the interface language, or the default one's."""
    return locale_id(get_language() or source_language()) or locale_id(source_language())


def page_language(page) -> str:
    """The language a page's text is written in: an alias shows its German original's text
    whatever tree it stands in; a translation is in its own locale's language."""
    if getattr(page, "alias_of_id", None):
        return source_language()
    locale = getattr(page, "locale_id", None)
    return locale_languages().get(locale, source_language()) if locale else source_language()


def in_language(pages, language: str | None = None):
    """Narrow a page queryset to one language's tree (the interface's by default)."""
    found = locale_id(language or get_language() or source_language())
    if found is None:
        found = locale_id(source_language())
    return pages.filter(locale_id=found) if found else pages


def counterparts(page: Page) -> None:
    """Give a German page its alias in every other content language's tree, where it has
    none yet (neither an alias nor a translation)."""
    for code in other_languages():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        if Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
            continue
        page.copy_for_translation(locale, copy_parents=True, alias=True)


def mirror_new_page(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver: a German page saved for the first time gets its counterparts."""
    if raw or not created or not isinstance(instance, Page) or instance.depth <= 1:
        return
    if type(instance) is Page:  # Wagtail's "Welcome" placeholder, not content
        return
    if page_language_code(instance) != source_language() or instance.alias_of_id:
        return
    counterparts(instance)


def page_language_code(page) -> str:
    return locale_languages().get(page.locale_id) or (
        Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True).first()
        or source_language()
    )


def mirror_tree() -> int:
    """Add the missing counterparts of every German page, parents first. Returns how many
    pages it added. Safe to run again: it adds nothing that exists."""
    from wagtail_localize.synctree import PageIndex, synchronize_tree

    ensure_locales()
    source = Locale.objects.filter(language_code=source_language()).first()
    if source is None:
        return 0
    placeholders = _placeholder_keys()
    index = PageIndex(
        [
            entry
            for entry in PageIndex.from_database().sort_by_tree_position()
            if entry.translation_key not in placeholders
            and entry.parent_translation_key not in placeholders
        ]
    )
    before = Page.objects.count()
    with transaction.atomic():
        for code in other_languages():
            synchronize_tree(source, Locale.objects.get(language_code=code), page_index=index)
    return Page.objects.count() - before


def _placeholder_keys() -> set:
    """Wagtail's "Welcome" page, where no site starts from it: nothing to mirror."""
    from wagtail.models import Site

    return set(
        Page.objects.filter(depth=2)
        .exact_type(Page)
        .exclude(pk__in=Site.objects.values("root_page_id"))
        .values_list("translation_key", flat=True)
    )


def after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: an existing database gets its locales and its mirrored trees
    when it is migrated to this version; a fresh one just its locales."""
    # Wagtail's own "Welcome" page (a plain Page) is no content: a database with nothing
    # else has nothing to mirror yet.
    if not Page.objects.filter(depth__gt=1).exclude(content_type=_plain_page_type()).exists():
        ensure_locales()
        return
    mirror_tree()


def _plain_page_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page)


def localized_among(owner, related_name: str):
    """The page in the reader's language among `owner`'s pages (a theme's, a conference's):
    its live translation or alias in the interface language's tree, else the German page,
    else None. Asked once per object and language; uses prefetched pages when there are."""
    wanted = active_locale_id()
    memo = owner.__dict__.setdefault("_localized_pages", {})
    if (related_name, wanted) not in memo:
        prefetched = getattr(owner, "_prefetched_objects_cache", {})
        manager = getattr(owner, related_name)
        pages = (
            list(manager.all())
            if related_name in prefetched
            else list(manager.select_related(None).order_by("path"))
        )
        source = locale_id(source_language())
        chosen = next((p for p in pages if p.locale_id == wanted and p.live), None)
        chosen = chosen or next((p for p in pages if p.locale_id == source), None)
        memo[(related_name, wanted)] = chosen or next(iter(pages), None)
    return memo[(related_name, wanted)]


def forget_counterparts(sender, instance, **kwargs) -> None:
    """pre_delete receiver: a German page that is deleted takes its aliases in the other
    trees with it (Wagtail would keep them as pages of their own, still online with the
    deleted text). Translations stay: they are an editor's work, to be deleted on purpose."""
    if not isinstance(instance, Page) or instance.alias_of_id or instance.depth <= 1:
        return
    aliases = Page.objects.filter(alias_of_id=instance.pk).exclude(locale_id=instance.locale_id)
    for alias in aliases:
        alias.delete()
