"""Compiles one version of the Ratsvorlage inside Django, as the admin's button does, and
prints the time of each step as JSON (run by bench/ratsvorlage/run.py with its settings)."""

import json
import re
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from ratsvorlage.models import PaperVersion, VersionState  # noqa: E402

from ratsvorlage import compilation  # noqa: E402


def pdf_facts(pdf: bytes) -> tuple[int, bool]:
    """Pages and whether it is tagged; objects may sit in compressed streams."""
    texts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            texts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    pages = sum(len(re.findall(rb"/Type\s*/Page(?![s\w])", text)) for text in texts)
    tagged = any(b"/StructTreeRoot" in text for text in texts)
    return pages, tagged


def main() -> None:
    # A compilation left over from an interrupted run would refuse this one.
    PaperVersion.objects.filter(state=VersionState.COMPILING).update(state=VersionState.FAILED)
    marks = []
    recorder = compilation._progress

    def progress(version_id, percent, note):
        marks.append((str(note), time.perf_counter()))
        recorder(version_id, percent, note)

    compilation._progress = progress
    started = time.perf_counter()
    # No broker configured: the task runs eagerly inside this call, as `make run` does.
    version = compilation.start_compilation(
        title="Strategie „Unser Dortmund“",
        paper_number="bench",
        proposed_resolution="Der Rat beschließt die Stadtstrategie.",
    )
    finished = time.perf_counter()
    version.refresh_from_db()
    steps = [
        (note, (marks[i + 1][1] if i + 1 < len(marks) else finished) - at)
        for i, (note, at) in enumerate(marks)
    ]
    if marks:
        steps.insert(0, ("start (row, task hand-over)", marks[0][1] - started))
    pdf = version.pdf.read() if version.pdf else b""
    pages, tagged = pdf_facts(pdf)
    themes = (version.content or {}).get("themes", [])
    print(
        json.dumps(
            {
                "number": version.number,
                "state": version.state,
                "error": version.error,
                "steps": steps,
                "total_seconds": finished - started,
                "pdf_bytes": version.pdf_size,
                "pdf_pages": pages,
                "pdf_tagged": tagged,
                "docx_bytes": version.docx_size,
                "html_bytes": len(version.html.encode()),
                "themes": len(themes),
                "ausgangsbilder": sum(t["ausgangsbilder_total"] for t in themes),
                "ausgangsbilder_listed": sum(len(t["ausgangsbilder"]) for t in themes),
                "zielbilder": sum(len(t["zielbilder"]) for t in themes),
            }
        )
    )


if __name__ == "__main__":
    main()
