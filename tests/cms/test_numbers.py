"""Whole numbers from requests: what a hand-edited form or link may send."""

import pytest

from cms.numbers import LARGEST, whole_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("42", 42), (" 7 ", 7), ("0", 0), (str(LARGEST), LARGEST), (12, 12)],
)
def test_plain_whole_numbers_are_read(raw, expected):
    assert whole_number(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", None, "-1", "1.5", "abc", "²", "٣", "1e3", str(LARGEST + 1), "9" * 40]
)
def test_anything_else_is_no_number(raw):
    assert whole_number(raw) is None


def test_a_smaller_ceiling_can_be_asked_for():
    assert whole_number("101", largest=100) is None
