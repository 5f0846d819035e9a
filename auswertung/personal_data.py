"""What the analysis knows about a person (accounts.privacy): the opinion group their votes
fell into, and the evaluations they asked for."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention

from .analysis import KEEP_PER_THEME
from .models import AnalysisState, ThemeAnalysis

SECTION = "auswertung"
TITLE = gettext_lazy("Auswertung")


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
        key="auswertungen",
        title=gettext_lazy("Angeforderte Auswertungen"),
        description=gettext_lazy("Auswertungen von Themen, die Sie angestoßen haben."),
        columns={"theme__slug": "thema", "requested_at": "angefordert_am", "state": "stand"},
        query=lambda person: ThemeAnalysis.objects.filter(requested_by=person.user).order_by(
            "requested_at", "pk"
        ),
    ),
]


def erase(person: Person) -> None:
    """Nothing to erase: a group is stored under the account's number, which stays for the
    votes it grouped (accounts.deletion); who asked for a run is kept as "gelöschtes Konto"."""


def retention() -> list[Retention]:
    return [
        Retention(
            key="auswertung.opinion_groups",
            data=_(
                "Meinungsgruppen: welcher Gruppe ein Konto nach seinen Bewertungen zugeordnet "
                "wurde (nur als Nummer, öffentlich nur die Gruppen)"
            ),
            purpose=_("Auswertung der Bewertungen für die Konsolidierung"),
            period=lambda: _("die letzten %(n)d Auswertungen je Thema") % {"n": KEEP_PER_THEME},
            deleted_by=_("automatisch, wenn eine neue Auswertung fertig ist"),
        ),
    ]
