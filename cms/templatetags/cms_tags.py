from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    root = site.root_page
    current_path = request.path
    items = []
    for page in root.get_children().live().in_menu().public():
        url = page.get_url(request)
        items.append(
            {"title": page.title, "url": url, "current": bool(url) and current_path.startswith(url)}
        )
    return {"home_url": root.get_url(request), "items": items}


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
