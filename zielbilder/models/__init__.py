from .agreement import AgreedZielbild, CatalogueAgreement
from .analysis import AnalysisState, ThemeAnalysis
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
    "AnalysisState",
    "CatalogueAgreement",
    "ThemeAnalysis",
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
