"""Docs for people: a short README that leads into docs/, and no path that only the
developers' machines have. (`make lint` builds docs/ as a site with --strict, which fails on
a broken link or anchor.)"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where the developers keep the city's paper and their checkouts (spelt apart, so that this
# file does not name them itself).
OUTSIDE = ("../" + "shared", "/" + "work/")


def test_the_readme_is_short_and_every_docs_page_is_one_click_away():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) <= 250
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)", readme))
    index = (ROOT / "docs" / "index.md").read_text()
    pages = {path.name for path in (ROOT / "docs").glob("*.md")}
    # Each page is linked from the README or from the docs' index, which the README links.
    assert "index.md" in linked
    reachable = linked | set(re.findall(r"\]\(([\w-]+\.md)", index))
    assert pages - reachable == set()


def test_no_file_names_a_path_outside_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".html", ".txt", ".yml", ".toml", ".cfg", ""}:
            continue
        if not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        if any(outside in text for outside in OUTSIDE):
            found.append(name)
    assert found == []
