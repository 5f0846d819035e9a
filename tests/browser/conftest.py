import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop in the test thread, which makes Django refuse
# database access as "async"; the tests themselves are synchronous, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture
def demo_site(transactional_db):
    call_command("demo_data", force=True, stdout=io.StringIO())


def axe_violations(tab) -> list[dict]:
    """Run axe-core with the WCAG 2.1 A/AA rules on the loaded page."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def describe(violations) -> str:
    return json.dumps(violations, indent=2, ensure_ascii=False)
