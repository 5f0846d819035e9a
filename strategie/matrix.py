"""The offices × fields table: who leads (F) and who takes part (B) in which field."""

from dataclasses import dataclass

from django.db.models import Prefetch

from .models import FieldOfAction, Office, Participation, by_office_number


@dataclass(frozen=True)
class MatrixRow:
    office: Office
    cells: list[str]  # "F", "B" or "" per column


def strategy_matrix(*, office=None, field=None, offices=None) -> tuple[list, list[MatrixRow]]:
    """The columns (fields, in goal order) and the rows (offices with at least one cell).

    `offices` restricts the rows further (a page of them); two queries whatever the size.
    """
    columns = list(FieldOfAction.objects.select_related("goal"))
    if field is not None:
        columns = [c for c in columns if c.pk == field.pk]
    rows_qs = (
        Office.objects.filter(participations__isnull=False).distinct().order_by(*by_office_number())
    )
    if office is not None:
        rows_qs = rows_qs.filter(pk=office.pk)
    if field is not None:
        rows_qs = rows_qs.filter(participations__field=field)
    if offices is not None:
        rows_qs = rows_qs.filter(pk__in=[o.pk for o in offices])
    rows_qs = rows_qs.prefetch_related(
        Prefetch("participations", queryset=Participation.objects.only("office", "field", "role"))
    )
    rows = []
    for row_office in rows_qs:
        roles = {p.field_id: p.role for p in row_office.participations.all()}
        rows.append(MatrixRow(row_office, [roles.get(column.pk, "") for column in columns]))
    return columns, rows


def matrix_offices(*, office=None, field=None):
    """The offices the table shows, for paginating its rows."""
    offices = (
        Office.objects.filter(participations__isnull=False).distinct().order_by(*by_office_number())
    )
    if office is not None:
        offices = offices.filter(pk=office.pk)
    if field is not None:
        offices = offices.filter(participations__field=field)
    return offices
