"""Zero axe-core violations (WCAG 2.1 A/AA) on the public pages, keyboard use, no JavaScript."""

import pytest

from .conftest import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "Startseite": "/",
    "Prozess": "/stadtgespraech/",
    "Stufe (läuft)": "/stadtgespraech/stufe-3/",
    "Stufe mit Ergebnissen": "/stadtgespraech/stufe-1/",
    "Themenübersicht": "/themen/",
    "Thema": "/themen/mobilitaet/",
    "Anmelden": "/konto/login/",
    "Registrieren": "/konto/signup/",
    "Suche mit Treffern": "/suche/?q=Dortmund",
    "Englisch: Prozess": "/en/stadtgespraech/",
    "Erklärung zur Barrierefreiheit": "/barrierefreiheit/",
    "Stadtkonferenz": "/stadtgespraech/stufe-4/konferenz/",
    "Stadtstrategie": "/strategie/",
    "Handlungsfeld": "/strategie/handlungsfelder/digitale-verwaltung/",
    "Ämter und Handlungsfelder": "/strategie/matrix/",
    "Konsolidierte Zielbilder": "/strategie/zielbilder/mobilitaet/",
    "Ergebnisse mit Meinungsgruppen": "/beteiligung/themen/mobilitaet/ergebnisse/",
}


def test_public_pages_have_no_axe_violations(page, demo_site):
    found = {}
    for name, path in PAGES.items():
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert found == {}, describe(found)


def test_forms_with_errors_have_no_axe_violations(page, demo_site):
    page.goto(page.base_url + "/konto/signup/")
    page.get_by_role("button", name="Registrieren").last.click()
    page.wait_for_load_state()
    assert page.locator(".kern-error").count() > 0
    assert axe_violations(page) == []


def test_narrow_phone_screen_has_no_axe_violations(browser, live_server, demo_site):
    context = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        for path in ("/", "/stadtgespraech/"):
            tab.goto(live_server.url + path)
            assert axe_violations(tab) == [], path
    finally:
        context.close()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo_site):
    page.goto(page.base_url + "/stadtgespraech/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-64px", (
        "the skip link must become visible when focused"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_main_navigation_is_reachable_by_keyboard(page, demo_site):
    page.goto(page.base_url + "/")
    labels = []
    for _ in range(12):
        page.keyboard.press("Tab")
        labels.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Stadtgespräch" in labels and "Schwerpunktthemen" in labels


def test_pages_work_without_javascript(browser, live_server, demo_site):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(live_server.url + "/stadtgespraech/")
        assert tab.locator("ol.timeline > li").count() == 6
        tab.goto(live_server.url + "/suche/?q=Mobilit%C3%A4t")
        assert tab.get_by_role("heading", name="1 Treffer").count() == 1
    finally:
        context.close()


def test_the_checker_itself_catches_a_violation(page):
    """Guards the guard: a page with a known barrier must be reported."""
    page.set_content('<html lang="de"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in [v["id"] for v in axe_violations(page)]
