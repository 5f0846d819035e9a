from .comments import Comment
from .follows import Announcement, Follow, NotificationSettings, SentNotification
from .moderation import Flag, FlagReason, ModerationAction, ModerationEvent, Visibility
from .proposals import Proposal
from .statements import Statement, StatementKind, StatementState
from .themes import Sector, Theme, ThemeIndexPage, ThemePage
from .votes import Vote, VoteChoice

__all__ = [
    "Announcement",
    "Comment",
    "Flag",
    "FlagReason",
    "Follow",
    "ModerationAction",
    "ModerationEvent",
    "NotificationSettings",
    "Proposal",
    "Sector",
    "SentNotification",
    "Statement",
    "StatementKind",
    "StatementState",
    "Theme",
    "ThemeIndexPage",
    "ThemePage",
    "Visibility",
    "Vote",
    "VoteChoice",
]
