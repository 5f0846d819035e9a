"""The demo's consolidation for `manage.py demo_data`: the mobility theme drawn together into
Zielbilder, with the sources they came from and what was not taken up."""

from participation.models import Statement, StatementKind, Theme
from strategie.models import FieldOfAction, Goal

from .models import ConsolidatedZielbild, InputOutcome, OutcomeKind

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
    if not ConsolidatedZielbild.objects.exists():
        load_consolidation(report)


def load_consolidation(report) -> None:
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
