"""Importing key-figure values from CSV or XLSX (stage 6): upload, preview with the errors of
every line, confirm. Nothing is saved before the confirm, and nothing at all while one line
is wrong: a file is a report, half a report would mislead.

Columns (header row, any order, case-insensitive): kennzahl_id, stichtag, wert, einheit,
quelle, anmerkung. Dates as 2025-12-31 or 31.12.2025; numbers as 1.234,5 or 1234.5.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.numbers import grouped, whole_number
from config.refusals import Refused
from participation.importing import read_table
from strategie.models import KeyFigure

from .models import KeyFigureValue
from .monitoring_cache import figures_changed
from .reporting import check_value, may_report

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ["kennzahl_id", "stichtag", "wert", "einheit", "quelle", "anmerkung"]


class ValueImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (CSV oder XLSX)"),
        help_text=gettext_lazy(
            "Erste Zeile: kennzahl_id, stichtag, wert, einheit, quelle, anmerkung. Höchstens "
            "2 MB und 5000 Zeilen."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not (name.endswith(".csv") or name.endswith(".xlsx")):
            raise forms.ValidationError(_("Bitte eine Datei mit der Endung .csv oder .xlsx."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens 2 MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")}
            )
        try:
            table = read_table(
                upload.read(), xlsx=name.endswith(".xlsx"), required="wert", max_rows=MAX_ROWS
            )
        except Refused as refused:
            raise forms.ValidationError(str(refused)) from refused
        if len(table) > MAX_ROWS:
            raise forms.ValidationError(
                _("Die Datei hat mehr als %(max)s Zeilen. Bitte teilen Sie sie auf.")
                % {"max": grouped(MAX_ROWS)}
            )
        return table


@dataclass
class Line:
    number: int
    cells: dict
    key_figure: KeyFigure | None = None
    date: datetime.date | None = None
    value: object = None
    errors: list[str] = field(default_factory=list)


@dataclass
class Preview:
    lines: list[Line]

    @property
    def is_valid(self) -> bool:
        return bool(self.lines) and not any(line.errors for line in self.lines)

    @property
    def error_count(self) -> int:
        return sum(1 for line in self.lines if line.errors)

    def serialisable(self) -> list[dict]:
        return [line.cells for line in self.lines]


def parse_date(text: str) -> datetime.date:
    text = (text or "").strip().split(" ")[0]  # XLSX cells come as "2025-12-31 00:00:00"
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise Refused(
        _("„%(text)s“ ist kein Datum (so: 2025-12-31 oder 31.12.2025).") % {"text": text}, "date"
    )


def preview(user, table: list[dict]) -> Preview:
    """Every line checked with the rules of the form, in two queries for the key figures."""
    ids = {whole_number(c.get("kennzahl_id")) for c in table} - {None}
    figures = {kf.pk: kf for kf in KeyFigure.objects.select_related("field").filter(pk__in=ids)}
    allowed = {}
    lines = []
    for number, cells in enumerate(table, start=2):
        line = Line(number=number, cells=cells)
        raw_id = str(cells.get("kennzahl_id", "")).strip()
        line.key_figure = figures.get(whole_number(raw_id))
        if line.key_figure is None:
            line.errors.append(
                _("Kennzahl „%(id)s“ gibt es nicht.") % {"id": raw_id}
                if raw_id
                else _("kennzahl_id fehlt.")
            )
        else:
            field_id = line.key_figure.field_id
            if field_id not in allowed:
                allowed[field_id] = may_report(user, line.key_figure.field)[0]
            if not allowed[field_id]:
                line.errors.append(
                    _("Ihr Amt ist am Handlungsfeld „%(field)s“ nicht beteiligt.")
                    % {"field": line.key_figure.field.name}
                )
        try:
            line.date = parse_date(str(cells.get("stichtag", "")))
        except Refused as refused:
            line.errors.append(refused.message)
        if line.key_figure is not None and line.date is not None:
            try:
                line.value = check_value(
                    key_figure=line.key_figure,
                    date=line.date,
                    value=cells.get("wert", ""),
                    unit=cells.get("einheit", ""),
                    note=cells.get("anmerkung", ""),
                    source=cells.get("quelle", ""),
                )
            except Refused as refused:
                line.errors.append(refused.message)
        lines.append(line)
    return Preview(lines)


def save(user, table: list[dict]) -> int:
    """Checks again (the data may have changed since the preview) and saves all or nothing."""
    checked = preview(user, table)
    if not checked.is_valid:
        raise Refused(
            _("Die Datei hat %(n)d fehlerhafte Zeilen; nichts wurde gespeichert.")
            % {"n": checked.error_count}
        )
    with transaction.atomic():
        KeyFigureValue.objects.bulk_create(
            KeyFigureValue(
                key_figure=line.key_figure,
                date=line.date,
                value=line.value,
                note=str(line.cells.get("anmerkung", "")).strip(),
                source=str(line.cells.get("quelle", "")).strip(),
                office=may_report(user, line.key_figure.field)[1],
                reported_by=user,
            )
            for line in checked.lines
        )
    # bulk_create sends no signals: the public pages are told here.
    figures_changed(line.key_figure.pk for line in checked.lines)
    return len(checked.lines)
