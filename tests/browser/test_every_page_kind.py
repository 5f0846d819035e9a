"""Zero axe-core violations (WCAG 2.1 A and AA) on every kind of public page, and at phone
width no page that needs sideways scrolling.

A visitor's crawl of the demo site starts at / and follows every link of the site. Its
addresses are grouped by kind – the URL's name, or the page type for pages of the Wagtail
tree – and one page of each kind is checked with axe in Chromium. The pages no visitor's link
leads to (signed in, from a mail, after a form, errors) are listed in extra_pages.py with the
steps that lead there. The test fails when the site has a public kind of page that neither
the crawl nor that list reaches, so that the check cannot silently cover less.

At 390 × 844 CSS pixels (a phone) every kind of page, the crawl's and the extra ones, must fit
the width (WCAG 1.4.10, reflow; tables scroll in their own box), offer every form control as a
target of at least 44 × 44 pixels (WCAG 2.5.5; a checkbox with its label) and set no fieldset's
legend on a line with a control (tests/browser/layout.py); the main kinds are checked with axe
again at that width.
"""

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .crawl import crawl, page_types, public_kinds
from .extra_pages import Demo, new_tab, visit_extra_pages
from .layout import layout_problems

pytestmark = SHARED_DEMO_SITE

# Not pages for people: everything below these paths is left out of the comparison.
NOT_PUBLIC = (
    "admin/",  # the Wagtail admin, for the city's staff
)

# Public URL names that are not pages a person reads, each with the reason.
EXCLUDED = {
    "health": "plain text for the load balancer",
    "set_language": "POST only; answers with a redirect (the language switch uses links)",
    "wagtail_serve": "stands for the page types, which are compared one by one",
    "wagtaildocs_serve": "the documents themselves (PDF, DOCX …), not HTML; the password form "
    "of a protected one is covered as wagtaildocs_authenticate_with_password",
    "wagtailcore_login": "Wagtail's own sign-in; WAGTAIL_FRONTEND_LOGIN_URL sends visitors of "
    "private pages to account_login instead, so nothing leads here",
    "account_set_password": "redirects to account_change_password: every account has a "
    "password, sign-up asks for one",
    "account_confirm_login_code": "sign-in by code is off; answers 404",
    "account_request_reauthentication_code": "sign-in by code is off; answers 404",
    "account_confirm_reauthentication_code": "sign-in by code is off; answers 404",
    "participation:vote": "POST only (the vote buttons); answers with a redirect or JSON",
    "participation:follow": "POST only (the follow button); answers with a redirect",
    "participation:follow_theme": "POST only (the follow button); answers with a redirect",
    "accounts:personal_data_json": "one's own data as JSON, for programs (the same data to "
    "read is covered as accounts:personal_data_html)",
    "participation:statements_csv": "open data, CSV",
    "participation:statements_json": "open data, JSON",
    "participation:comments_csv": "open data, CSV",
    "konferenzen:calendar": "the calendar file (ICS) of a registration",
    "strategie:matrix_csv": "open data, CSV",
    "strategie:model_json": "open data, JSON",
    "umsetzung:key_figures_csv": "open data, CSV",
    "umsetzung:key_figures_json": "open data, JSON",
    "ratsvorlage:paper_file": "the council paper as PDF or DOCX, shown in the browser",
    "ratsvorlage:paper_file_download": "the council paper as PDF or DOCX, downloaded",
    # OParl is a JSON API for council information systems; tests/zielbilder/test_oparl.py
    # validates every object against the specification's schemas.
    **{
        f"oparl:{name}": "OParl JSON"
        for name in [
            "system",
            "body_list",
            "body",
            "organization_list",
            "person_list",
            "meeting_list",
            "paper_list",
            "legislative_term_list",
            "agenda_item_list",
            "consultation_list",
            "file_list",
            "organization",
            "organization_meetings",
            "organization_consultations",
            "paper",
            "file",
            "meeting",
            "agenda_item",
            "consultation",
        ]
    },
}

# What a visitor meets when something goes wrong: no permission (or a form without its
# CSRF token), an address that does not exist, too many requests. The 503 page of a database
# outage is checked with axe in tests/faults/test_database_unavailable_page_in_the_browser.py.
ERROR_PAGES = {"status:403", "status:404", "status:429"}

PHONE = {"width": 390, "height": 844}
# The kinds most people use, checked with axe at phone width too.
MAIN_KINDS = {
    "page:cms.HomePage",
    "page:cms.ProcessPage",
    "page:cms.StagePage",
    "page:cms.EasyLanguagePage",
    "page:participation.ThemePage",
    "participation:statement",
    "participation:results",
    "page:konferenzen.ConferencePage",
    "konferenzen:register",
    "strategie:matrix",
    "umsetzung:dashboard",
    "umsetzung:key_figure",
    "account_signup",
}


def test_every_kind_of_public_page_has_no_axe_violations(browser, demo_server):
    demo = Demo()
    visited = crawl("/", skip_kinds=set(EXCLUDED))
    assert visited.broken == [], f"broken links (address, status, found on): {visited.broken}"
    assert visited.other_language == [], "links from German pages into the English site"
    found, covered = {}, visited.kinds()

    tab = new_tab(browser, demo_server)
    for kind, path in sorted(visited.representatives("de").items()):
        response = tab.goto(tab.base_url + path)
        assert response.status == 200, path
        found[f"{kind} ({path})"] = axe_violations(tab)
    tab.context.close()

    extra_at_phone_width = {}
    for page, tab, kind, status in visit_extra_pages(browser, demo_server, demo):
        covered |= {kind, f"status:{status}"}
        name = f"{page.what} → {kind}, {status} ({tab.url})"
        found[name] = axe_violations(tab)
        # The page as it is after its steps (a form with its errors), narrowed to a phone.
        before = tab.viewport_size
        tab.set_viewport_size(PHONE)
        extra_at_phone_width[name] = layout_problems(tab)
        tab.set_viewport_size(before)

    assert {name: v for name, v in found.items() if v} == {}, describe(found)
    required = (public_kinds(NOT_PUBLIC) - set(EXCLUDED)) | page_types() | ERROR_PAGES
    assert sorted(required - covered) == [], (
        "kinds of public page that neither the crawl nor EXTRA_PAGES reaches: add a step "
        "that leads there to extra_pages.py, or say in EXCLUDED why it is no page for people"
    )
    assert sorted(set(EXCLUDED) - public_kinds(NOT_PUBLIC)) == [], "EXCLUDED names a lost URL"

    assert visited.kinds() >= MAIN_KINDS, "a main kind is no longer reached by the crawl"
    phone = browser.new_context(locale="de-DE", viewport=PHONE, is_mobile=True, has_touch=True)
    tab, at_phone_width = phone.new_page(), {}
    for kind, path in sorted(visited.representatives("de").items()):
        tab.goto(demo_server.url + path)
        problems = axe_violations(tab) if kind in MAIN_KINDS else []
        at_phone_width[f"{kind} ({path})"] = problems + layout_problems(tab)
    phone.close()
    at_phone_width.update(extra_at_phone_width)
    assert {name: p for name, p in at_phone_width.items() if p} == {}, describe(at_phone_width)
