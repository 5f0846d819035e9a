"""Stage 6: the offices report key-figure values and project states, each only for the fields
of action its office leads or takes part in (the matrix)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from config.refusals import Refused
from strategie.models import (
    FieldOfAction,
    KeyFigure,
    Office,
    Participation,
    ParticipationRole,
    Project,
)

from .models import NOTE_MAX_LENGTH, KeyFigureValue, Milestone, ProjectReport, ProjectState

MAX_ABS_VALUE = Decimal("99999999999")  # 14 digits, 3 after the point


def offices_of(user) -> list[Office]:
    if not user.is_authenticated:
        return []
    return list(Office.objects.filter(members__user=user).order_by("number"))


def reportable_fields(user):
    """The fields an office of this person leads or takes part in; all for the strategy team."""
    if user.has_perm("strategie.change_keyfigure"):
        return FieldOfAction.objects.all()
    return FieldOfAction.objects.filter(participations__office__members__user=user).distinct()


def reporting_office(user, field) -> Office | None:
    """The person's office that reports for this field: the leading one if they belong to it."""
    cells = Participation.objects.filter(field=field, office__members__user=user).select_related(
        "office"
    )
    cells = sorted(cells, key=lambda c: (c.role != ParticipationRole.LEADS, c.office.number))
    return cells[0].office if cells else None


def may_report(user, field) -> tuple[bool, Office | None]:
    """Whether this person may report for the field, and for which office. Office staff for
    the fields of their offices; the strategy team for every field (recorded for the lead
    office), since it keeps the key figures as a whole."""
    if not user.is_authenticated or not user.has_perm("umsetzung.add_keyfigurevalue"):
        return False, None
    office = reporting_office(user, field)
    if office is not None:
        return True, office
    if user.has_perm("strategie.change_keyfigure"):
        lead = field.participations.filter(role=ParticipationRole.LEADS).select_related("office")
        first = lead.order_by("office__number").first()
        return True, first.office if first else None
    return False, None


def _normal_unit(unit: str) -> str:
    return " ".join((unit or "").replace("%", " % ").split()).casefold()


def parse_value(raw) -> Decimal:
    """A number as people type it: 1.234,5 / 1234,5 / 1.200 (German) or 1234.5."""
    if isinstance(raw, (int, float, Decimal)):
        return Decimal(str(raw))
    text = str(raw or "").strip().replace(" ", "").replace("\u00a0", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", text):
        # 1.200 or 12.345.678: German thousands, as the offices write them.
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise Refused(_("„%(raw)s“ ist keine Zahl.") % {"raw": raw}, "value") from None
    if not value.is_finite():
        raise Refused(_("„%(raw)s“ ist keine Zahl.") % {"raw": raw}, "value")
    return value


def check_value(*, key_figure: KeyFigure, date, value, unit: str, note: str = "", source: str = ""):
    """The rules for one value, shared by the form and the import; returns the parsed value."""
    if date is None:
        raise Refused(_("Bitte geben Sie den Stichtag an."), "date")
    if date > timezone.localdate():
        raise Refused(_("Der Stichtag liegt in der Zukunft."), "date")
    number = parse_value(value)
    if abs(number) > MAX_ABS_VALUE or number != number.quantize(Decimal("0.001")):
        raise Refused(_("Der Wert ist zu groß oder hat mehr als drei Nachkommastellen."), "value")
    if _normal_unit(unit) != _normal_unit(key_figure.unit):
        raise Refused(
            _("Die Einheit „%(given)s“ passt nicht zur Kennzahl; sie wird in „%(unit)s“ gemessen.")
            % {"given": unit or "–", "unit": key_figure.unit or "–"},
            "unit",
        )
    if len(note or "") > NOTE_MAX_LENGTH:
        raise Refused(
            _("Die Anmerkung hat %(n)d Zeichen; höchstens %(limit)d sind möglich.")
            % {"n": len(note), "limit": NOTE_MAX_LENGTH},
            "note",
        )
    if len(source or "") > 300:
        raise Refused(_("Die Quelle ist länger als 300 Zeichen."), "source")
    return number


def report_value(*, user, key_figure: KeyFigure, date, value, unit: str, note="", source=""):
    """A new value for a date; a second report for the same date corrects the first, which
    stays in the history."""
    allowed, office = may_report(user, key_figure.field)
    if not allowed:
        raise Refused(
            _("Ihr Amt ist an diesem Handlungsfeld nicht beteiligt und meldet dafür keine Werte."),
            "",
        )
    number = check_value(
        key_figure=key_figure, date=date, value=value, unit=unit, note=note, source=source
    )
    return KeyFigureValue.objects.create(
        key_figure=key_figure,
        date=date,
        value=number,
        note=(note or "").strip(),
        source=(source or "").strip(),
        office=office,
        reported_by=user,
    )


def report_project(*, user, project, state: str, progress, note: str = "") -> ProjectReport:
    allowed, office = may_report(user, project.field)
    if not allowed:
        raise Refused(
            _("Ihr Amt ist an diesem Handlungsfeld nicht beteiligt und meldet dafür nichts."), ""
        )
    if state not in ProjectState.values:
        raise Refused(_("Bitte wählen Sie den Stand des Projekts."), "state")
    try:
        progress = int(progress)
    except (TypeError, ValueError):
        raise Refused(_("Der Fortschritt ist eine ganze Zahl von 0 bis 100."), "progress") from None
    if not 0 <= progress <= 100:
        raise Refused(_("Der Fortschritt ist eine ganze Zahl von 0 bis 100."), "progress")
    if len(note or "") > NOTE_MAX_LENGTH:
        raise Refused(
            _("Die Anmerkung hat %(n)d Zeichen; höchstens %(limit)d sind möglich.")
            % {"n": len(note), "limit": NOTE_MAX_LENGTH},
            "note",
        )
    return ProjectReport.objects.create(
        project=project,
        state=state,
        progress=progress,
        note=(note or "").strip(),
        office=office,
        reported_by=user,
    )


def with_latest(key_figures):
    """Key figures annotated with their latest value and its date: two subqueries, whatever
    the number of values (index on key figure, date, report time)."""
    latest = KeyFigureValue.objects.filter(key_figure=OuterRef("pk")).order_by(
        "-date", "-reported_at", "-pk"
    )
    return key_figures.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
    )


