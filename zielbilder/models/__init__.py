from .agreement import AgreedZielbild, CatalogueAgreement
from .consolidation import ConsolidatedZielbild, InputOutcome, OutcomeKind
from .strategy import (
    Direction,
    FieldOfAction,
    Goal,
    KeyFigure,
    Office,
    Participation,
    ParticipationRole,
    Project,
)

__all__ = [
    "AgreedZielbild",
    "CatalogueAgreement",
    "ConsolidatedZielbild",
    "InputOutcome",
    "OutcomeKind",
    "Direction",
    "FieldOfAction",
    "Goal",
    "KeyFigure",
    "Office",
    "Participation",
    "ParticipationRole",
    "Project",
]
