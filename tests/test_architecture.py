"""The apps stand on floors and imports only go down (design.md, "Shape of the code")."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts",
    "outbox",
    "cms",
    "participation",
    "konferenzen",
    "strategie",
    "auswertung",
    "zielbilder",
    "ratsvorlage",
    "umsetzung",
]
# What each app may import of our own apps.
GROUND_AND_BASEMENT = {"accounts", "outbox", "cms"}
FIRST_FLOOR = {"participation", "konferenzen", "strategie"}
ALLOWED = {
    "outbox": set(),
    "accounts": {"outbox"},
    "cms": {"accounts", "outbox"},
    # Participation, the conferences and the strategy model stand side by side.
    "participation": GROUND_AND_BASEMENT,
    "konferenzen": GROUND_AND_BASEMENT,
    "strategie": GROUND_AND_BASEMENT,
    "auswertung": GROUND_AND_BASEMENT | FIRST_FLOOR,
    "zielbilder": GROUND_AND_BASEMENT | FIRST_FLOOR | {"auswertung"},
    # The council paper and the implementation stand side by side on the top floor.
    "ratsvorlage": GROUND_AND_BASEMENT | FIRST_FLOOR | {"auswertung", "zielbilder"},
    "umsetzung": GROUND_AND_BASEMENT | FIRST_FLOOR | {"auswertung", "zielbilder"},
}


def imported_apps(app: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / app).rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in APPS and top != app:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


@pytest.mark.parametrize("app", APPS)
def test_imports_only_go_down(app):
    forbidden = {
        other: files for other, files in imported_apps(app).items() if other not in ALLOWED[app]
    }
    assert forbidden == {}, f"{app} imports from a floor above or beside it: {forbidden}"


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def tag_libraries() -> dict[str, str]:
    """{library name: the app that defines it} of our apps' template tag libraries."""
    return {
        path.stem: app
        for app in APPS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


@pytest.mark.parametrize("app", APPS)
def test_templates_load_only_the_tags_of_their_floor_and_below(app):
    """A lower app's page shows an upper app's content through a hook the upper app fills
    (participation.panels), never by loading its tags."""
    libraries = tag_libraries()
    forbidden = []
    for path in (ROOT / "templates" / app).rglob("*.html"):
        for names in LOAD.findall(path.read_text()):
            for name in names.split():
                owner = libraries.get(name)
                if owner and owner != app and owner not in ALLOWED[app]:
                    forbidden.append(f"{path.relative_to(ROOT)}: {name} ({owner})")
    assert forbidden == []


@pytest.mark.parametrize("app", ["participation", "konferenzen", "zielbilder"])
def test_domain_apps_exist_as_installed_apps(app, settings):
    assert any(entry.split(".")[0] == app for entry in settings.INSTALLED_APPS)


def test_every_app_of_ours_is_on_a_floor_and_in_the_rules_about_the_code():
    """A new app joins the floors here, the walk over the source (tests.sources) and the
    import contracts of pyproject.toml; none of them may miss it."""
    import tomllib

    from django.apps import apps

    from tests import sources

    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    }
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert set(APPS) == ours
    assert set(sources.APPS) == ours | {"config"}
    assert set(contracts["root_packages"]) == ours
