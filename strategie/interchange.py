"""The whole strategy model as one JSON file, and the offices' matrix as CSV.

Export and import round-trip: importing an exported file changes nothing. An import is
checked completely before anything is written; a file with any problem is refused with
every problem and where it is (`goals[2].fields[0].name: …`), and the stored model stays as
it was. A valid file replaces the model: what it names is created or updated by its natural
key (goal number, field short name, office number, project and key figure by name within
their field), what it no longer names is deleted.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from cms.spreadsheets import spreadsheet_safe
from cms.text import german_slug

from .matrix import strategy_matrix
from .models import (
    Direction,
    FieldOfAction,
    Goal,
    KeyFigure,
    Office,
    Participation,
    ParticipationRole,
    Project,
)

FORMAT = "stadtgespraech-strategie"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024


def _decimal(value: Decimal | None) -> str | None:
    # As a string, so that no digit is lost to a float; without trailing zeros or exponent.
    return None if value is None else format(value.normalize(), "f")


def export_model() -> dict:
    fields = FieldOfAction.objects.select_related("goal", "sponsor_office").prefetch_related(
        "projects", "key_figures__project"
    )
    by_goal: dict[int, list] = {}
    for f in fields:
        by_goal.setdefault(f.goal_id, []).append(
            {
                "name": f.name,
                "slug": f.slug,
                "sponsor_office": f.sponsor_office.number if f.sponsor_office else None,
                "sponsor_division": f.sponsor_division,
                "description": f.description,
                "projects": [
                    {"name": p.name, "description": p.description, "strategic": p.strategic}
                    for p in f.projects.all()
                ],
                "key_figures": [
                    {
                        "name": k.name,
                        "strategic": k.strategic,
                        "project": k.project.name if k.project else None,
                        "unit": k.unit,
                        "direction": k.direction,
                        "baseline_value": _decimal(k.baseline_value),
                        "baseline_date": k.baseline_date.isoformat() if k.baseline_date else None,
                        "target_value": _decimal(k.target_value),
                        "target_date": k.target_date.isoformat() if k.target_date else None,
                        "source": k.source,
                        "note": k.note,
                    }
                    for k in f.key_figures.all()
                ],
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "offices": [
            {"number": o.number, "name": o.name, "division": o.division}
            for o in Office.objects.all()
        ],
        "goals": [
            {
                "number": g.number,
                "name": g.name,
                "description": g.description,
                "fields": by_goal.get(g.pk, []),
            }
            for g in Goal.objects.all()
        ],
        "matrix": [
            {"office": p.office.number, "field": p.field.slug, "role": p.role}
            for p in Participation.objects.select_related("office", "field").order_by(
                "field__slug", "office__number"
            )
        ],
    }


# --- Reading a file -------------------------------------------------------------------------


@dataclass
class Checked:
    errors: list[str] = field(default_factory=list)

    def require(self, data, key: str, where: str, kind=str, *, optional=False, limit=None):
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            if not optional:
                self.errors.append(f"{where}.{key}: fehlt")
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.errors.append(f"{where}.{key}: hat die falsche Art ({type(value).__name__})")
            return None
        if kind is str and limit and len(value) > limit:
            self.errors.append(f"{where}.{key}: länger als {limit} Zeichen")
            return None
        if kind is str and not optional and not value.strip():
            self.errors.append(f"{where}.{key}: ist leer")
            return None
        return value

    def decimal(self, data, key, where):
        value = data.get(key)
        if value is None:
            return None
        try:
            number = Decimal(str(value))
            if not number.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.errors.append(f"{where}.{key}: ist keine Zahl ({value!r})")
            return None
        return number

    def day(self, data, key, where):
        value = data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.errors.append(f"{where}.{key}: ist kein Datum JJJJ-MM-TT ({value!r})")
            return None


def check_model(data) -> tuple[dict | None, list[str]]:
    """The file's content in a clean form, or every problem with its place."""
    c = Checked()
    if not isinstance(data, dict):
        return None, ["Die Datei enthält kein JSON-Objekt."]
    if data.get("format") != FORMAT:
        c.errors.append(f"format: erwartet „{FORMAT}“")
    if data.get("version") != VERSION:
        c.errors.append(f"version: erwartet {VERSION}")
    offices, office_numbers = [], set()
    for i, o in enumerate(data.get("offices") or []):
        where = f"offices[{i}]"
        number = c.require(o, "number", where, limit=20)
        name = c.require(o, "name", where, limit=200)
        division = c.require(o, "division", where, optional=True, limit=200) or ""
        if number in office_numbers:
            c.errors.append(f"{where}.number: „{number}“ kommt doppelt vor")
        office_numbers.add(number)
        offices.append({"number": number, "name": name, "division": division})
    goals, slugs, numbers, names = [], set(), set(), set()
    for gi, g in enumerate(data.get("goals") or []):
        where = f"goals[{gi}]"
        number = c.require(g, "number", where, int)
        if number in numbers:
            c.errors.append(f"{where}.number: {number} kommt doppelt vor")
        numbers.add(number)
        fields = []
        for fi, f in enumerate((g or {}).get("fields") or [] if isinstance(g, dict) else []):
            fwhere = f"{where}.fields[{fi}]"
            name = c.require(f, "name", fwhere, limit=200)
            slug = c.require(f, "slug", fwhere, optional=True, limit=200) or german_slug(name or "")
            if name in names:
                c.errors.append(f"{fwhere}.name: „{name}“ kommt doppelt vor")
            if slug in slugs:
                c.errors.append(f"{fwhere}.slug: „{slug}“ kommt doppelt vor")
            names.add(name)
            slugs.add(slug)
            sponsor = c.require(f, "sponsor_office", fwhere, optional=True)
            if sponsor is not None and sponsor not in office_numbers:
                c.errors.append(f"{fwhere}.sponsor_office: Amt „{sponsor}“ steht nicht in offices")
            projects = []
            strategic_projects = 0
            for pi, p in enumerate(f.get("projects") or [] if isinstance(f, dict) else []):
                pwhere = f"{fwhere}.projects[{pi}]"
                strategic = bool(p.get("strategic")) if isinstance(p, dict) else False
                strategic_projects += strategic
                projects.append(
                    {
                        "name": c.require(p, "name", pwhere, limit=200),
                        "description": c.require(
                            p, "description", pwhere, optional=True, limit=3000
                        )
                        or "",
                        "strategic": strategic,
                    }
                )
            if strategic_projects > 1:
                c.errors.append(f"{fwhere}.projects: mehr als ein strategisches Projekt")
            project_names = {p["name"] for p in projects}
            figures = []
            for ki, k in enumerate(f.get("key_figures") or [] if isinstance(f, dict) else []):
                kwhere = f"{fwhere}.key_figures[{ki}]"
                direction = (k.get("direction") if isinstance(k, dict) else None) or Direction.UP
                if direction not in Direction.values:
                    c.errors.append(f"{kwhere}.direction: „{direction}“ ist keine Richtung")
                project = k.get("project") if isinstance(k, dict) else None
                if project is not None and project not in project_names:
                    c.errors.append(f"{kwhere}.project: Projekt „{project}“ fehlt im Handlungsfeld")
                figures.append(
                    {
                        "name": c.require(k, "name", kwhere, limit=300),
                        "strategic": bool(k.get("strategic")) if isinstance(k, dict) else False,
                        "project": project,
                        "unit": c.require(k, "unit", kwhere, optional=True, limit=50) or "",
                        "direction": direction,
                        "baseline_value": c.decimal(k, "baseline_value", kwhere)
                        if isinstance(k, dict)
                        else None,
                        "baseline_date": c.day(k, "baseline_date", kwhere)
                        if isinstance(k, dict)
                        else None,
                        "target_value": c.decimal(k, "target_value", kwhere)
                        if isinstance(k, dict)
                        else None,
                        "target_date": c.day(k, "target_date", kwhere)
                        if isinstance(k, dict)
                        else None,
                        "source": c.require(k, "source", kwhere, optional=True, limit=300) or "",
                        "note": c.require(k, "note", kwhere, optional=True, limit=300) or "",
                    }
                )
            fields.append(
                {
                    "name": name,
                    "slug": slug,
                    "sponsor_office": sponsor,
                    "sponsor_division": c.require(
                        f, "sponsor_division", fwhere, optional=True, limit=50
                    )
                    or "",
                    "description": c.require(f, "description", fwhere, optional=True, limit=2000)
                    or "",
                    "projects": projects,
                    "key_figures": figures,
                }
            )
        goals.append(
            {
                "number": number,
                "name": c.require(g, "name", where, limit=200),
                "description": c.require(g, "description", where, optional=True, limit=2000) or "",
                "fields": fields,
            }
        )
    matrix, cells = [], set()
    for mi, m in enumerate(data.get("matrix") or []):
        where = f"matrix[{mi}]"
        office = c.require(m, "office", where)
        slug = c.require(m, "field", where)
        role = c.require(m, "role", where)
        if office is not None and office not in office_numbers:
            c.errors.append(f"{where}.office: Amt „{office}“ steht nicht in offices")
        if slug is not None and slug not in slugs:
            c.errors.append(f"{where}.field: Handlungsfeld „{slug}“ steht nicht in goals")
        if role is not None and role not in ParticipationRole.values:
            c.errors.append(f"{where}.role: „{role}“ ist weder F noch B")
        if (office, slug) in cells:
            c.errors.append(f"{where}: Amt „{office}“ und „{slug}“ kommen doppelt vor")
        cells.add((office, slug))
        matrix.append({"office": office, "field": slug, "role": role})
    if c.errors:
        return None, c.errors
    return {"offices": offices, "goals": goals, "matrix": matrix}, []


