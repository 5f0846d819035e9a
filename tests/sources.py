"""The project's own Python source, parsed, for tests that state rules about the code."""

import ast
from collections.abc import Iterator
from pathlib import Path

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
    "config",
]


def nodes(apps=APPS) -> Iterator[tuple[str, ast.AST]]:
    """(the file's path from the root, node) of every syntax node of the apps' modules."""
    for app in apps:
        for path in (ROOT / app).rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            name = str(path.relative_to(ROOT))
            for node in ast.walk(tree):
                yield name, node
