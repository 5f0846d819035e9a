"""Translating a page the way wagtail-localize's editor does, from code (the demo, imports).

wagtail-localize keeps a translation as a source (the German page's text cut into segments:
a title, each paragraph, each heading), a translation into a locale, and one string
translation per segment. An editor fills those in its editor and publishes; `translate_page`
writes the same records and publishes the same way, so a page translated here is one the
editor can open, change and synchronise like any other.
"""

from collections.abc import Iterable

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

BLOCK_TAGS = ("<p", "<li", "<h2", "<h3", "<ul", "<ol")


def segment_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{German segment: English segment} from whole texts: rich text is cut into its
    paragraphs and list items as wagtail-localize cuts it, plain text stays whole."""
    found = {}
    for german, english in pairs:
        if any(tag in german for tag in BLOCK_TAGS):
            _template, german_strings = extract_strings(german)
            _template, english_strings = extract_strings(english)
            if len(german_strings) != len(english_strings):
                raise ValueError(f"Not cut alike: {german[:60]!r} and {english[:60]!r}")
            for (german_string, _a), (english_string, _b) in zip(
                german_strings, english_strings, strict=True
            ):
                found[german_string.data] = english_string.data
        else:
            # Plain text is kept as HTML in the segments (an "&" as "&amp;").
            found[StringValue.from_plaintext(german).data] = StringValue.from_plaintext(
                english
            ).data
    return found


def is_translated(page: Page, language: str = "en") -> bool:
    """Whether `page` has a translation (not an alias) in `language`."""
    return (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=language,
            alias_of__isnull=True,
        )
        .exclude(pk=page.pk)
        .exists()
    )


def translate_page(
    page: Page, pairs: Iterable[tuple[str, str]], *, language: str = "en", user=None
) -> Page:
    """Translate `page` into `language` and publish the translation.

    `pairs` gives the German texts with their translations; a segment none of them names
    keeps its German text (wagtail-localize's fallback), as when an editor publishes a
    translation that is not complete. Returns the translated page.
    """
    locale = Locale.objects.get(language_code=language)
    english = segment_pairs(pairs)
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = english.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
            },
        )
    # wagtail-localize's "publish" waits for the end of the transaction and then publishes the
    # page object it held when it saved, with the tree fields of that moment; inside a
    # longer transaction (the demo adds pages after this) that would write an old number of
    # children back. So: save as a draft, then publish the revision read afresh.
    source.create_or_update_translation(
        locale, user=user, publish=False, fallback=True, copy_parent_pages=True
    )
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish(user=user)
    return page.get_translation(locale).specific


def untranslated_segments(page: Page, language: str = "en") -> list[str]:
    """The German segments of `page` that have no translation into `language` (slugs
    aside: an address may stay as it is)."""
    locale = Locale.objects.get(language_code=language)
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return ["(not translated)"]
    return [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .select_related("string", "context")
        if not segment.translation and segment.context.path != "slug"
    ]
