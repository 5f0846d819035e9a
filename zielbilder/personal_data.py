"""What consolidation, analysis and monitoring know about a person (accounts.privacy):
for everyone, the opinion group their votes fell into; for the administration's staff, their
office memberships and what they recorded."""

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention, by_them, records

from .analysis import KEEP_PER_THEME
from .models import (
    CatalogueAgreement,
    InputOutcome,
    KeyFigureValue,
    Milestone,
    OfficeMembership,
    ProjectReport,
    ThemeAnalysis,
)
from .models.analysis import AnalysisState

SECTION = "strategie"
TITLE = gettext_lazy("Konsolidierung, Auswertung und Umsetzung")


MILESTONE_COLUMNS = {
    "project__name": "projekt",
    "title": "meilenstein",
    "due": "geplant_bis",
    "reached": "erreicht_am",
    "created_at": "eingetragen_am",
    "created_by": "eingetragen_von_ihnen",
    "reached_by": "als_erreicht_markiert_von_ihnen",
}


def _opinion_groups(person: Person):
    """The group of each theme's latest evaluation that the person's votes put them in."""
    latest = ThemeAnalysis.objects.filter(
        pk=Subquery(
            ThemeAnalysis.objects.filter(theme=OuterRef("theme"), state=AnalysisState.DONE)
            .order_by("-computed_at", "-pk")
            .values("pk")[:1]
        )
    ).order_by("theme__sort_order", "theme__name")
    for theme, computed, result in latest.values_list("theme__slug", "computed_at", "result"):
        for participant, _x, _y, group, votes in (result or {}).get("participants", []):
            if participant == person.user.pk:
                yield {"thema": theme, "berechnet_am": computed, "gruppe": group, "stimmen": votes}
                break


KINDS = [
    Kind(
        key="meinungsgruppen",
        title=gettext_lazy("Meinungsgruppen"),
        description=gettext_lazy(
            "Für jedes Thema: welcher Meinungsgruppe die letzte Auswertung Sie nach Ihren "
            "Bewertungen zugeordnet hat (Gruppe 0 ist die größte). Öffentlich erscheinen "
            "nur die Gruppen, nie einzelne Personen."
        ),
        fields=("thema", "berechnet_am", "gruppe", "stimmen"),
        rows=_opinion_groups,
    ),
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
    Kind.of_columns(
        key="konsolidierung",
        title=gettext_lazy("Entscheidungen in der Konsolidierung"),
        description=gettext_lazy("Für welche Eingaben Sie festgehalten haben, was aus ihnen wird."),
        columns={
            "statement_id": "aussage_id",
            "kind": "ergebnis",
            "zielbild_id": "zielbild_id",
            "reason": "begruendung",
            "decided_at": "entschieden_am",
        },
        query=lambda person: InputOutcome.objects.filter(decided_by=person.user).order_by(
            "decided_at", "pk"
        ),
    ),
    Kind.of_columns(
        key="auswertungen",
        title=gettext_lazy("Angeforderte Auswertungen"),
        description=gettext_lazy("Auswertungen von Themen, die Sie angestoßen haben."),
        columns={"theme__slug": "thema", "requested_at": "angefordert_am", "state": "stand"},
        query=lambda person: ThemeAnalysis.objects.filter(requested_by=person.user).order_by(
            "requested_at", "pk"
        ),
    ),
    Kind.of_columns(
        key="beschluesse",
        title=gettext_lazy("Eingetragene Beschlüsse der Stadtkonferenz"),
        description=gettext_lazy(
            "Beschlüsse der Stadtkonferenz über den Katalog der Zielbilder, die Sie "
            "eingetragen haben."
        ),
        columns={"agreed_on": "beschlossen_am", "recorded_at": "eingetragen_am"},
        query=lambda person: CatalogueAgreement.objects.filter(recorded_by=person.user).order_by(
            "pk"
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
            key="zielbilder.opinion_groups",
            data=_(
                "Meinungsgruppen: welcher Gruppe ein Konto nach seinen Bewertungen zugeordnet "
                "wurde (nur als Nummer, öffentlich nur die Gruppen)"
            ),
            purpose=_("Auswertung der Bewertungen für die Konsolidierung"),
            period=lambda: _("die letzten %(n)d Auswertungen je Thema") % {"n": KEEP_PER_THEME},
            deleted_by=_("automatisch, wenn eine neue Auswertung fertig ist"),
        ),
        Retention(
            key="zielbilder.memberships",
            data=_("Mitarbeit in einem Amt (für Berichte zu Kennzahlen und Projekten)"),
            purpose=_("Berichte der Ämter im Monitoring"),
            period=lambda: _("bis das Strategieteam sie beendet oder das Konto gelöscht wird"),
            deleted_by=_("beim Löschen des Kontos, sofort"),
        ),
    ]