def series(key_figure) -> list[KeyFigureValue]:
    """One value per date – the latest report for it – in date order."""
    by_date = {}
    for value in KeyFigureValue.objects.filter(key_figure=key_figure).order_by(
        "date", "reported_at", "pk"
    ):
        by_date[value.date] = value
    return list(by_date.values())


# --- further projects, their ranking and milestones ------------------------------------------


def leads(user, field) -> bool:
    """Whether the person may rank the field's further projects: a member of its lead office,
    or the strategy team."""
    if user.has_perm("strategie.change_keyfigure"):
        return True
    return Participation.objects.filter(
        field=field, role=ParticipationRole.LEADS, office__members__user=user
    ).exists()


def add_further_project(*, user, field, name: str, description: str = "") -> Project:
    allowed, office = may_report(user, field)
    if not allowed:
        raise Refused(_("Ihr Amt ist an diesem Handlungsfeld nicht beteiligt."), "")
    name, description = (name or "").strip(), (description or "").strip()
    if not name:
        raise Refused(_("Bitte geben Sie den Namen des Projekts an."), "name")
    if len(name) > 200:
        raise Refused(_("Der Name hat mehr als 200 Zeichen."), "name")
    if len(description) > 3000:
        raise Refused(_("Die Beschreibung hat mehr als 3000 Zeichen."), "description")
    if Project.objects.filter(field=field, name__iexact=name).exists():
        raise Refused(_("Dieses Handlungsfeld hat schon ein Projekt mit diesem Namen."), "name")
    return Project.objects.create(
        field=field, name=name, description=description, strategic=False, office=office
    )


def rank_projects(*, user, field, ranks: dict[int, int | None]) -> int:
    """The lead office orders the further projects by relevance (1 = most relevant)."""
    if not leads(user, field):
        raise Refused(_("Die Rangfolge legt das federführende Amt des Handlungsfelds fest."), "")
    projects = {p.pk: p for p in field.projects.filter(strategic=False)}
    given = [rank for pk, rank in ranks.items() if pk in projects and rank is not None]
    if any(rank < 1 for rank in given):
        raise Refused(_("Ränge beginnen bei 1."), "")
    if len(given) != len(set(given)):
        raise Refused(_("Jeder Rang darf nur einmal vergeben werden."), "")
    with transaction.atomic():
        for pk, project in projects.items():
            project.relevance_rank = ranks.get(pk)
            project.save(update_fields=["relevance_rank"])
    return len(given)


def add_milestone(*, user, project, title: str, due) -> Milestone:
    if not may_report(user, project.field)[0]:
        raise Refused(_("Ihr Amt ist an diesem Handlungsfeld nicht beteiligt."), "")
    title = (title or "").strip()
    if not title:
        raise Refused(_("Bitte benennen Sie den Meilenstein."), "title")
    if len(title) > 200:
        raise Refused(_("Der Name hat mehr als 200 Zeichen."), "title")
    if due is None:
        raise Refused(_("Bitte geben Sie an, bis wann er geplant ist."), "due")
    return Milestone.objects.create(project=project, title=title, due=due, created_by=user)


def reach_milestone(*, user, milestone, day) -> Milestone:
    if not may_report(user, milestone.project.field)[0]:
        raise Refused(_("Ihr Amt ist an diesem Handlungsfeld nicht beteiligt."), "")
    if day is None or day > timezone.localdate():
        raise Refused(_("Das Datum liegt in der Zukunft."), "reached")
    milestone.reached = day
    milestone.reached_by = user
    milestone.reached_recorded_at = timezone.now()
    milestone.save(update_fields=["reached", "reached_by", "reached_recorded_at"])
    return milestone
