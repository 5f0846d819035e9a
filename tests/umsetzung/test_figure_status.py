"""A key figure's status follows from baseline, target, direction and the latest value, and
the page says why in words."""

import datetime
from decimal import Decimal

import pytest

from strategie.models import KeyFigure
from umsetzung.figure_status import Status, assess

D = Decimal


def figure(direction="up", base="30", target="60", unit="%"):
    return KeyFigure(
        name="Anteil Radverkehr",
        unit=unit,
        direction=direction,
        baseline_value=D(base) if base is not None else None,
        baseline_date=datetime.date(2024, 1, 1),
        target_value=D(target) if target is not None else None,
        target_date=datetime.date(2030, 1, 1),
    )


# Halfway (2027-01-01, 1,096 of 2,192 days) the line from 30 to 60 expects 45.
HALFWAY = datetime.date(2027, 1, 1)


@pytest.mark.parametrize(
    "direction, base, target, value, expected",
    [
        ("up", "30", "60", "46", Status.ON_TRACK),
        ("up", "30", "60", "45", Status.ON_TRACK),
        ("up", "30", "60", "43", Status.AT_RISK),  # 2 short, tolerance 3
        ("up", "30", "60", "41", Status.OFF_TRACK),
        ("down", "60", "30", "44", Status.ON_TRACK),
        ("down", "60", "30", "47", Status.AT_RISK),
        ("down", "60", "30", "50", Status.OFF_TRACK),
        ("target", "30", "60", "58", Status.ON_TRACK),
        ("target", "30", "60", "43", Status.AT_RISK),
        ("target", "30", "60", "35", Status.OFF_TRACK),
    ],
)
def test_the_status_compares_the_latest_value_with_the_straight_path(
    direction, base, target, value, expected
):
    assessment = assess(figure(direction, base, target), D(value), HALFWAY)
    assert assessment.status == expected
    assert assessment.expected == D("45") or direction == "down"


def test_the_explanation_names_the_values_and_the_verdict():
    text = assess(figure(), D("43"), HALFWAY).explanation
    assert "Zuletzt gemeldet: 43 %" in text
    assert "Ausgangswert 30 %" in text and "Zielwert 60 %" in text
    assert "zu erwarten" in text and "gefährdet" in text


def test_without_a_value_or_a_target_there_is_no_verdict():
    assert assess(figure(), None, None).status == Status.NO_DATA
    open_target = assess(figure(target=None), D("40"), HALFWAY)
    assert open_target.status == Status.NO_DATA
    assert "Zuletzt gemeldet: 40 %" in open_target.explanation


def test_before_the_baseline_and_after_the_target_date_the_ends_count():
    late = assess(figure(), D("59"), datetime.date(2031, 6, 1))
    assert late.status == Status.AT_RISK and late.expected == D("60")
