from .approval import FourEyesApprovalTask
from .pages import (
    ContentPage,
    ContextFromHooks,
    EasyLanguagePage,
    HomePage,
    ProcessPage,
    StagePage,
)
from .results import StageResults
from .site_settings import FooterSettings

__all__ = [
    "ContentPage",
    "ContextFromHooks",
    "EasyLanguagePage",
    "FooterSettings",
    "FourEyesApprovalTask",
    "HomePage",
    "ProcessPage",
    "StagePage",
    "StageResults",
]
