"""Benchmark of the Ratsvorlage (issue #6, item 6): compiling all formats at the participation
benchmark's volume within 120 s on a 2-core machine.

    .venv/bin/python bench/ratsvorlage/run.py [--keep] [--json FILE] [--strict]

Builds (or with --keep reuses) bench/participation's PostgreSQL database – the demo data of
Dortmund (strategy model, a consolidated theme, two conferences) topped up to 30,000
statements, 250,000 comments and 2,000,000 votes – and compiles one version as the admin's
button does: content from the data, HTML, tagged PDF, DOCX, stored with their checksums. It
prints the time of each step, the whole, the sizes and the PDF's pages. See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from harness import machine  # noqa: E402
from harness.common import WORK, django_env, prepare_database  # noqa: E402
from harness.server import add_service_arguments  # noqa: E402

TARGET_SECONDS = 120.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=30_000)
    parser.add_argument("--comments", type=int, default=250_000)
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--clients", type=int, default=16, help="bench accounts at least")
    parser.add_argument("--keep", action="store_true", help="reuse the database if it fits")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    add_service_arguments(parser, db_name="stadtgespraech_bench")
    args = parser.parse_args()

    env = django_env(args, port=8000)
    env["MEDIA_ROOT"] = str(WORK / "ratsvorlage-media")
    started = time.monotonic()
    built = prepare_database(args, env)
    print(f"database ready in {time.monotonic() - started:.0f} s", file=sys.stderr)
    dsn = f"host={args.db_host} port={args.db_port} user={args.db_user} dbname={args.db_name}"
    info = machine.describe(dsn)
    load_average = machine.load_average()
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("django_side.py"))],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        return 2
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    passed = measured["state"] == "draft" and measured["total_seconds"] <= TARGET_SECONDS
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Stadtgespräch – bench/ratsvorlage, {now}")
    print(
        f"Machine:  {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable),"
        f" {info['memory']} RAM; PostgreSQL {info['postgresql']}; load average at start"
        f" {load_average}"
    )
    print(f"Code:     {machine.revision(ROOT)}")
    print(
        f"Data:     {built.statements:,} statements, {built.comments:,} comments,"
        f" {built.votes:,} votes, {built.users:,} accounts; {measured['themes']} themes,"
        f" {measured['ausgangsbilder']:,} Ausgangsbilder ({measured['ausgangsbilder_listed']:,}"
        f" listed in the paper), {measured['zielbilder']} consolidated Zielbilder"
    )
    print()
    print(f"{'step':<34} seconds")
    print("-" * 44)
    for step, seconds in measured["steps"]:
        print(f"{step:<34} {seconds:7.2f}")
    print("-" * 44)
    print(f"{'compilation as a whole':<34} {measured['total_seconds']:7.2f}")
    print()
    print(
        f"Result:   version {measured['number']} {measured['state']}; PDF {measured['pdf_pages']}"
        f" pages, {measured['pdf_bytes'] / 1e6:.1f} MB, tagged: {measured['pdf_tagged']};"
        f" DOCX {measured['docx_bytes'] / 1e6:.1f} MB; HTML {measured['html_bytes'] / 1e6:.1f} MB"
    )
    print(
        f"Target:   all formats compiled within {TARGET_SECONDS:.0f} s:"
        f" {'pass' if passed else 'FAIL'}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "at": now,
                    "machine": info,
                    "built": built.__dict__,
                    **measured,
                    "target_s": TARGET_SECONDS,
                    "passed": passed,
                },
                indent=2,
            )
        )
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
