"""Editors maintain the stages in the Wagtail admin; bad input gets a German message."""

import datetime

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import StagePage


def stage_form(**overrides):
    data = {
        "title": "Zusätzliche Stufe",
        "slug": "zusaetzliche-stufe",
        "number": 3,
        "kind": "conference",
        "subject": "zielbild",
        "short_description": "Kurz gesagt.",
        "start_date": "2026-05-01",
        "end_date": "2026-06-30",
        "state_override": "",
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_url(stage):
    return f"/admin/pages/{stage.pk}/edit/"


def test_editor_changes_a_stages_dates(client, process, editor):
    client.force_login(editor)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.post(
        edit_url(stage),
        stage_form(
            title=stage.title,
            slug=stage.slug,
            number=4,
            start_date="2027-01-10",
            end_date="2027-01-11",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.start_date == datetime.date(2027, 1, 10)


def test_end_before_start_is_refused_with_a_german_message(client, process, editor):
    client.force_login(editor)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.post(
        edit_url(stage),
        stage_form(
            title="Geänderter Titel",
            slug=stage.slug,
            number=4,
            start_date="2027-02-10",
            end_date="2027-01-10",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    # What the editor typed is still in the form, and nothing was stored.
    assert "Geänderter Titel" in response.content.decode()
    stage.refresh_from_db()
    assert stage.title != "Geänderter Titel"


def test_a_stage_number_is_unique_within_the_process(client, process, editor):
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/cms/stagepage/{process.pk}/",
        stage_form(number=3, **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "Diese Nummer hat schon eine andere Stufe dieses Prozesses." in response.content.decode()
    assert StagePage.objects.filter(slug="zusaetzliche-stufe").count() == 0


@pytest.mark.parametrize("bad_date", ["31.02.2026", "morgen", ""])
def test_unreadable_dates_get_a_message_not_an_error_page(client, process, editor, bad_date):
    client.force_login(editor)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.post(
        edit_url(stage),
        stage_form(title=stage.title, slug=stage.slug, number=4, start_date=bad_date),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte ein gültiges Datum eingeben." in html or "Dieses Feld muss ausgefüllt" in html
    assert "Das Ende darf nicht vor dem Beginn liegen." not in html


def test_a_citizen_cannot_open_the_admin(client, process, citizen):
    client.force_login(citizen)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.get(edit_url(stage))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_opens_a_stages_consultation_with_premoderation(client, process, editor):
    client.force_login(editor)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.post(
        edit_url(stage),
        stage_form(
            title=stage.title,
            slug=stage.slug,
            number=4,
            start_date="2027-01-10",
            end_date="2027-02-10",
            consultation="on",
            consultation_until="2027-03-01",
            premoderation="on",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.consultation and stage.premoderation
    assert stage.consultation_until == datetime.date(2027, 3, 1)


def test_a_consultation_ending_before_the_stage_starts_is_refused(client, process, editor):
    client.force_login(editor)
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    response = client.post(
        edit_url(stage),
        stage_form(
            title=stage.title,
            slug=stage.slug,
            number=4,
            start_date="2027-01-10",
            end_date="2027-02-10",
            consultation="on",
            consultation_until="2027-01-01",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 200
    assert "Die Beteiligung kann nicht vor dem Beginn enden." in response.content.decode()
    stage.refresh_from_db()
    assert not stage.consultation


def test_a_stage_says_what_it_works_on(client, process, editor):
    """Workshops name the statements they write, a conference what it agrees on; other apps
    find their stage by it (cms.stages.collecting_stage, agreeing_stage)."""
    client.force_login(editor)
    add = f"/admin/pages/add/cms/stagepage/{process.pk}/"
    response = client.post(
        add, stage_form(number=7, kind="workshops", subject="", **{"action-publish": "publish"})
    )
    assert "Bitte wählen Sie, welche Aussagen die Workshops erarbeiten" in response.content.decode()
    response = client.post(
        add,
        stage_form(
            number=7, kind="council_decision", subject="zielbild", **{"action-publish": "publish"}
        ),
    )
    assert "Ratsbeschluss und Umsetzung haben keinen Gegenstand." in response.content.decode()
    assert StagePage.objects.filter(slug="zusaetzliche-stufe").count() == 0


def test_two_stages_of_a_process_do_not_do_the_same(client, process, editor):
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/cms/stagepage/{process.pk}/",
        stage_form(number=7, kind="workshops", subject="zielbild", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "Eine andere Stufe dieses Prozesses hat schon diese Art und diesen Gegenstand." in (
        response.content.decode()
    )
    assert StagePage.objects.filter(slug="zusaetzliche-stufe").count() == 0
