"""What consolidation, council paper and monitoring know about a person (accounts.privacy):
for everyone, the opinion group their votes fell into; for the administration's staff, their
office memberships and what they recorded."""

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention

from .analysis import KEEP_PER_THEME
from .models import (
    CatalogueAgreement,
    CouncilDecision,
    InputOutcome,
    KeyFigureValue,
    Milestone,
    OfficeMembership,
    PaperVersion,
    ProjectReport,
    ThemeAnalysis,
)
from .models.analysis import AnalysisState

SECTION = "strategie"
TITLE = gettext_lazy("Konsolidierung, Ratsvorlage und Umsetzung")


def _records(queryset, names: tuple[str, ...], fields: tuple[str, ...]):
    """Rows of one query, under the export's field names."""
    for row in queryset.values_list(*names).iterator(chunk_size=1000):
        yield dict(zip(fields, row, strict=True))


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
    Kind(
        key="aemter",
        title=gettext_lazy("Mitarbeit in den Ämtern"),
        description=gettext_lazy("Die Ämter, für die Sie Kennzahlen und Projekte berichten."),
        fields=("amt", "name"),
        rows=lambda person: _records(
            OfficeMembership.objects.filter(user=person.user).order_by("office__number"),
            ("office__number", "office__name"),
            ("amt", "name"),
        ),
    ),
    Kind(
        key="kennzahlwerte",
        title=gettext_lazy("Gemeldete Werte von Kennzahlen"),
        description=gettext_lazy("Werte, die Sie für Kennzahlen gemeldet haben."),
        fields=("kennzahl", "stichtag", "wert", "quelle", "anmerkung", "gemeldet_am"),
        rows=lambda person: _records(
            KeyFigureValue.objects.filter(reported_by=person.user).order_by("reported_at", "pk"),
            ("key_figure__name", "date", "value", "source", "note", "reported_at"),
            ("kennzahl", "stichtag", "wert", "quelle", "anmerkung", "gemeldet_am"),
        ),
    ),
    Kind(
        key="projektberichte",
        title=gettext_lazy("Berichte zu Projekten"),
        description=gettext_lazy("Stand und Fortschritt von Projekten, die Sie gemeldet haben."),
        fields=("projekt", "stand", "fortschritt", "anmerkung", "gemeldet_am"),
        rows=lambda person: _records(
            ProjectReport.objects.filter(reported_by=person.user).order_by("reported_at", "pk"),
            ("project__name", "state", "progress", "note", "reported_at"),
            ("projekt", "stand", "fortschritt", "anmerkung", "gemeldet_am"),
        ),
    ),
    Kind(
        key="meilensteine",
        title=gettext_lazy("Meilensteine"),
        description=gettext_lazy(
            "Meilensteine, die Sie eingetragen oder als erreicht markiert haben."
        ),
        fields=(
            "projekt",
            "meilenstein",
            "geplant_bis",
            "erreicht_am",
            "eingetragen_am",
            "eingetragen_von_ihnen",
            "als_erreicht_markiert_von_ihnen",
        ),
        rows=lambda person: (
            {**row, "eingetragen_von_ihnen": row["eingetragen_von_ihnen"] == person.user.pk}
            | {
                "als_erreicht_markiert_von_ihnen": row["als_erreicht_markiert_von_ihnen"]
                == person.user.pk
            }
            for row in _records(
                Milestone.objects.filter(
                    Q(created_by=person.user) | Q(reached_by=person.user)
                ).order_by("created_at", "pk"),
                (
                    "project__name",
                    "title",
                    "due",
                    "reached",
                    "created_at",
                    "created_by",
                    "reached_by",
                ),
                (
                    "projekt",
                    "meilenstein",
                    "geplant_bis",
                    "erreicht_am",
                    "eingetragen_am",
                    "eingetragen_von_ihnen",
                    "als_erreicht_markiert_von_ihnen",
                ),
            )
        ),
    ),
    Kind(
        key="konsolidierung",
        title=gettext_lazy("Entscheidungen in der Konsolidierung"),
        description=gettext_lazy("Für welche Eingaben Sie festgehalten haben, was aus ihnen wird."),
        fields=("aussage_id", "ergebnis", "zielbild_id", "begruendung", "entschieden_am"),
        rows=lambda person: _records(
            InputOutcome.objects.filter(decided_by=person.user).order_by("decided_at", "pk"),
            ("statement_id", "kind", "zielbild_id", "reason", "decided_at"),
            ("aussage_id", "ergebnis", "zielbild_id", "begruendung", "entschieden_am"),
        ),
    ),
    Kind(
        key="auswertungen",
        title=gettext_lazy("Angeforderte Auswertungen"),
        description=gettext_lazy("Auswertungen von Themen, die Sie angestoßen haben."),
        fields=("thema", "angefordert_am", "stand"),
        rows=lambda person: _records(
            ThemeAnalysis.objects.filter(requested_by=person.user).order_by("requested_at", "pk"),
            ("theme__slug", "requested_at", "state"),
            ("thema", "angefordert_am", "stand"),
        ),
    ),
    Kind(
        key="ratsvorlage",
        title=gettext_lazy("Fassungen der Ratsvorlage"),
        description=gettext_lazy(
            "Fassungen der Ratsvorlage, die Sie erstellt oder veröffentlicht haben."
        ),
        fields=(
            "fassung",
            "titel",
            "begonnen_am",
            "von_ihnen_erstellt",
            "veroeffentlicht_am",
            "von_ihnen_veroeffentlicht",
        ),
        rows=lambda person: (
            row
            | {
                "von_ihnen_erstellt": row["von_ihnen_erstellt"] == person.user.pk,
                "von_ihnen_veroeffentlicht": row["von_ihnen_veroeffentlicht"] == person.user.pk,
            }
            for row in _records(
                PaperVersion.objects.filter(
                    Q(started_by=person.user) | Q(published_by=person.user)
                ).order_by("number"),
                ("number", "title", "started_at", "started_by", "published_at", "published_by"),
                (
                    "fassung",
                    "titel",
                    "begonnen_am",
                    "von_ihnen_erstellt",
                    "veroeffentlicht_am",
                    "von_ihnen_veroeffentlicht",
                ),
            )
        ),
    ),
    Kind(
        key="beschluesse",
        title=gettext_lazy("Eingetragene Beschlüsse"),
        description=gettext_lazy(
            "Beschlüsse des Rates und der Stadtkonferenz, die Sie eingetragen haben."
        ),
        fields=("art", "beschlossen_am", "ergebnis", "eingetragen_am"),
        rows=lambda person: [
            *(
                row | {"art": "rat"}
                for row in _records(
                    CouncilDecision.objects.filter(recorded_by=person.user).order_by("pk"),
                    ("meeting_date", "outcome", "recorded_at"),
                    ("beschlossen_am", "ergebnis", "eingetragen_am"),
                )
            ),
            *(
                row | {"art": "stadtkonferenz", "ergebnis": ""}
                for row in _records(
                    CatalogueAgreement.objects.filter(recorded_by=person.user).order_by("pk"),
                    ("agreed_on", "recorded_at"),
                    ("beschlossen_am", "eingetragen_am"),
                )
            ),
        ],
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
