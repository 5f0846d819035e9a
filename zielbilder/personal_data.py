"""What the consolidation knows about a person (accounts.privacy): for the strategy team, the
decisions they recorded."""

from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention

from .models import CatalogueAgreement, InputOutcome

SECTION = "zielbilder"
TITLE = gettext_lazy("Konsolidierung")


KINDS = [
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
    """Nothing to erase: the decisions a person recorded stay with the administration's
    records, shown as "gelöschtes Konto"."""


def retention() -> list[Retention]:
    return []
