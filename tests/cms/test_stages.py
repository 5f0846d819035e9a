"""The stage state that the whole platform gates on, answered by cms.stages."""

import datetime

import pytest

from cms.models import StagePage
from cms.process import current_stage, process_stages, stage_status
from cms.stages import StageState, state_for_dates

START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 2, 28), StageState.PLANNED),
        (START, StageState.RUNNING),
        (END, StageState.RUNNING),
        (datetime.date(2026, 4, 1), StageState.CLOSED),
    ],
)
def test_state_follows_the_dates_including_both_ends(today, expected):
    assert state_for_dates(START, END, today=today) == expected


def test_an_editors_override_wins_over_the_dates():
    running_day = datetime.date(2026, 3, 15)
    assert state_for_dates(START, END, override="closed", today=running_day) == StageState.CLOSED


def test_process_stages_lists_six_stages_in_order_with_their_state(process, today):
    stages = process_stages(today=today)
    assert [s.number for s in stages] == [1, 2, 3, 4, 5, 6]
    assert [s.state for s in stages] == [
        StageState.CLOSED,
        StageState.CLOSED,
        StageState.RUNNING,
        StageState.PLANNED,
        StageState.PLANNED,
        StageState.PLANNED,
    ]
    assert stages[2].url == "/stadtgespraech/stufe-3/"


def test_current_stage_is_the_running_one(process, today):
    assert current_stage(today=today).number == 3
    assert stage_status(4, today=today).is_planned


def test_no_current_stage_between_stages(process, today):
    StagePage.objects.filter(number=3).update(state_override=StageState.CLOSED)
    assert current_stage(today=today) is None


def test_unpublished_stages_do_not_count(process, today):
    StagePage.objects.get(locale__language_code="de", number=3).unpublish()
    assert stage_status(3, today=today) is None
    assert len(process_stages(today=today)) == 5


def test_without_a_process_there_are_no_stages(db):
    assert process_stages() == []
    assert current_stage() is None


def test_reading_the_stages_costs_a_fixed_number_of_queries(
    process, today, django_assert_max_num_queries
):
    # The process, its stages, and (once, then cached by Wagtail) the site's root pages in
    # every language for the stages' addresses.
    with django_assert_max_num_queries(4):
        process_stages(today=today)
