"""English content: editors translate pages with wagtail-localize; a page without a
translation is still reachable under /en/ and shows its German text marked as German.

The English tree mirrors the German one (cms.locales): every German page has an English
counterpart, an alias until an editor translates it.
"""

import re

import pytest
from wagtail.models import Locale, Page

from cms import locales
from cms.models import ContentPage, EasyLanguagePage, HomePage, ProcessPage, StagePage
from cms.translation import translate_page, untranslated_segments
from tests import factories


def german(model, **filters):
    return model.objects.get(locale__language_code="de", **filters)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def translated(process):
    """Home, process and stage 3 translated into English; everything else untranslated."""
    home = german(HomePage)
    translate_page(home, [("Stadtgespräch Dortmund", "Stadtgespräch Dortmund in English")])
    translate_page(process.specific, [("Stadtgespräch", "The process")])
    translate_page(
        german(StagePage, number=3),
        [
            ("Stufe Nummer 3", "Stage number three"),
            ("Kurzbeschreibung der Stufe 3.", "Short description of stage three."),
        ],
    )
    return process


def test_every_german_page_has_an_english_counterpart_when_it_is_made(process):
    content = Page.objects.filter(depth__gt=1).not_exact_type(Page)  # not Wagtail's "Welcome"
    german_pages = content.filter(locale__language_code="de")
    english_pages = content.filter(locale__language_code="en")
    assert german_pages.count() == english_pages.count() == 8  # home, process, six stages
    assert set(german_pages.values_list("translation_key", flat=True)) == set(
        english_pages.values_list("translation_key", flat=True)
    )
    # Until translated, each is an alias of its German page.
    assert not english_pages.filter(alias_of__isnull=True).exists()


def test_mirroring_the_tree_adds_what_code_made_without_it_and_nothing_twice(process):
    stage = german(StagePage, number=2)
    Page.objects.filter(locale__language_code="en", translation_key=stage.translation_key).delete()
    assert locales.mirror_tree() == 1
    assert english(stage).url == "/en/stadtgespraech/stufe-2/"
    assert locales.mirror_tree() == 0


def test_deleting_a_german_page_deletes_its_alias_but_not_a_translation(client, translated):
    untranslated = german(StagePage, number=4)
    translated_stage = german(StagePage, number=3)
    untranslated.delete()
    translated_stage.delete()
    assert client.get("/en/stadtgespraech/stufe-4/").status_code == 404
    assert client.get("/en/stadtgespraech/stufe-3/").status_code == 200


