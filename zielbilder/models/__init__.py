from .agreement import AgreedZielbild, CatalogueAgreement
from .consolidation import ConsolidatedZielbild, InputOutcome, OutcomeKind

__all__ = [
    "AgreedZielbild",
    "CatalogueAgreement",
    "ConsolidatedZielbild",
    "InputOutcome",
    "OutcomeKind",
]
