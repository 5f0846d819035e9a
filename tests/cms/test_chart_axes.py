"""The axes of the key-figure charts: round ticks, written as the reader's language writes
numbers and dates."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from cms.chart_axes import date_label, month_ticks, nice_ticks, number_label


@pytest.mark.parametrize(
    "low, high, most, expected",
    [
        (192, 3208, 8, ["0", "500", "1000", "1500", "2000", "2500", "3000", "3500"]),
        (0, 3000, 8, ["0", "500", "1000", "1500", "2000", "2500", "3000"]),
        (10, 30, 6, ["10", "15", "20", "25", "30"]),
        (0.3, 0.9, 6, ["0.2", "0.4", "0.6", "0.8", "1"]),
        (52, 70, 6, ["50", "55", "60", "65", "70"]),
        (-3, 7, 6, ["-5", "-2.5", "0", "2.5", "5", "7.5"]),
        (41000, 52000, 6, ["40000", "42500", "45000", "47500", "50000", "52500"]),
        (5, 5, 5, ["4.5", "4.75", "5", "5.25", "5.5"]),  # one value: a little around it
    ],
)
def test_ticks_step_by_one_two_two_and_a_half_or_five_times_a_power_of_ten(
    low, high, most, expected
):
    ticks = nice_ticks(low, high, most)
    assert [str(t) for t in ticks] == expected
    assert len(ticks) <= most and ticks[0] <= Decimal(str(low)) and ticks[-1] >= Decimal(str(high))


def test_numbers_are_written_the_german_way_without_a_trailing_zero():
    with translation.override("de"):
        assert [number_label(t) for t in nice_ticks(0, 3000, 8)][:4] == [
            "0",
            "500",
            "1.000",
            "1.500",
        ]
        assert number_label(Decimal("192.000")) == "192"  # not "192,0"
        assert number_label(Decimal("2.5")) == "2,5"
        assert number_label(Decimal("1234567.25")) == "1.234.567,25"
        assert number_label(Decimal("1E+3")) == "1.000"


def test_numbers_are_written_the_english_way_under_english():
    with translation.override("en"):
        assert number_label(Decimal("1500")) == "1,500"
        assert number_label(Decimal("2.50")) == "2.5"


def test_a_long_span_ticks_years_and_a_short_one_months():
    years, whole = month_ticks(datetime.date(2024, 6, 30), datetime.date(2030, 12, 31), 8)
    assert whole and [date_label(d, years=True) for d in years] == [
        "2025", "2026", "2027", "2028", "2029", "2030",
    ]  # fmt: skip
    months, whole = month_ticks(datetime.date(2025, 12, 31), datetime.date(2026, 9, 30), 4)
    assert not whole
    assert [date_label(d, years=False) for d in months] == ["01/2026", "04/2026", "07/2026"]
    narrow, _whole = month_ticks(datetime.date(2024, 6, 30), datetime.date(2030, 12, 31), 4)
    assert [d.year for d in narrow] == [2026, 2028, 2030]
