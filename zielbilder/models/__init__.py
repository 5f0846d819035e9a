from .agreement import AgreedZielbild, CatalogueAgreement
from .consolidation import ConsolidatedZielbild, InputOutcome, OutcomeKind
from .monitoring import (
    KeyFigureValue,
    Measure,
    MeasureState,
    Milestone,
    OfficeMembership,
    ProjectReport,
    ProjectState,
    ReminderLevel,
    ReminderSent,
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
    "KeyFigureValue",
    "Measure",
    "MeasureState",
    "Milestone",
    "OfficeMembership",
    "ProjectReport",
    "ProjectState",
    "ReminderLevel",
    "ReminderSent",
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
