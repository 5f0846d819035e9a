from .agreement import AgreedZielbild, CatalogueAgreement
from .analysis import AnalysisState, ThemeAnalysis
from .consolidation import ConsolidatedZielbild, InputOutcome, OutcomeKind
from .council import (
    CouncilDecision,
    DecisionOutcome,
    PaperVersion,
    VersionState,
)
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
    "CouncilDecision",
    "DecisionOutcome",
    "PaperVersion",
    "VersionState",
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
