"""A goal's state from its key figures' states: not assessable while fewer than half are
assessed, else the state of its weakest assessed figure; shares out of the assessed ones."""

import pytest

from umsetzung.figure_status import Status
from umsetzung.goal_status import GoalStatus, assess_goal, percentages

ON, RISK, OFF, NONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA


def test_a_goal_with_one_of_eleven_figures_assessed_is_not_on_track():
    goal = assess_goal([ON] + [NONE] * 10)
    assert goal.status == GoalStatus.NOT_ASSESSABLE
    assert goal.status != GoalStatus.ON_TRACK
    assert (goal.assessed, goal.total) == (1, 11)


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([], GoalStatus.NOT_ASSESSABLE),  # no key figures at all
        ([NONE], GoalStatus.NOT_ASSESSABLE),
        ([ON, NONE, NONE], GoalStatus.NOT_ASSESSABLE),  # 1 of 3: fewer than half
        ([ON] * 4 + [NONE] * 5, GoalStatus.NOT_ASSESSABLE),  # 4 of 9
        ([ON] * 5 + [NONE] * 5, GoalStatus.ON_TRACK),  # exactly half is enough
        ([ON, NONE], GoalStatus.ON_TRACK),
        ([ON], GoalStatus.ON_TRACK),
        ([ON] * 9 + [RISK], GoalStatus.AT_RISK),  # the weakest assessed figure counts
        ([ON] * 9 + [OFF], GoalStatus.OFF_TRACK),
        ([RISK, OFF, ON, NONE], GoalStatus.OFF_TRACK),
        ([RISK, RISK, NONE], GoalStatus.AT_RISK),
        ([OFF] + [NONE] * 3, GoalStatus.NOT_ASSESSABLE),  # even off track needs enough data
    ],
)
def test_the_rule(statuses, expected):
    assert assess_goal(statuses).status == expected


def test_the_shares_are_of_the_assessed_figures_and_add_up_to_100():
    goal = assess_goal([ON, ON, RISK, OFF, NONE, NONE])
    assert [(s.status, s.count, s.percent) for s in goal.shares] == [
        (ON, 2, 50),
        (RISK, 1, 25),
        (OFF, 1, 25),
    ]
    assert [s.start for s in goal.shares] == [0, 50, 75]  # where each part of the bar begins
    assert goal.count == {"on_track": 2, "at_risk": 1, "off_track": 1, "no_data": 2}
    assert [s.status for s in assess_goal([ON, OFF, NONE]).counted] == [ON, OFF]


@pytest.mark.parametrize(
    "counts, expected",
    [
        ([1, 1, 1], [34, 33, 33]),
        ([2, 1, 0], [67, 33, 0]),
        ([5, 2, 2], [56, 22, 22]),
        ([0, 0, 0], [0, 0, 0]),
        ([1, 0, 0], [100, 0, 0]),
    ],
)
def test_whole_percentages_add_up_to_exactly_100(counts, expected):
    assert percentages(counts) == expected
