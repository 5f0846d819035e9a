"""What the implementation knows about a person (accounts.privacy): for the administration's
staff, their office memberships and what they reported."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention, by_them, records

from .models import KeyFigureValue, Milestone, OfficeMembership, ProjectReport

SECTION = "umsetzung"
TITLE = gettext_lazy("Umsetzung")


MILESTONE_COLUMNS = {
    "project__name": "projekt",
    "title": "meilenstein",
    "due": "geplant_bis",
    "reached": "erreicht_am",
    "created_at": "eingetragen_am",
    "created_by": "eingetragen_von_ihnen",
    "reached_by": "als_erreicht_markiert_von_ihnen",
}


KINDS = [
    Kind.of_columns(
        key="aemter",
        title=gettext_lazy("Mitarbeit in den Ämtern"),
        description=gettext_lazy("Die Ämter, für die Sie Kennzahlen und Projekte berichten."),
        columns={"office__number": "amt", "office__name": "name"},
        query=lambda person: OfficeMembership.objects.filter(user=person.user).order_by(
            "office__number"
        ),
    ),
    Kind.of_columns(
        key="kennzahlwerte",
        title=gettext_lazy("Gemeldete Werte von Kennzahlen"),
        description=gettext_lazy("Werte, die Sie für Kennzahlen gemeldet haben."),
        columns={
            "key_figure__name": "kennzahl",
            "date": "stichtag",
            "value": "wert",
            "source": "quelle",
            "note": "anmerkung",
            "reported_at": "gemeldet_am",
        },
        query=lambda person: KeyFigureValue.objects.filter(reported_by=person.user).order_by(
            "reported_at", "pk"
        ),
    ),
    Kind.of_columns(
        key="projektberichte",
        title=gettext_lazy("Berichte zu Projekten"),
        description=gettext_lazy("Stand und Fortschritt von Projekten, die Sie gemeldet haben."),
        columns={
            "project__name": "projekt",
            "state": "stand",
            "progress": "fortschritt",
            "note": "anmerkung",
            "reported_at": "gemeldet_am",
        },
        query=lambda person: ProjectReport.objects.filter(reported_by=person.user).order_by(
            "reported_at", "pk"
        ),
    ),
    Kind(
        key="meilensteine",
        title=gettext_lazy("Meilensteine"),
        description=gettext_lazy(
            "Meilensteine, die Sie eingetragen oder als erreicht markiert haben."
        ),
        fields=tuple(MILESTONE_COLUMNS.values()),
        rows=lambda person: (
            row | by_them(row, person, "eingetragen_von_ihnen", "als_erreicht_markiert_von_ihnen")
            for row in records(
                Milestone.objects.filter(
                    Q(created_by=person.user) | Q(reached_by=person.user)
                ).order_by("created_at", "pk"),
                MILESTONE_COLUMNS,
            )
        ),
    ),
]


def erase(person: Person) -> None:
    """The memberships end; what the person reported stays with the administration's records,
    shown as "gelöschtes Konto"."""
    OfficeMembership.objects.filter(user=person.user).delete()


def retention() -> list[Retention]:
    return [
        Retention(
            key="umsetzung.memberships",
            data=_("Mitarbeit in einem Amt (für Berichte zu Kennzahlen und Projekten)"),
            purpose=_("Berichte der Ämter im Monitoring"),
            period=lambda: _("bis das Strategieteam sie beendet oder das Konto gelöscht wird"),
            deleted_by=_("beim Löschen des Kontos, sofort"),
        ),
    ]
