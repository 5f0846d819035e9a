from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from ..chart_axes import number_label
from ..locales import page_language
from ..sitecache import page_counterpart_urls
from ..sitecache import site_chrome as cached_site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Navigation, footer links and operator of the request's site (see cms.sitecache)."""
    request = context.get("request")
    if request is None:
        return {
            "home_url": "/",
            "navigation": [],
            "footer_links": [],
            "operator": "",
            "easy_language_url": "",
        }
    return cached_site_chrome(request)


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context, chrome):
    request = context.get("request")
    current_path = request.path if request else ""
    items = [
        {
            "title": title,
            "url": url,
            "lang": language,
            "current": bool(url) and current_path.startswith(url),
        }
        for title, url, language in chrome["navigation"]
    ]
    return {"home_url": chrome["home_url"], "items": items, "request": request}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in every language: a Wagtail page's own counterpart there (its
    translation may have another address), any other page at the same path."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    page = context.get("page")
    counterparts = (
        page_counterpart_urls(request, page)
        if request is not None and isinstance(page, Page) and page.pk
        else {}
    )
    if counterparts and request.META.get("QUERY_STRING"):
        query = "?" + request.META["QUERY_STRING"]
        counterparts = {code: url + query for code, url in counterparts.items()}
    return {
        "languages": [
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": counterparts.get(code) or translate_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }


def language_of(content) -> str:
    """The language `content` is written in: a page's (its locale's, German for an alias of
    a German page), an object's that says so (`content_language`: a theme's name, a stage's
    title), and German for everything else that editors, offices and citizens wrote."""
    if content is None or isinstance(content, str):
        return settings.LANGUAGE_CODE
    if hasattr(content, "content_language"):
        return content.content_language or settings.LANGUAGE_CODE
    if hasattr(content, "locale_id") and hasattr(content, "translation_key"):
        return page_language(content)
    return settings.LANGUAGE_CODE


@register.simple_tag
def content_lang(content=None):
    """` lang="…"` on content when the interface speaks another language than the site's.

    Without an argument: content written in the site's language (German) – citizens'
    statements and comments, offices' names. With a page, a theme or a stage: the language
    that object's text is in, so that an English translation is marked `lang="en"` and a
    page still shown in German `lang="de"`. Screen readers then pronounce each text in its
    own language (WCAG 3.1.2).
    """
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', language_of(content))


@register.simple_tag
def lang_attr(language: str):
    """` lang="…"` for content whose language is known by its code (the navigation's
    titles), on the same terms as `content_lang`."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', language or settings.LANGUAGE_CODE)


@register.simple_tag
def interface_lang():
    """` lang="en"` on what the site itself writes inside editorial content (a block that
    fills itself in), when the interface speaks another language than the content around it.
    """
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', get_language())


@register.filter
def as_content(value):
    """What editors, offices and citizens wrote, inside interface text: marked with its
    language when the interface speaks another one than the site's (see `content_lang`).

    For names and texts inside translated sentences, e.g.
    `{% blocktranslate with name=goal.name|as_content %}Ziel {{ number }}: {{ name }}…`;
    an object that knows its language (a theme) is marked with that:
    `{% blocktranslate with theme=theme|as_content %}`.
    """
    if get_language() == settings.LANGUAGE_CODE or value in (None, ""):
        return value
    return format_html('<span lang="{}">{}</span>', language_of(value), value)


@register.filter
def figure_number(value, decimals=None) -> str:
    """A key figure's value as the reader's language writes it, without the stored trailing
    zeros: 92.200 reads "92,2", 1500.000 reads "1.500" ("1,500" in English); "" for None.
    With `decimals`, rounded to at most that many places first."""
    if value is None or value == "":
        return ""
    if decimals is not None:
        value = round(Decimal(str(value)), int(decimals))
    return number_label(value)
