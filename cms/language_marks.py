"""Content inside the interface's own sentences, marked with its language.

On the English site a sentence such as "March 17, 2027, Rathaus Dortmund, Bürgerhalle" is
English interface around German content; a screen reader pronounces each part correctly only
when the German part says so (`lang="de"`, WCAG 3.1.2). These helpers build such sentences as
safe HTML, escaping everything that is not markup of their own.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def in_language(text: str, language: str = settings.LANGUAGE_CODE) -> str | SafeString:
    """`text` marked as written in `language`, when the interface speaks another."""
    if (get_language() or settings.LANGUAGE_CODE) == language:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


def interpolate(sentence: str, values: dict) -> SafeString:
    """A translated sentence with `%(name)s` placeholders, filled with `values` (plain text is
    escaped, marked content kept), as safe HTML."""
    escaped = {key: conditional_escape(value) for key, value in values.items()}
    return mark_safe(conditional_escape(sentence) % escaped)


def joined(parts, separator: str = " · ") -> SafeString:
    """Pieces of a line (some of them marked content), escaped and joined, as safe HTML."""
    return mark_safe(conditional_escape(separator).join(conditional_escape(p) for p in parts))
