"""The administration's strategy model of the seed (zielbilder/seed.py) for `manage.py
demo_data`: all goals, fields, projects, key figures, offices and matrix cells."""

from cms.text import german_slug

from . import seed
from .models import (
    ConsolidatedZielbild,
    FieldOfAction,
    Goal,
    InputOutcome,
    KeyFigure,
    Office,
    OutcomeKind,
    Participation,
    Project,
)

# One theme consolidated, as the strategy team would after stage 3: what the workshops and
# the online consultation said about mobility, drawn together into three Zielbilder.
MOBILITY_ZIELBILDER = [
    (
        "Wer in Dortmund unterwegs ist, kommt mit Bus, Bahn, Rad und zu Fuß sicher, schnell und "
        "bezahlbar an sein Ziel – auch abends, am Wochenende und in den Außenbezirken.",
        ["Verkehrswende"],
    ),
    (
        "Dortmund hat ein durchgehendes, sicheres Radwegenetz; Kinder und Ältere können "
        "sich im Straßenraum gefahrlos bewegen.",
        ["Verkehrswende", "Mehr Platz für Kinder und Jugendliche"],
    ),
    (
        "Straßen und Plätze gehören wieder den Menschen: weniger Durchgangsverkehr in den "
        "Quartieren, mehr Grün und Aufenthaltsqualität in der City.",
        ["Verkehrswende", "Attraktivität"],
    ),
]
NOT_TAKEN_UP_REASON = (
    "Das Anliegen betrifft den Landesbetrieb Straßen.NRW und liegt nicht in der Zuständigkeit "
    "der Stadt; es wird an den Landesbetrieb weitergegeben."
)


def load(*, today, report) -> None:
    if not Goal.objects.exists():
        load_strategy(report)
    if not ConsolidatedZielbild.objects.exists():
        load_consolidation(report)


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


def load_consolidation(report) -> None:
    from participation.models import Statement, StatementKind, Theme

    theme = Theme.objects.filter(slug="mobilitaet").first()
    if theme is None:
        return
    zielbilder = []
    for text, field_names in MOBILITY_ZIELBILDER:
        item = ConsolidatedZielbild.objects.create(theme=theme, text=text, live=True)
        item.fields_of_action.set(FieldOfAction.objects.filter(name__in=field_names))
        item.goals.set(Goal.objects.filter(fields__name__in=field_names).distinct())
        item.save()  # parental relations are written on save
        item.save_revision()
        zielbilder.append(item)
    inputs = list(
        Statement.objects.public().filter(theme=theme, kind=StatementKind.ZIELBILD).order_by("pk")
    )
    for index, statement in enumerate(inputs):
        if index == len(inputs) - 1:
            InputOutcome.objects.create(
                statement=statement, kind=OutcomeKind.NOT_TAKEN_UP, reason=NOT_TAKEN_UP_REASON
            )
        elif index < len(zielbilder):
            InputOutcome.objects.create(
                statement=statement, kind=OutcomeKind.TAKEN_UP, zielbild=zielbilder[index]
            )
        elif index % 2 == 0:
            InputOutcome.objects.create(
                statement=statement,
                kind=OutcomeKind.MERGED,
                zielbild=zielbilder[index % len(zielbilder)],
            )
        # The rest stay open: the demo shows a consolidation in progress.
    report.created(
        f"{len(zielbilder)} konsolidierte Zielbilder zum Thema {theme.name}, mit Quellen"
    )
