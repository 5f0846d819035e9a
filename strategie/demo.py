"""The administration's strategy model of the seed (strategie/seed.py) for `manage.py
demo_data`: all goals, fields, projects, key figures, offices and matrix cells."""

from cms.text import german_slug

from . import seed
from .models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project


def load(*, today, report) -> None:
    if not Goal.objects.exists():
        load_strategy(report)


def load_strategy(report) -> None:
    offices = {
        o.number: Office.objects.create(number=o.number, name=o.name, division=o.division)
        for o in seed.OFFICES
    }
    fields = {}
    for goal_data in seed.GOALS:
        goal = Goal.objects.create(number=goal_data.number, name=goal_data.name)
        for order, field_data in enumerate(goal_data.fields):
            field = FieldOfAction.objects.create(
                goal=goal,
                name=field_data.name,
                slug=german_slug(field_data.name)[:200],
                sponsor_office=offices.get(field_data.sponsor_office or ""),
                sponsor_division=field_data.sponsor_division,
                sort_order=order,
            )
            fields[field.name] = field
            # The model has one strategic project per field; where the paper lists more
            # (Nordwärts), the first is the strategic one and the others are further projects.
            strategic_taken = False
            for project in field_data.projects:
                Project.objects.create(
                    field=field,
                    name=project.name,
                    description=project.description,
                    strategic=project.strategic and not strategic_taken,
                )
                strategic_taken = strategic_taken or project.strategic
            for figure in field_data.key_figures:
                KeyFigure.objects.create(
                    field=field,
                    name=figure.name,
                    strategic=figure.strategic,
                    unit=figure.unit,
                    note=figure.note,
                    source=figure.source,
                )
    Participation.objects.bulk_create(
        Participation(office=offices[number], field=fields[field_name], role=role)
        for (number, field_name), role in seed.MATRIX.items()
    )
    report.created(
        f"Stadtstrategie: {Goal.objects.count()} Ziele, {len(fields)} Handlungsfelder, "
        f"{Project.objects.count()} Projekte, {KeyFigure.objects.count()} Kennzahlen, "
        f"{len(offices)} Ämter, {len(seed.MATRIX)} Beteiligungen"
    )
