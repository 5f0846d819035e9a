"""A web process may be one of many: the application code keeps nothing in the process that
another process would need – no in-memory caches of data, no thread or process locks, no
cache backend of its own. Shared state goes through Django's cache (Redis when REDIS_URL is
set), the database or the storage. This guards the audit of issue #8 against regressions."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "outbox", "cms", "participation", "konferenzen", "zielbilder", "config"]
# A module may name these only in the settings, which choose the backends.
SETTINGS = ROOT / "config" / "settings"


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if {"threading", "multiprocessing", "_thread"} & {n.split(".")[0] for n in names}:
                found.append(f"line {node.lineno}: imports threading/multiprocessing (locks)")
            if {"lru_cache", "cache"} & set(names) and "functools" in names:
                found.append(f"line {node.lineno}: functools caches in process memory")
        elif isinstance(node, ast.Attribute) and node.attr in ("lru_cache", "cache"):
            if isinstance(node.value, ast.Name) and node.value.id == "functools":
                found.append(f"line {node.lineno}: functools caches in process memory")
        elif isinstance(node, ast.Global):
            found.append(f"line {node.lineno}: module state changed at run time ({node.names})")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "LocMemCache" in node.value
            and SETTINGS not in path.parents
        ):
            found.append(f"line {node.lineno}: a cache of this process only")
    return found


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_module_keeps_no_state_of_its_own_process(path):
    assert findings(path) == []


def test_the_guard_finds_what_it_is_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import functools\nimport threading\n_seen = None\n\n"
        "@functools.lru_cache\ndef f():\n    global _seen\n    return 1\n"
    )
    assert len(findings(sample)) == 3
