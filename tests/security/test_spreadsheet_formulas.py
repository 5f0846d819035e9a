"""CSV exports write what people typed as text, never as a formula a spreadsheet would run."""

import csv
import io

import pytest

from cms.spreadsheets import spreadsheet_safe
from participation.opendata import csv_lines


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("https://example.org";"Klick")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"],
)
def test_a_text_that_would_start_a_formula_is_written_behind_an_apostrophe(typed):
    assert spreadsheet_safe(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Radwege", "-1,5", "+3", "-12.5", 42, None, ""])
def test_ordinary_texts_and_numbers_stay_as_they_are(value):
    assert spreadsheet_safe(value) == value


def test_the_open_data_csv_neutralises_formulas_in_every_column():
    lines = csv_lines(["nr", "text"], iter([{"nr": 1, "text": "=1+2"}, {"nr": 2, "text": "ok"}]))
    rows = list(csv.reader(io.StringIO("".join(lines).lstrip("\ufeff"))))
    assert rows == [["nr", "text"], ["1", "'=1+2"], ["2", "ok"]]
