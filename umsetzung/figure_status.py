"""Whether a key figure is on track: from its baseline, target, direction and latest value.

The expected value on the latest value's date lies on the straight line from the baseline
(value and date) to the target (value and date). "On track" is at least that good; "at risk"
falls short by up to a tenth of the way from baseline to target; "off track" falls shorter.
For a target to be met exactly (direction "target"), the distance to the target counts.
Every verdict comes with a sentence that says why, for the page; it is written only when a
page shows it, since the dashboard assesses hundreds of key figures and shows only the status.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db import models
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strategie.models import Direction

TOLERANCE = Decimal("0.1")  # of the way from baseline to target


class Status(models.TextChoices):
    ON_TRACK = "on_track", gettext_lazy("auf Kurs")
    AT_RISK = "at_risk", gettext_lazy("gefährdet")
    OFF_TRACK = "off_track", gettext_lazy("nicht auf Kurs")
    NO_DATA = "no_data", gettext_lazy("keine Daten")


@dataclass(frozen=True)
class Assessment:
    status: Status
    expected: Decimal | None = None
    # What the explanation is written from.
    key_figure: object = field(default=None, repr=False, compare=False)
    latest_value: Decimal | None = None
    latest_date: datetime.date | None = None

    @property
    def label(self) -> str:
        return str(self.status.label)

    @cached_property
    def explanation(self) -> str:
        return _explain(self)


def _number(value: Decimal, unit: str) -> str:
    # 25.500 reads 25,5 and 1E+3 reads 1.000: no trailing zeros, no exponent.
    plain = value.normalize()
    if plain.as_tuple().exponent > 0:
        plain = plain.quantize(Decimal(1))
    text = number_format(plain, use_l10n=True, force_grouping=True)
    return f"{text} {unit}".strip()


def expected_on(key_figure, day: datetime.date) -> Decimal:
    start, end = key_figure.baseline_date, key_figure.target_date
    base, target = key_figure.baseline_value, key_figure.target_value
    if day <= start:
        return base
    if day >= end:
        return target
    share = Decimal((day - start).days) / Decimal((end - start).days)
    return base + (target - base) * share


def _assessable(key_figure) -> bool:
    complete = None not in (
        key_figure.baseline_value,
        key_figure.baseline_date,
        key_figure.target_value,
        key_figure.target_date,
    )
    return complete and key_figure.target_date > key_figure.baseline_date


def assess(
    key_figure, latest_value: Decimal | None, latest_date: datetime.date | None
) -> Assessment:
    facts = {"key_figure": key_figure, "latest_value": latest_value, "latest_date": latest_date}
    if latest_value is None or not _assessable(key_figure):
        return Assessment(Status.NO_DATA, **facts)
    expected = expected_on(key_figure, latest_date)
    span = abs(key_figure.target_value - key_figure.baseline_value)
    tolerance = span * TOLERANCE
    if key_figure.direction == Direction.UP:
        shortfall = expected - latest_value
    elif key_figure.direction == Direction.DOWN:
        shortfall = latest_value - expected
    else:
        shortfall = abs(latest_value - key_figure.target_value) - abs(
            expected - key_figure.target_value
        )
    if shortfall <= 0:
        status = Status.ON_TRACK
    elif shortfall <= tolerance:
        status = Status.AT_RISK
    else:
        status = Status.OFF_TRACK
    return Assessment(status, expected, **facts)


def _explain(assessment: Assessment) -> str:
    key_figure, unit = assessment.key_figure, assessment.key_figure.unit
    if assessment.latest_value is None:
        return _("Bisher ist kein Wert gemeldet.")
    reported = _("Zuletzt gemeldet: %(value)s am %(date)s.") % {
        "value": _number(assessment.latest_value, unit),
        "date": date_format(assessment.latest_date, "DATE_FORMAT"),
    }
    if assessment.expected is None:
        return (
            reported
            + " "
            + _("Ohne Ausgangswert und Zielwert mit Datum lässt sich der Verlauf nicht bewerten.")
        )
    path = _(
        "Auf dem Weg vom Ausgangswert %(base)s (%(base_date)s) zum Zielwert %(target)s "
        "(%(target_date)s) wären zu diesem Stichtag %(expected)s zu erwarten."
    ) % {
        "base": _number(key_figure.baseline_value, unit),
        "base_date": date_format(key_figure.baseline_date, "DATE_FORMAT"),
        "target": _number(key_figure.target_value, unit),
        "target_date": date_format(key_figure.target_date, "DATE_FORMAT"),
        "expected": _number(assessment.expected.quantize(Decimal("0.01")), unit),
    }
    verdict = {
        Status.ON_TRACK: _("Der Wert ist mindestens so gut: auf Kurs."),
        Status.AT_RISK: _(
            "Der Wert bleibt dahinter zurück, um höchstens ein Zehntel des Wegs: gefährdet."
        ),
        Status.OFF_TRACK: _(
            "Der Wert bleibt um mehr als ein Zehntel des Wegs dahinter zurück: nicht auf Kurs."
        ),
    }[assessment.status]
    return f"{reported} {path} {verdict}"
