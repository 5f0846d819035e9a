from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

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
            "current": bool(url) and current_path.startswith(url),
            "is_content": is_content,
        }
        for title, url, is_content in chrome["navigation"]
    ]
    return {"home_url": chrome["home_url"], "items": items, "request": request}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return {
        "languages": [
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }


@register.simple_tag
def content_lang():
    """` lang="de"` on editorial content when the interface speaks another language.

    Page content is written in the site's language only; marking it lets screen readers
    pronounce German text as German on the English interface (WCAG 3.1.2).
    """
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


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
    """What editors, offices and citizens wrote, inside interface text: marked with the
    site's language when the interface speaks another one (see `content_lang`).

    For names and texts inside translated sentences, e.g.
    `{% blocktranslate with name=goal.name|as_content %}Ziel {{ number }}: {{ name }}…`.
    """
    if get_language() == settings.LANGUAGE_CODE or value in (None, ""):
        return value
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, value)
