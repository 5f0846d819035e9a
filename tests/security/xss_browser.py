"""What the XSS browser tests share: the browser context that watches for payloads that run,
and the small helpers that send values through the real forms.

A payload that runs calls `__xss(n)` (a Playwright binding) or opens a dialog; the
Content-Security-Policy violations are reported by the browser tests' own fixture.
"""

import csv
import io
import json

from django.contrib.auth import get_user_model
from django.test import Client

from tests.browser.conftest import sign_in_quietly

from .xss_corpus import CORPUS


class Watch:
    """One browser context whose pages report every payload that runs."""

    def __init__(self, chromium, server):
        self.fired: list[dict] = []
        self.context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
        self.context.expose_binding(
            "__xss",
            lambda source, number: self.fired.append(
                {"page": source["page"].url, "payload": number}
            ),
        )
        self.tab = self.context.new_page()
        self.tab.set_default_timeout(15_000)
        self.tab.base_url = server.url
        self.tab.on("dialog", self._dialog)
        self.seen: dict[str, list[str]] = {}

    def _dialog(self, dialog):
        self.fired.append({"page": self.tab.url, "dialog": dialog.message})
        dialog.dismiss()

    def be(self, email: str | None) -> None:
        self.context.clear_cookies()
        if email:
            sign_in_quietly(self.tab, email)

    def open(self, path: str, *, shows=CORPUS) -> None:
        """Open the page, let its scripts run, and check the payloads stand on it as text."""
        response = self.tab.goto(self.tab.base_url + path)
        assert response.status < 500, f"{path}: {response.status}"
        self.check(path, shows=shows)

    def check(self, what: str, *, shows=CORPUS) -> None:
        self.tab.wait_for_load_state("load")
        text = " ".join(self.tab.evaluate("document.body.innerText").split())
        missing = [p.marker for p in shows if " ".join(p.text.split()) not in text]
        self.seen[what] = missing


def csv_file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def signed_in(email: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def posted(client: Client, path: str, data: dict, *, expect=(302,)):
    response = client.post(path, data)
    assert response.status_code in expect, (path, response.status_code)
    return response


def assert_field(tab, selector: str, value: str) -> None:
    """A form shows the stored text back in its field, character for character."""
    assert tab.locator(selector).input_value() == value.replace("\r\n", "\n"), selector


def json_endpoint(watch: Watch, path: str, *, shows=()) -> None:
    """JSON is served as JSON and never sniffed as HTML, and holds the text unchanged. Files
    offered as downloads are not pages; the others are opened in the browser too."""
    response = watch.tab.request.get(watch.tab.base_url + path)
    assert response.status == 200, path
    assert response.headers["content-type"].startswith("application/json"), path
    assert response.headers.get("x-content-type-options") == "nosniff", path
    data = json.dumps(json.loads(response.text()), ensure_ascii=False)
    watch.seen[path] = [
        p.marker for p in shows if json.dumps(p.text, ensure_ascii=False)[1:-1] not in data
    ]
    if "attachment" not in response.headers.get("content-disposition", ""):
        watch.open(path, shows=())