@transaction.atomic
def import_model(clean: dict) -> dict[str, int]:
    """Store a checked model (from check_model); returns how many of each there are now."""
    offices = {}
    for o in clean["offices"]:
        offices[o["number"]], _ = Office.objects.update_or_create(
            number=o["number"], defaults={"name": o["name"], "division": o["division"]}
        )
    Office.objects.exclude(number__in=offices).delete()
    # Names are unique; a file may swap two of them, so all step aside first.
    for goal in Goal.objects.all():
        Goal.objects.filter(pk=goal.pk).update(name=f"~import~{goal.pk}")
    for field_obj in FieldOfAction.objects.all():
        FieldOfAction.objects.filter(pk=field_obj.pk).update(name=f"~import~{field_obj.pk}")
    kept_fields = []
    for g in clean["goals"]:
        goal, _ = Goal.objects.update_or_create(
            number=g["number"], defaults={"name": g["name"], "description": g["description"]}
        )
        for order, f in enumerate(g["fields"]):
            field_obj, _ = FieldOfAction.objects.update_or_create(
                slug=f["slug"],
                defaults={
                    "goal": goal,
                    "name": f["name"],
                    "description": f["description"],
                    "sponsor_office": offices.get(f["sponsor_office"]),
                    "sponsor_division": f["sponsor_division"],
                    "sort_order": order,
                },
            )
            kept_fields.append(field_obj.pk)
            Project.objects.filter(field=field_obj).exclude(
                name__in=[p["name"] for p in f["projects"]]
            ).delete()
            # The strategic flag moves in two steps, so the one-per-field constraint holds.
            Project.objects.filter(field=field_obj).update(strategic=False)
            projects = {}
            for p in f["projects"]:
                projects[p["name"]], _ = Project.objects.update_or_create(
                    field=field_obj,
                    name=p["name"],
                    defaults={"description": p["description"], "strategic": p["strategic"]},
                )
            KeyFigure.objects.filter(field=field_obj).exclude(
                name__in=[k["name"] for k in f["key_figures"]]
            ).delete()
            for k in f["key_figures"]:
                values = {key: k[key] for key in k if key not in ("name", "project")}
                values["project"] = projects.get(k["project"])
                KeyFigure.objects.update_or_create(field=field_obj, name=k["name"], defaults=values)
    FieldOfAction.objects.exclude(pk__in=kept_fields).delete()
    Goal.objects.exclude(number__in=[g["number"] for g in clean["goals"]]).delete()
    Participation.objects.all().delete()
    fields = {f.slug: f for f in FieldOfAction.objects.all()}
    Participation.objects.bulk_create(
        Participation(office=offices[m["office"]], field=fields[m["field"]], role=m["role"])
        for m in clean["matrix"]
    )
    return {
        "goals": Goal.objects.count(),
        "fields": len(fields),
        "projects": Project.objects.count(),
        "key_figures": KeyFigure.objects.count(),
        "offices": len(offices),
        "matrix": len(clean["matrix"]),
    }


def matrix_csv() -> str:
    """Offices as rows, fields as columns, F or B in the cells; UTF-8 with BOM for Excel."""
    columns, rows = strategy_matrix()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Amt", "Name", *[spreadsheet_safe(c.name) for c in columns]])
    for row in rows:
        office = row.office
        writer.writerow(
            [spreadsheet_safe(office.number), spreadsheet_safe(office.name), *row.cells]
        )
    return out.getvalue()
