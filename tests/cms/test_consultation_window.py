"""Each stage says whether its statements are open for comments and votes, and until when."""

import datetime

from cms.stages import StageState, consultation_for

START = datetime.date(2026, 3, 1)
CLOSES = datetime.date(2026, 4, 30)


def window(today, *, offered=True, override=""):
    return consultation_for(
        offered=offered,
        start=START,
        closes=CLOSES,
        override=override,
        premoderation=False,
        today=today,
    )


def test_open_from_the_start_to_the_closing_day_inclusive():
    assert not window(START - datetime.timedelta(days=1)).is_open
    assert window(START).is_open
    assert window(CLOSES).is_open
    assert not window(CLOSES + datetime.timedelta(days=1)).is_open


def test_each_state_explains_itself_with_the_date():
    assert window(START - datetime.timedelta(days=1)).note == (
        "Kommentieren und Bewerten ist ab dem 1. März 2026 möglich."
    )
    assert window(START).note == (
        "Kommentieren und Bewerten ist bis einschließlich 30. April 2026 möglich."
    )
    assert window(CLOSES + datetime.timedelta(days=1)).note == (
        "Die Beteiligung ist beendet. Kommentieren und Bewerten war bis zum 30. April 2026 möglich."
    )
    assert window(START, offered=False).note == (
        "Zu den Aussagen dieser Stufe gibt es keine Online-Beteiligung."
    )


def test_an_editor_closing_the_stage_by_hand_closes_the_consultation():
    assert not window(START, override=StageState.CLOSED).is_open
    assert not window(START, override=StageState.PLANNED).is_open


def test_the_stage_page_offers_the_window_from_its_fields(process, today):
    from cms.models import StagePage

    stage = StagePage.objects.get(locale__language_code="de", number=3)
    status = stage.status(today=today)
    assert status.consultation.is_open
    assert status.consultation.closes == stage.end_date
    stage.consultation_until = today - datetime.timedelta(days=1)
    assert not stage.status(today=today).consultation.is_open
