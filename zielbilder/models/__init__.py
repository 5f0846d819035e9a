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
    "Direction",
    "FieldOfAction",
    "Goal",
    "KeyFigure",
    "Office",
    "Participation",
    "ParticipationRole",
    "Project",
]
