from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .display_names import HELP_TEXT, TAKEN, validate_display_name

DELETED_ACCOUNT_NAME = _("gelöschtes Konto")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. People sign in with their e-mail address; others only see the display name."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Anzeigename"),
        max_length=30,
        validators=[validate_display_name],
        help_text=HELP_TEXT,
    )
    # Set when the person deleted the account (accounts.deletion): the row stays, emptied of
    # everything personal, so that contributions keep one anonymous author and every count
    # that rests on them (participants, opinion groups, the council paper) stays true.
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"),
                name="accounts_user_display_name_unique_ci",
                # Deleted accounts have no name; the name they had is free again.
                condition=Q(deleted_at__isnull=True),
                violation_error_message=TAKEN,
            ),
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("Für diese E-Mail-Adresse besteht schon ein Konto."),
            ),
        ]

    def __str__(self):
        return str(self.public_name) or self.email

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def public_name(self):
        """What others see as the author: the display name, or "gelöschtes Konto"."""
        return DELETED_ACCOUNT_NAME if self.is_deleted else self.display_name

    def get_full_name(self):
        # Wagtail's admin (page history, comments, workflow) names people by this.
        return str(self.public_name)

    def get_short_name(self):
        return str(self.public_name)
