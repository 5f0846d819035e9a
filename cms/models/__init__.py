from .approval import FourEyesApprovalTask
from .pages import ContentPage, EasyLanguagePage, HomePage, ProcessPage, StagePage
from .results import StageResults
from .site_settings import FooterSettings

__all__ = [
    "ContentPage",
    "EasyLanguagePage",
    "FooterSettings",
    "FourEyesApprovalTask",
    "HomePage",
    "ProcessPage",
    "StagePage",
    "StageResults",
]
