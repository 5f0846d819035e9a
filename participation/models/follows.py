from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """Someone wants to hear about a theme or a statement."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    theme = models.ForeignKey(
        "participation.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    statement = models.ForeignKey(
        "participation.Statement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        constraints = [
            models.CheckConstraint(
                condition=Q(theme__isnull=False, statement__isnull=True)
                | Q(theme__isnull=True, statement__isnull=False),
                name="follow_has_one_target",
            ),
            models.UniqueConstraint(fields=["user", "theme"], name="follow_theme_once"),
            models.UniqueConstraint(fields=["user", "statement"], name="follow_statement_once"),
        ]

    def __str__(self):
        return str(self.theme or self.statement)


class NotificationSettings(models.Model):
    """Which mails a person wants; everyone starts with all of them and can switch each off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    replies = models.BooleanField(_("Antworten auf meine Kommentare"), default=True)
    official_answers = models.BooleanField(
        _("Antworten der Stadt zu Aussagen, denen ich folge"), default=True
    )
    stage_results = models.BooleanField(
        _("Neue Ergebnisse zu Themen, denen ich folge"), default=True
    )

    class Meta:
        verbose_name = _("Benachrichtigungen")
        verbose_name_plural = _("Benachrichtigungen")

    def __str__(self):
        return str(self.user)


class SentNotification(models.Model):
    """Remembers that a person was told about an event, so that a task run twice mails once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notify_once")]

    def __str__(self):
        return self.key


class Announcement(models.Model):
    """An event everyone concerned has been told about, e.g. a stage's published results;
    the sweep uses it to find the events whose task never ran."""

    key = models.CharField(max_length=100, unique=True)
    done_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
