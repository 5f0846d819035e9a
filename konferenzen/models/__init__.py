from .conferences import CafeTable, Conference, ConferencePage, SectorQuota
from .messages import ConferenceMessage, MessageDelivery
from .registrations import (
    Registration,
    RegistrationSector,
    RegistrationStatus,
    TablePreference,
    TableSeat,
)

__all__ = [
    "CafeTable",
    "Conference",
    "ConferenceMessage",
    "MessageDelivery",
    "ConferencePage",
    "Registration",
    "RegistrationSector",
    "RegistrationStatus",
    "SectorQuota",
    "TablePreference",
    "TableSeat",
]
