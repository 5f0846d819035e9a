"""Values that leave the platform as CSV: a cell a spreadsheet program would take for a
formula is written as text (CSV or formula injection, OWASP's advice).

A name like `=HYPERLINK(…)` or `@SUM(…)` that somebody typed into a form would otherwise run
as a formula on the machine of whoever opens the export. A leading apostrophe makes the
program show it as text; numbers such as `-1,5` stay numbers.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The value, or, for a text that would start a formula, the text behind an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        return False
    return True


class FormulaSafeExportMixin:
    """For a Wagtail index view with `list_export`: its CSV writes formulas as text. (Its
    XLSX already stores every such value as a text cell, not as a formula.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value
