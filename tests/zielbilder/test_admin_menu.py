"""The strategy pages in the admin menu: each entry only for those its page lets in."""

import json
import re

import pytest

from tests import factories

ENTRIES = {
    "Konsolidierung": "/admin/werkbank/",
    "Ratsvorlage": "/admin/ratsvorlage/",
    "Berichte der Ämter": "/admin/berichte/",
    "Strategie importieren": "/admin/strategie-import/",
}


def menu_entries(client) -> dict[str, str]:
    """The sidebar's links: Wagtail renders the menu as JSON for its script."""
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    entries = {}

    def walk(node):
        if isinstance(node, dict):
            if "label" in node and "url" in node:
                entries[node["label"]] = node["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props))
    return entries


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("Strategieteam", list(ENTRIES)),
        ("Fachämter", ["Berichte der Ämter"]),
        ("Redaktion", []),
        ("Konferenzteam", []),
    ],
)
def test_the_menu_shows_what_the_role_may_open(client, db, role, shown):
    client.force_login(factories.UserFactory(roles=[role]))
    menu = menu_entries(client)
    assert [label for label, url in ENTRIES.items() if menu.get(label) == url] == shown
