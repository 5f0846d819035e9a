"""Keeping personal data only as long as needed."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from .models import User


def purge_unverified_accounts(*, now=None) -> int:
    """Delete sign-ups whose address was never confirmed within the retention period."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCOUNT_UNVERIFIED_RETENTION_DAYS)
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = User.objects.filter(
        date_joined__lt=cutoff,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
        groups__isnull=True,
        # A deleted account has no confirmed address either, but its row carries its
        # contributions (accounts.deletion).
        deleted_at__isnull=True,
    ).exclude(pk__in=verified)
    count = stale.count()
    stale.delete()
    return count
