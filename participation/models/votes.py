from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VoteChoice(models.TextChoices):
    AGREE = "agree", _("Zustimmung")
    DISAGREE = "disagree", _("Ablehnung")
    NEUTRAL = "neutral", _("neutral")


class Vote(models.Model):
    statement = models.ForeignKey(
        "participation.Statement", on_delete=models.CASCADE, related_name="votes"
    )
    # A deleted account's votes keep counting; they are no longer anyone's.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="votes"
    )
    choice = models.CharField(_("Bewertung"), max_length=10, choices=VoteChoice.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Bewertung")
        verbose_name_plural = _("Bewertungen")
        constraints = [
            models.UniqueConstraint(fields=["user", "statement"], name="one_vote_per_statement")
        ]
        indexes = [models.Index(fields=["statement", "choice"], name="vote_statement_choice")]

    def __str__(self):
        return f"{self.get_choice_display()} ({self.statement_id})"
