"""What the council paper knows about a person (accounts.privacy): for the strategy team, the
versions they compiled or published and the council decisions they recorded."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention, by_them, records

from .models import CouncilDecision, PaperVersion

SECTION = "ratsvorlage"
TITLE = gettext_lazy("Ratsvorlage")


PAPER_COLUMNS = {
    "number": "fassung",
    "title": "titel",
    "started_at": "begonnen_am",
    "started_by": "von_ihnen_erstellt",
    "published_at": "veroeffentlicht_am",
    "published_by": "von_ihnen_veroeffentlicht",
}


KINDS = [
    Kind(
        key="fassungen",
        title=gettext_lazy("Fassungen der Ratsvorlage"),
        description=gettext_lazy(
            "Fassungen der Ratsvorlage, die Sie erstellt oder veröffentlicht haben."
        ),
        fields=tuple(PAPER_COLUMNS.values()),
        rows=lambda person: (
            row | by_them(row, person, "von_ihnen_erstellt", "von_ihnen_veroeffentlicht")
            for row in records(
                PaperVersion.objects.filter(
                    Q(started_by=person.user) | Q(published_by=person.user)
                ).order_by("number"),
                PAPER_COLUMNS,
            )
        ),
    ),
    Kind.of_columns(
        key="beschluesse",
        title=gettext_lazy("Eingetragene Beschlüsse des Rates"),
        description=gettext_lazy(
            "Beschlüsse des Rates zur Ratsvorlage, die Sie eingetragen haben."
        ),
        columns={
            "meeting_date": "beschlossen_am",
            "outcome": "ergebnis",
            "recorded_at": "eingetragen_am",
        },
        query=lambda person: CouncilDecision.objects.filter(recorded_by=person.user).order_by("pk"),
    ),
]


def erase(person: Person) -> None:
    """Nothing to erase: the versions and decisions are the administration's records and stay,
    showing "gelöschtes Konto" for whoever made them."""


def retention() -> list[Retention]:
    return []
