"""Importing a workshop's statements from CSV or XLSX: preview first, save on confirm.

Columns (header row, any order, case-insensitive): thema, art, bereich, text. Thema, art
and bereich may be left out when the form gives them for the whole file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.numbers import grouped
from cms.process import collecting_stage, collecting_stage_choices
from cms.stages import StageSubject
from config.refusals import Refused

from .models import Sector, Statement, StatementKind, StatementState, Theme
from .models.statements import STATEMENT_MAX_LENGTH
from .signals import statements_changed

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
COLUMNS = ["thema", "art", "bereich", "text"]
KIND_WORDS = {
    "ausgangsbild": StatementKind.AUSGANGSBILD,
    "ausgangsbilder": StatementKind.AUSGANGSBILD,
    "zielbild": StatementKind.ZIELBILD,
    "zielbilder": StatementKind.ZIELBILD,
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (CSV oder XLSX)"),
        help_text=gettext_lazy(
            "Erste Zeile: Spaltennamen thema, art, bereich, text. Höchstens 2 MB und 2000 Zeilen."
        ),
    )
    stage = forms.TypedChoiceField(
        label=gettext_lazy("Stufe"),
        choices=collecting_stage_choices,
        coerce=int,
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Thema für alle Zeilen ohne Thema"),
        queryset=Theme.objects.all(),
        required=False,
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Art für alle Zeilen ohne Art"),
        choices=[("", "—"), *StatementKind.choices],
        required=False,
    )
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Bereich für alle Zeilen ohne Bereich"),
        queryset=Sector.objects.all(),
        required=False,
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Sofort veröffentlichen"),
        required=False,
        help_text=gettext_lazy("Sonst werden die Aussagen als Entwurf angelegt."),
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
            table = read_table(upload.read(), xlsx=name.endswith(".xlsx"))
        except Refused as refused:
            raise forms.ValidationError(str(refused)) from refused
        if len(table) > MAX_ROWS:
            raise forms.ValidationError(
                _("Die Datei hat mehr als %(max)s Zeilen. Bitte teilen Sie sie auf.")
                % {"max": grouped(MAX_ROWS)}
            )
        return table


def read_table(
    content: bytes, *, xlsx: bool, required: str = "text", max_rows: int = MAX_ROWS
) -> list[dict[str, str]]:
    """The rows as dicts keyed by lower-case column name; blank rows left out. Also reads
    other apps' imports (the key-figure values), which name their own required column."""
    if xlsx:
        rows = _xlsx_rows(content, max_rows)
    else:
        text = csv_text(content)
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            rows = list(csv.reader(io.StringIO(text), dialect))
        except csv.Error as error:
            raise Refused(
                _("Die Datei lässt sich nicht als CSV lesen (%(error)s).") % {"error": error}
            ) from error
    if not rows:
        raise Refused(_("Die Datei ist leer."))
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    if required not in header:
        raise Refused(
            _("In der ersten Zeile fehlt die Spalte „%(column)s“. Gefunden: %(found)s")
            % {"column": required, "found": ", ".join(h for h in header if h) or "—"}
        )
    table = []
    for row in rows[1:]:
        cells = [str(cell).strip() if cell is not None else "" for cell in row]
        if not any(cells):
            continue
        table.append({header[i]: cells[i] for i in range(min(len(header), len(cells)))})
    return table


def csv_text(content: bytes) -> str:
    """The text of a CSV file as spreadsheets save it: UTF-16 (Excel's "Unicode-Text"),
    UTF-8 with or without a byte order mark, else Windows-1252 (Excel's "CSV" in German)."""
    encoding = _utf_16_order(content)
    if encoding:
        text = content.decode(encoding, errors="replace").removeprefix("\ufeff")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
    # No spreadsheet writes them into text; the database could not store them.
    if "\x00" in text:
        raise Refused(
            _(
                "Die Datei enthält Nullzeichen und ist wohl keine Tabelle als Text. Bitte "
                "speichern Sie sie als CSV (UTF-8) oder als XLSX."
            )
        )
    return text


