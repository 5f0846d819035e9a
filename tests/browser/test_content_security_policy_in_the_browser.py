"""The Content-Security-Policy is enforced in Chromium and breaks nothing: the public pages,
the vote script and the Wagtail admin's editors (date pickers, inline panels, preview) run
without a single `securitypolicyviolation` event. The conftest's watcher fails every browser
test on a violation; these tests walk the pages that matter most on purpose."""

import pytest
from django.conf import settings
from django.test import Client

from cms.models import StagePage
from tests import factories
from tests.konferenzen.conftest import conference, make_conference  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(tab, user) -> None:
    """The person's session, handed to the browser as its cookie."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    tab.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": tab.base_url}])


def strict(policy: str) -> bool:
    return "script-src 'self';" in policy + ";" and "unsafe" not in policy


def test_public_pages_and_the_vote_script_run_under_the_strict_policy(page, conference):  # noqa: F811
    theme_page = factories.theme_page("Mobilität")
    statement = factories.statement(theme_page.theme, stage=3, kind="zielbild")
    factories.comment(statement, text="Ein Kommentar mit https://example.org/ darin.")
    pages = [
        "/",
        "/stadtgespraech/stufe-3/",
        theme_page.url,
        f"/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/",
        conference.page.url,
        f"/konferenzen/{conference.slug}/anmelden/",
        "/strategie/",
        "/monitoring/",
        "/suche/?q=Bus",
        "/konto/signup/",
        "/en/stadtgespraech/",
    ]
    for path in pages:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        assert strict(response.headers["content-security-policy"]), path

    # A vote sent by static/js/votes.js, which swaps the result bar (an SVG) in.
    sign_in(page, factories.UserFactory(email="csp-buergerin@example.org"))
    page.goto(page.base_url + statement.get_absolute_url())
    page.locator("[data-vote-form] button[value=agree]").first.click()
    page.get_by_text("Ihre Bewertung wurde gespeichert.").first.wait_for()
    assert page.locator(".vote-bar rect").count() == 1
    page.goto(page.base_url + "/konto/email/")

    # An editor sees Wagtail's user bar on the public pages; it must work under the policy.
    sign_in(page, factories.UserFactory(email="csp-redaktion@example.org", roles=["Redaktion"]))
    page.goto(page.base_url + theme_page.url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator("#wagtail-userbar-trigger").click()
    page.locator("#wagtail-userbar-items").wait_for()


def test_the_admin_edits_a_stage_page_and_a_conference_without_a_violation(page, process):
    sign_in(
        page, factories.UserFactory(email="csp-admin@example.org", is_superuser=True, is_staff=True)
    )

    # A page with date fields: the date picker, the preview panel.
    stage = StagePage.objects.get(locale__language_code="de", number=5)
    response = page.goto(f"{page.base_url}/admin/pages/{stage.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    end_date = page.locator("#id_end_date")
    end_date.click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    end_date.fill(stage.end_date.replace(day=28).isoformat())
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Vorschau").click()
    page.frame_locator("iframe[title]").first.locator("main").wait_for()
    page.get_by_role("button", name="Entwurf speichern").click()
    page.get_by_text("wurde aktualisiert").first.wait_for()
    stage.refresh_from_db()
    assert stage.get_latest_revision().content["end_date"].endswith("-28")

    # A snippet with an inline panel: World Café tables added in the browser.
    edited = make_conference()
    tables = edited.tables.count()
    page.goto(f"{page.base_url}/admin/snippets/konferenzen/conference/edit/{edited.pk}/")
    page.get_by_role("button", name="Tisch hinzufügen").click()
    new_title = page.locator("input[name$='-title']:visible").last
    new_title.fill("Neuer Tisch aus dem Browser")
    page.locator("input[name$='-seats']:visible").last.fill("8")
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_load_state()
    errors = page.locator(".error-message").all_inner_texts()
    assert errors == [], errors
    assert edited.tables.count() == tables + 1


@pytest.mark.django_db(transaction=False)
def test_the_watcher_reports_what_the_policy_refuses(browser, csp_violations):
    """Guards the guard: an inline script under a strict policy must be reported."""
    context = browser.new_context()
    context.route(
        "http://csp.invalid/",
        lambda route: route.fulfill(
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'self'"},
            body='<html lang="de"><body><script>window.ran = true</script></body></html>',
        ),
    )
    try:
        tab = context.new_page()
        tab.goto("http://csp.invalid/")
        assert not tab.evaluate("() => window.ran === true")
        tab.wait_for_timeout(100)
        assert "script-src-elem" in [v.get("directive") for v in csp_violations]
    finally:
        context.close()
        csp_violations.clear()