def test_translated_pages_show_english_title_and_text_marked_english(client, translated):
    html = client.get("/en/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="en">Stadtgespräch Dortmund in English</h1>' in (
        html
    )
    html = client.get("/en/stadtgespraech/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="en">The process</h1>' in html
    html = client.get("/en/stadtgespraech/stufe-3/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="en">Stage number three</h1>' in html
    assert '<p class="kern-body kern-body--large" lang="en">Short description of stage three.' in (
        html
    )


def test_the_german_site_keeps_its_german_pages(client, translated):
    html = client.get("/").content.decode()
    assert '<h1 class="kern-heading-x-large">Stadtgespräch Dortmund</h1>' in html
    html = client.get("/stadtgespraech/stufe-3/").content.decode()
    assert "Stufe Nummer 3" in html and "Stage number three" not in html


def test_an_untranslated_page_answers_under_en_in_german_marked_german(client, translated):
    response = client.get("/en/stadtgespraech/stufe-4/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert '<h1 class="kern-heading-x-large" lang="de">Stufe Nummer 4</h1>' in html
    # Its links stay on the English site.
    assert 'href="/en/stadtgespraech/stufe-3/"' in html


def test_stage_titles_follow_the_reader_language_in_the_timeline(client, translated):
    timeline = re.search(
        r'<ol class="timeline".*?</ol>', client.get("/en/stadtgespraech/").content.decode(), re.S
    ).group(0)
    assert '<span lang="en">Stage number three</span>' in timeline
    assert '<span lang="de">Stufe Nummer 4</span>' in timeline
    assert 'href="/en/stadtgespraech/stufe-3/"' in timeline
    # The cache keeps each language apart: German readers still read German titles.
    timeline = re.search(
        r'<ol class="timeline".*?</ol>', client.get("/stadtgespraech/").content.decode(), re.S
    ).group(0)
    assert "<span>Stufe Nummer 3</span>" in timeline and "Stage number three" not in timeline


def test_a_stage_state_comes_from_the_german_page_even_if_the_translation_is_behind(
    client, translated
):
    """An editor closes stage 3 early on the German page; the English translation, not yet
    synchronised, still holds the old dates – the English page shows the stage closed."""
    stage = german(StagePage, number=3)
    stage.state_override = "closed"
    stage.save_revision().publish()
    html = client.get("/en/stadtgespraech/stufe-3/").content.decode()
    assert "Stage number three" in html
    assert english(stage).state_override == ""
    assert '<span class="kern-label kern-label--small">closed</span>' in html
    assert "Stage 3 of 6 is running" not in client.get("/en/").content.decode()


def test_navigation_and_footer_lead_to_the_english_pages(client, translated):
    footer = factories.publish(
        german(HomePage), ContentPage(title="Impressum", slug="impressum", intro="<p>Text</p>")
    )
    from cms.models import FooterSettings

    settings = FooterSettings.for_site(german(HomePage).get_site())
    settings.imprint_page = footer
    settings.save()
    html = client.get("/en/").content.decode()
    assert '<a class="main-nav__link" href="/en/stadtgespraech/" lang="en">The process</a>' in html
    assert 'href="/en/impressum/"' in html


def test_the_language_switch_finds_a_translation_with_its_own_address(client, translated):
    page = english(german(StagePage, number=3))
    page.slug = "stage-3"
    page.save_revision().publish()
    html = client.get("/stadtgespraech/stufe-3/").content.decode()
    assert 'href="/en/stadtgespraech/stage-3/" hreflang="en"' in html
    html = client.get("/en/stadtgespraech/stage-3/").content.decode()
    assert 'href="/stadtgespraech/stufe-3/" hreflang="de"' in html


def test_easy_language_stays_german_under_en(client, translated):
    factories.publish(
        german(HomePage),
        EasyLanguagePage(
            title="Leichte Sprache", slug="leichte-sprache", body=[("paragraph", "<p>Hallo.</p>")]
        ),
    )
    response = client.get("/en/leichte-sprache/")
    assert response.status_code == 200
    assert '<article class="easy-read" lang="de">' in response.content.decode()
    # The header's link leads to its German address from every language.
    assert 'href="/leichte-sprache/" hreflang="de"' in client.get("/en/").content.decode()


def test_every_address_that_answers_in_german_answers_under_en(client, translated):
    addresses = [
        page.url
        for page in Page.objects.live()
        .filter(locale__language_code="de", depth__gt=1)
        .not_exact_type(Page)
    ]
    assert len(addresses) == 8
    for address in addresses:
        assert client.get(address).status_code == 200, address
        assert client.get("/en" + address).status_code == 200, "/en" + address


def test_search_finds_each_page_once_in_the_reader_language(client, translated):
    html = client.get("/en/suche/", {"q": "Kurzbeschreibung"}).content.decode()
    assert html.count('href="/en/stadtgespraech/stufe-4/"') == 1
    assert 'href="/stadtgespraech/stufe-4/"' not in html


def test_a_translation_made_in_code_is_one_the_editor_can_open(translated):
    """translate_page writes wagtail-localize's records: the editor's translation view
    opens it, and every translated segment is there."""
    from wagtail_localize.models import Translation

    stage = german(StagePage, number=3)
    translation = Translation.objects.get(
        source__object_id=stage.translation_key, target_locale__language_code="en"
    )
    assert translation.enabled
    assert untranslated_segments(stage) == []
    assert untranslated_segments(german(StagePage, number=4)) == ["(not translated)"]


# --- the editors' workflow in the admin ----------------------------------------------------


def test_an_editor_translates_a_page_through_the_admin(client, editor, process):
    """Translate this page → English → change the title in wagtail-localize's editor →
    publish: the English page changes, the German one does not."""
    from wagtail_localize.models import StringSegment, Translation

    stage = german(StagePage, number=4)
    en = Locale.objects.get(language_code="en")
    client.force_login(editor)

    response = client.post(
        f"/admin/localize/submit/page/{stage.pk}/", {"locales": [en.pk]}, follow=False
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=stage.translation_key, target_locale=en)
    target = english(stage)
    assert target.alias_of_id is None  # the alias became a translation

    title = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/",
        "value=Stage+four",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201

    response = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    html = client.get("/en/stadtgespraech/stufe-4/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="en">Stage four</h1>' in html
    assert "Stufe Nummer 4" in client.get("/stadtgespraech/stufe-4/").content.decode()


@pytest.mark.parametrize("role", ["Moderation", "Konferenzteam", "Strategieteam"])
def test_other_staff_roles_may_not_translate(client, process, role):
    staff = factories.UserFactory(roles=[role])
    staff.is_staff = True
    staff.save()
    stage = german(StagePage, number=4)
    en = Locale.objects.get(language_code="en")
    client.force_login(staff)
    response = client.post(f"/admin/localize/submit/page/{stage.pk}/", {"locales": [en.pk]})
    # Wagtail answers a refusal in its admin by sending to the dashboard with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert english(stage).alias_of_id == stage.pk
    assert client.get("/admin/localize/reports/translations/")["Location"] == "/admin/"


def test_other_staff_roles_may_not_change_an_existing_translation(client, translated):
    """The translation editor's writes (a string, stopping the translation) refuse whoever
    may not edit the page, though they answer a GET with 405 alike."""
    from wagtail_localize.models import StringSegment, Translation

    stage = german(StagePage, number=3)
    translation = Translation.objects.get(source__object_id=stage.translation_key)
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    moderator = factories.UserFactory(roles=["Moderation"])
    client.force_login(moderator)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/",
        "value=Hacked",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    response = client.post(f"/admin/localize/translate/{translation.pk}/disable/")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    translation.refresh_from_db()
    assert translation.enabled
    assert "Stage number three" in client.get("/en/stadtgespraech/stufe-3/").content.decode()


def test_editors_see_the_translations_report(client, editor, translated):
    client.force_login(editor)
    response = client.get("/admin/localize/reports/translations/")
    assert response.status_code == 200
    assert "Stage number three" in response.content.decode()  # still the untranslated alias


def test_the_editors_role_has_the_translation_right_and_no_other_role_does(db):
    from django.contrib.auth.models import Group

    holders = Group.objects.filter(
        permissions__codename="submit_translation",
        permissions__content_type__app_label="wagtail_localize",
    ).values_list("name", flat=True)
    assert list(holders) == ["Redaktion"]


def test_process_page_lookups_ignore_the_english_tree(process):
    assert ProcessPage.objects.count() == 2
    from cms.process import process_stages

    assert [stage.number for stage in process_stages()] == [1, 2, 3, 4, 5, 6]