def _utf_16_order(content: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16, by its byte order mark or, without one, by the
    zero bytes that plain letters have in it; None for anything else."""
    if content.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if content.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = content[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if sample[1::2].count(0) > len(sample) // 4:
        return "utf-16-le"
    if sample[0::2].count(0) > len(sample) // 4:
        return "utf-16-be"
    return None


def _xlsx_rows(content: bytes, max_rows: int = MAX_ROWS) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:
        raise Refused(_("Die Datei lässt sich nicht als Excel-Tabelle (XLSX) lesen.")) from error
    sheet = workbook.worksheets[0]
    # One row more than allowed is enough to say the file is too long.
    rows = [list(row) for row in itertools.islice(sheet.iter_rows(values_only=True), max_rows + 2)]
    workbook.close()
    return rows


@dataclass
class Row:
    number: int
    text: str
    theme: Theme | None = None
    kind: str = ""
    sector: Sector | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class Preview:
    rows: list[Row]
    stage: int
    publish: bool

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not any(row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    def serialisable(self) -> dict:
        return {
            "stage": self.stage,
            "publish": self.publish,
            "rows": [
                {"theme": r.theme.pk, "kind": r.kind, "sector": r.sector.pk, "text": r.text}
                for r in self.rows
            ],
        }


def _lookup(items, value: str):
    value = value.strip().lower()
    for item in items:
        if value in (item.name.lower(), item.slug.lower()):
            return item
    return None


def preview(data: dict) -> Preview:
    themes, sectors = list(Theme.objects.all()), list(Sector.objects.all())
    seen: set[tuple[int, str]] = set()
    existing = set(Statement.objects.filter(stage=data["stage"]).values_list("theme_id", "text"))
    rows = []
    for number, cells in enumerate(data["file"], start=2):
        row = Row(number=number, text=cells.get("text", "").strip())
        theme_name = cells.get("thema", "")
        row.theme = _lookup(themes, theme_name) if theme_name else data.get("theme")
        if row.theme is None:
            row.errors.append(
                _("Thema „%(value)s“ gibt es nicht.") % {"value": theme_name}
                if theme_name
                else _("Thema fehlt.")
            )
        kind_word = cells.get("art", "").strip().lower()
        row.kind = KIND_WORDS.get(kind_word, "") if kind_word else data.get("kind") or ""
        if not row.kind:
            row.errors.append(
                _("Art „%(value)s“ ist weder Ausgangsbild noch Zielbild.") % {"value": kind_word}
                if kind_word
                else _("Art fehlt.")
            )
        collector = collecting_stage(row.kind) if row.kind else None
        if collector is not None and collector.number != data["stage"]:
            row.errors.append(
                _("%(kind)s entstehen in Stufe %(number)d, nicht in Stufe %(stage)d.")
                % {
                    "kind": StageSubject(row.kind).label,
                    "number": collector.number,
                    "stage": data["stage"],
                }
            )
        sector_name = cells.get("bereich", "")
        row.sector = _lookup(sectors, sector_name) if sector_name else data.get("sector")
        if row.sector is None:
            row.errors.append(
                _("Bereich „%(value)s“ gibt es nicht.") % {"value": sector_name}
                if sector_name
                else _("Bereich fehlt.")
            )
        if not row.text:
            row.errors.append(_("Text fehlt."))
        elif len(row.text) > STATEMENT_MAX_LENGTH:
            row.errors.append(
                _("Text ist %(length)s Zeichen lang; erlaubt sind %(max)s.")
                % {"length": grouped(len(row.text)), "max": grouped(STATEMENT_MAX_LENGTH)}
            )
        if row.theme is not None and row.text:
            key = (row.theme.pk, row.text)
            if key in existing:
                row.errors.append(_("Diese Aussage gibt es schon."))
            elif key in seen:
                row.errors.append(_("Diese Aussage steht doppelt in der Datei."))
            seen.add(key)
        rows.append(row)
    return Preview(rows=rows, stage=data["stage"], publish=data.get("publish", False))


def save_rows(stored: dict) -> list[Statement]:
    """Create every row or none."""
    themes = Theme.objects.in_bulk([r["theme"] for r in stored["rows"]])
    sectors = Sector.objects.in_bulk([r["sector"] for r in stored["rows"]])
    state = StatementState.PUBLISHED if stored["publish"] else StatementState.DRAFT
    statements = []
    for row in stored["rows"]:
        if row["theme"] not in themes or row["sector"] not in sectors:
            raise Refused(
                _("Ein Thema oder Bereich wurde inzwischen gelöscht. Bitte erneut hochladen.")
            )
        statement = Statement(
            theme=themes[row["theme"]],
            sector=sectors[row["sector"]],
            kind=row["kind"],
            stage=stored["stage"],
            text=row["text"],
            state=state,
        )
        try:
            statement.full_clean()
        except ValidationError as error:
            # The preview checked every row; only a change since (e.g. of the process's
            # stages) ends here.
            raise Refused(" ".join(error.messages)) from error
        statements.append(statement)
    with transaction.atomic():
        created = Statement.objects.bulk_create(statements)
        transaction.on_commit(lambda: statements_changed.send(sender=Statement))
    return created
