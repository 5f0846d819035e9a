"""`.ci/audit` (pip-audit in CI) is honest: a known vulnerability fails CI, a vulnerability
service that cannot be reached is reported as "could not run" and does not."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_audit(tmp_path, report: dict | None, exit_code: int = 0):
    """`.ci/audit` with a stand-in for pip-audit that writes `report` (or nothing)."""
    fake = tmp_path / "pip-audit"
    body = "" if report is None else f"open(out, 'w').write({json.dumps(report)!r})"
    fake.write_text(
        f"#!{sys.executable}\nimport sys\nout = sys.argv[sys.argv.index('--output') + 1]\n"
        f"{body}\nsys.stderr.write('ConnectionError: api.osv.dev\\n')\nsys.exit({exit_code})\n"
    )
    fake.chmod(0o755)
    return subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "audit")],
        env={"PIP_AUDIT": str(fake), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_known_vulnerability_fails(tmp_path):
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-0", "fix_versions": ["5.2.1"]}],
            },
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ]
    }
    result = run_audit(tmp_path, report, exit_code=1)
    assert result.returncode == 1
    assert "django 5.2.0: PYSEC-0 (fixed in 5.2.1)" in result.stdout


def test_no_vulnerability_passes(tmp_path):
    report = {"dependencies": [{"name": "wagtail", "version": "8.0.1", "vulns": []}]}
    result = run_audit(tmp_path, report)
    assert result.returncode == 0
    assert "1 packages audited, no known vulnerability" in result.stdout


@pytest.mark.parametrize(
    "report",
    [
        None,  # the service did not answer at all
        {"dependencies": [{"name": "wagtail", "skip_reason": "Dependency not found on PyPI"}]},
    ],
)
def test_an_unreachable_service_is_said_plainly_and_does_not_fail(tmp_path, report):
    result = run_audit(tmp_path, report, exit_code=1 if report is None else 0)
    assert result.returncode == 0
    assert "THE AUDIT COULD NOT RUN" in result.stdout
