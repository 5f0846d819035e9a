"""A council member signs in and reads the draft of the council paper; once published,
anyone reads it and compares two versions. With the keyboard alone, and every page without
axe violations."""

import re

from playwright.sync_api import expect

from ratsvorlage.compilation import publish, start_compilation
from ratsvorlage.models import PaperVersion
from tests.factories import PASSWORD, UserFactory

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .extra_pages import paper_without_files
from .keyboard import press_on, sign_in, tab_to

pytestmark = SHARED_DEMO_SITE

TITLE = "Strategie „Unser Dortmund“"


def compile_version(number):
    # Outside a transaction the compilation's on_commit runs at once, and tasks are eager.
    start_compilation(
        title=TITLE,
        paper_number="12345-26",
        proposed_resolution=f"Der Rat beschließt die Stadtstrategie (Fassung {number}).",
    )
    return PaperVersion.objects.get(number=number)


def test_council_member_reads_the_draft_and_the_public_compares_versions(demo_page):
    page, found = demo_page, {}
    first = compile_version(1)
    assert first.state == "draft", first.error
    member = UserFactory(email="rat.im.browser@example.org", roles=["Ratsmitglieder"])

    sign_in(page, member.email, PASSWORD)
    press_on(page, "link", "Ratsvorlage", navigates=True)  # in the footer
    found["versions, with drafts"] = axe_violations(page)
    press_on(page, "link", f"Fassung 1: {TITLE}", navigates=True)
    expect(page.get_by_text("Entwurf: nur für das Strategieteam")).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    found["draft"] = axe_violations(page)

    # A second version to compare with; the real compilation of the first covers the path,
    # so this one skips setting its PDF and DOCX, which takes seconds.
    second = paper_without_files(2)
    publish(first)
    publish(second)
    page.context.clear_cookies()

    page.goto(page.base_url + "/ratsvorlage/")
    found["versions"] = axe_violations(page)
    press_on(page, "link", f"Fassung 2: {TITLE}", navigates=True)
    expect(page.get_by_text("(Fassung 2)")).to_be_visible()
    found["version"] = axe_violations(page)
    press_on(page, "link", "Was sich gegenüber Fassung 1 geändert hat", navigates=True)
    expect(page.get_by_role("heading", name="Von Fassung 1 zu Fassung 2")).to_be_visible()
    found["comparison"] = axe_violations(page)

    # The comparison chosen in the form: the oldest version is the last in the list.
    page.goto(page.base_url + "/ratsvorlage/")
    press_on(page, "link", "Zwei Fassungen vergleichen", navigates=True)
    tab_to(page, page.get_by_label("Ältere Fassung"))
    page.keyboard.press("End")
    tab_to(page, page.get_by_label("Neuere Fassung"), limit=1)
    press_on(page, "button", "Vergleichen", navigates=True, limit=1)
    expect(page).to_have_url(re.compile(r"/vergleich/\?von=1&zu=2$"))
    expect(page.get_by_role("heading", name="Von Fassung 1 zu Fassung 2")).to_be_visible()
    assert {name: v for name, v in found.items() if v} == {}, describe(found)
