"""`make screenshots`: every kind of public page, and each role's main admin pages, as Debian's
Chromium draws them at a phone's and a desktop's width, into build/screenshots/ with an index.

Not a test of the suite (its name does not start with test_, so `make test` does not collect
it): pictures are for people. Look at them after every change to templates or styles; a page
that passes axe can still look broken (a legend running into a label, a column off the edge).

The public pages are the ones tests/browser/test_every_page_kind.py checks: one of each kind
the visitor's crawl of the demo finds, then the pages only steps lead to (signed in, from a
mail, after a form with errors; tests/browser/extra_pages.py). The admin pages are those each
staff role's menu in the Wagtail admin links to.
"""

import html
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client

from .conftest import SHARED_DEMO_SITE, sign_in_quietly
from .crawl import crawl
from .extra_pages import Demo, new_tab, visit_extra_pages
from .test_every_page_kind import EXCLUDED

pytestmark = SHARED_DEMO_SITE

OUT = Path(__file__).resolve().parents[2] / "build" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
# The staff accounts of the demo (cms/demo.py prints them), one per role.
STAFF = {
    "Redaktion": "redaktion@example.org",
    "Moderation": "moderation@example.org",
    "Konferenzteam": "konferenz@example.org",
    "Strategieteam": "strategie@example.org",
    "Fachamt (Amt 61)": "amt61@example.org",
    "Ratsmitglied": "rat@example.org",
}
# Very long pages are cut: a picture taller than this shows nothing more to a reader.
MAX_HEIGHT = 12_000


@dataclass
class Shot:
    section: str
    title: str
    url: str
    files: dict[str, str] = field(default_factory=dict)


def take(tab, shot: Shot, name: str) -> None:
    """Both widths of the page the tab shows; the tab's own size is restored afterwards."""
    before = tab.viewport_size
    for label, (width, height) in WIDTHS.items():
        tab.set_viewport_size({"width": width, "height": height})
        tab.evaluate("document.fonts.ready")
        full = tab.evaluate("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT)}
        file = f"{name}-{label}.png"
        tab.screenshot(path=OUT / file, full_page=True, clip=clip, animations="disabled")
        shot.files[label] = file
    tab.set_viewport_size(before)


GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str) -> str:
    text = text.lower().translate(GERMAN_LETTERS)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "seite"


def admin_menu(email: str) -> list[tuple[str, str]]:
    """The links of the role's Wagtail menu (label, path), as the admin's sidebar gets them."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    found = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        client.get("/admin/").content.decode(),
        re.S,
    )
    links: list[tuple[str, str]] = [("Übersicht", "/admin/")]

    def walk(node):
        if isinstance(node, dict):
            url, label = node.get("url"), node.get("label")
            known = {u for _label, u in links}
            if (
                isinstance(url, str)
                and isinstance(label, str)
                and url.startswith("/admin/")
                and not url.startswith("/admin/account")
                and url not in known
            ):
                links.append((label, url))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(found.group(1)) if found else {})
    return links


def write_index(shots: list[Shot]) -> Path:
    sections: dict[str, list[Shot]] = {}
    for shot in shots:
        sections.setdefault(shot.section, []).append(shot)
    parts = [
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>",
        "<title>Stadtgespräch – Bildschirmfotos</title><style>",
        "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}",
        "figure{display:inline-block;vertical-align:top;margin:0 1rem 2rem 0}",
        "img{border:1px solid #999;display:block;max-height:560px;object-fit:cover;"
        "object-position:top}",
        ".phone img{width:195px}.desktop img{width:455px}h3{margin:0 0 .25rem}",
        "section{border-top:1px solid #ccc;padding-top:.5rem}</style></head><body>",
        f"<h1>Stadtgespräch – {len(shots)} Seiten, je 390 und 1366 px breit</h1>",
        "<p>Erzeugt mit <code>make screenshots</code> aus den Demodaten. "
        "Ein Klick öffnet das Bild in voller Größe.</p>",
    ]
    for section, members in sections.items():
        parts.append(f"<h2>{html.escape(section)} ({len(members)})</h2>")
        for shot in members:
            parts.append(f"<section><h3>{html.escape(shot.title)}</h3>")
            parts.append(f"<p><code>{html.escape(shot.url)}</code></p>")
            for label, file in shot.files.items():
                parts.append(
                    f"<figure class='{label}'><a href='{file}'><img src='{file}' "
                    f"alt='{html.escape(shot.title)}, {label}' loading='lazy'></a>"
                    f"<figcaption>{label}</figcaption></figure>"
                )
            parts.append("</section>")
    parts.append("</body></html>")
    index = OUT / "index.html"
    index.write_text("\n".join(parts), encoding="utf-8")
    return index


def test_screenshots_of_every_page_kind(browser, demo_server):
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    shots: list[Shot] = []
    demo = Demo()

    for language, start in (("de", "/"), ("en", "/en/")):
        visited = crawl(start, skip_kinds=set(EXCLUDED))
        tab = new_tab(browser, demo_server, language=language)
        section = "Öffentliche Seiten" if language == "de" else "Öffentliche Seiten (English)"
        # The pages of the Wagtail tree (home, stages, themes …) first, then the rest by name.
        kinds = sorted(
            visited.representatives(language).items(),
            key=lambda item: (not item[0].startswith("page:"), item[0]),
        )
        for kind, path in kinds:
            tab.goto(demo_server.url + path)
            shot = Shot(section, kind, path)
            take(tab, shot, slug(f"{language}-{kind}"))
            shots.append(shot)
        tab.context.close()

    for number, (page, tab, kind, status) in enumerate(
        visit_extra_pages(browser, demo_server, demo)
    ):
        shot = Shot("Nach Schritten (angemeldet, aus Mails, Formulare)", page.what, tab.url)
        shot.title = f"{page.what} → {kind}, {status}"
        take(tab, shot, slug(f"extra-{number:02d}-{page.what}"))
        shots.append(shot)

    for role, email in STAFF.items():
        tab = new_tab(browser, demo_server)
        sign_in_quietly(tab, email)
        for label, path in admin_menu(email):
            tab.goto(demo_server.url + path)
            shot = Shot(f"Verwaltung: {role}", label, path)
            take(tab, shot, slug(f"admin-{role}-{label}"))
            shots.append(shot)
        tab.context.close()

    index = write_index(shots)
    print(f"\n{len(shots)} Seiten, {2 * len(shots)} Bilder: {index}")
    assert all((OUT / file).stat().st_size > 0 for shot in shots for file in shot.files.values())
    assert {"page:cms.HomePage", "konferenzen:register", "umsetzung:dashboard"} <= {
        shot.title for shot in shots
    }
