"""A council member signs in with the keyboard and reads the draft; once published, anyone
reads it and compares two versions. Every page without axe violations."""

import pytest

from tests.browser.conftest import axe_violations, describe
from tests.factories import PASSWORD, UserFactory
from zielbilder.council.compilation import publish, start_compilation
from zielbilder.models import PaperVersion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def compile_version(number):
    # Outside a transaction the compilation's on_commit runs at once, and tasks are eager.
    start_compilation(
        title="Strategie „Unser Dortmund“",
        paper_number="12345-26",
        proposed_resolution=f"Der Rat beschließt die Stadtstrategie (Fassung {number}).",
    )
    return PaperVersion.objects.get(number=number)


def test_council_member_reads_the_draft_and_the_public_the_published_version(page, demo_site):
    first = compile_version(1)
    assert first.state == "draft", first.error
    member = UserFactory(email="rat.im.browser@example.org", roles=["Ratsmitglieder"])

    page.goto(page.base_url + "/konto/login/")
    page.get_by_label("E-Mail").focus()
    page.keyboard.type(member.email)
    page.get_by_label("Passwort").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/")
    page.goto(page.base_url + "/ratsvorlage/1/")
    assert page.get_by_text("Entwurf: nur für das Strategieteam").is_visible()
    assert page.get_by_role("heading", name="Strategie „Unser Dortmund“", level=1).is_visible()
    found = {"draft": axe_violations(page)}

    second = compile_version(2)
    publish(first)
    publish(second)
    page.context.clear_cookies()
    for name, path in {
        "list": "/ratsvorlage/",
        "version": "/ratsvorlage/2/",
        "compare": "/ratsvorlage/vergleich/?von=1&zu=2",
    }.items():
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        found[name] = axe_violations(page)
    assert "(Fassung 1)" in page.content() and "(Fassung 2)" in page.content()
    assert {name: v for name, v in found.items() if v} == {}, describe(found)

    # The comparison is chosen and sent with the keyboard alone.
    page.goto(page.base_url + "/ratsvorlage/vergleich/")
    page.get_by_label("Ältere Fassung").focus()
    page.keyboard.press("End")  # the oldest is last in the list
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vergleich/?von=1&zu=2")
    assert page.get_by_role("heading", name="Von Fassung 1 zu Fassung 2").is_visible()
