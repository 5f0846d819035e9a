"""Axes people can read: ticks at round values and dates, labelled in the reader's language.

A value axis steps by 1, 2, 2.5 or 5 times a power of ten ("0, 500, 1.000, 1.500"), never by
the data's own odd span ("192,0, 946,0, 1.700,0"); a whole number is written without ",0",
with thousands separators; decimals only where a tick has them ("2,5"). A time axis ticks at
the first of a month: every year ("2025") or every few months ("06/2025").
"""

from __future__ import annotations

import datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import date_format, number_format

MANTISSAS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)


def nice_ticks(low, high, most: int = 6) -> list[Decimal]:
    """At most `most` (≥ 4) round values, evenly apart, from at or below `low` to at or
    above `high`: the fewest steps of 1, 2, 2.5 or 5 times a power of ten that fit."""
    low, high = Decimal(str(low)), Decimal(str(high))
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) / 10 or Decimal(1)
        low, high = low - pad, high + pad
    exponent = ((high - low) / (most - 1)).adjusted()
    for power in range(exponent, exponent + 3):
        for mantissa in MANTISSAS:
            step = mantissa.scaleb(power)
            first = (low / step).to_integral_value(ROUND_FLOOR)
            last = (high / step).to_integral_value(ROUND_CEILING)
            if last - first + 1 <= most:
                return [_plain((first + i) * step) for i in range(int(last - first) + 1)]
    raise ValueError(f"no ticks for {low}..{high}")  # pragma: no cover - the steps above fit


def _plain(value: Decimal) -> Decimal:
    value = value.normalize()
    if value == 0:
        return Decimal(0)
    if value.as_tuple().exponent > 0:
        return value.quantize(Decimal(1))
    return value


def number_label(value) -> str:
    """A number as the reader's language writes it: "1.500", "2,5", "0" in German, "1,500",
    "2.5" in English; no trailing zeros."""
    plain = _plain(Decimal(str(value)))
    decimals = max(0, -plain.as_tuple().exponent)
    return number_format(plain, decimals, use_l10n=True, force_grouping=True)


def month_ticks(first: datetime.date, last: datetime.date, most: int = 6):
    """The first days of months between `first` and `last` (both included) at the fewest
    month steps that give at most `most` ticks, and whether they are whole years."""
    for step in MONTH_STEPS:
        ticks = list(_months(first, last, step))
        if len(ticks) <= most:
            return ticks, step >= 12
    return [], True  # pragma: no cover - 600 months step over any date range we draw


def _months(first: datetime.date, last: datetime.date, step: int):
    # Counted in months since year 0, so that the ticks fall on round years and quarters.
    index = first.year * 12 + first.month - 1
    if first.day > 1:
        index += 1
    index += -index % step
    while True:
        day = datetime.date(index // 12, index % 12 + 1, 1)
        if day > last:
            return
        yield day
        index += step


def date_label(day: datetime.date, *, years: bool) -> str:
    """ "2025" on a yearly axis; "06/2025" on one of months."""
    return str(day.year) if years else date_format(day, "m/Y")
