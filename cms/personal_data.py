"""What the editors' admin (Wagtail) knows about a person (accounts.privacy): for staff, their
admin settings, what they did (the admin's log), their comments in the editorial review and
what they uploaded."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
)
from wagtail.models.api import APIToken
from wagtail.users.models import UserProfile

from accounts.privacy import Kind, Person, Retention

from .models import StageResults

SECTION = "redaktion"
TITLE = gettext_lazy("Verwaltung der Plattform")
CHUNK = 2000


def _settings(person: Person):
    found = (
        UserProfile.objects.filter(user=person.user)
        .values(
            "preferred_language",
            "current_time_zone",
            "submitted_notifications",
            "approved_notifications",
            "rejected_notifications",
            "updated_comments_notifications",
            "avatar",
        )
        .first()
    )
    if found is not None:
        yield {
            "sprache": found["preferred_language"],
            "zeitzone": found["current_time_zone"],
            "benachrichtigung_eingereicht": found["submitted_notifications"],
            "benachrichtigung_freigegeben": found["approved_notifications"],
            "benachrichtigung_abgelehnt": found["rejected_notifications"],
            "benachrichtigung_kommentare": found["updated_comments_notifications"],
            "profilbild": bool(found["avatar"]),
        }


def _log(person: Person):
    for where, entries in (("seite", PageLogEntry), ("objekt", ModelLogEntry)):
        rows = (
            entries.objects.filter(user_id=person.user.pk)
            .order_by("timestamp", "pk")
            .values_list("action", "label", "timestamp")
        )
        for action, label, timestamp in rows.iterator(chunk_size=CHUNK):
            yield {"bereich": where, "aktion": action, "bezeichnung": label, "am": timestamp}


def _comments(person: Person):
    for model, where in ((Comment, "page__title"), (CommentReply, "comment__page__title")):
        rows = (
            model.objects.filter(user=person.user)
            .order_by("created_at", "pk")
            .values_list(where, "text", "created_at")
        )
        for page, text, created in rows.iterator(chunk_size=CHUNK):
            yield {"seite": page, "text": text, "geschrieben_am": created}


def _subscriptions(person: Person):
    for page, comments in (
        PageSubscription.objects.filter(user=person.user)
        .order_by("page__path")
        .values_list("page__title", "comment_notifications")
    ):
        yield {"seite": page, "kommentare": comments}


def _uploads(person: Person):
    for kind, model in (("bild", get_image_model()), ("dokument", get_document_model())):
        rows = (
            model.objects.filter(uploaded_by_user=person.user)
            .order_by("created_at", "pk")
            .values_list("title", "created_at")
        )
        for title, created in rows.iterator(chunk_size=CHUNK):
            yield {"art": kind, "titel": title, "hochgeladen_am": created}


KINDS = [
    Kind(
        key="einstellungen",
        title=gettext_lazy("Einstellungen im Redaktionsbereich"),
        description=gettext_lazy(
            "Nur mit Zugang zum Redaktionsbereich: Sprache, Zeitzone, E-Mails."
        ),
        fields=(
            "sprache",
            "zeitzone",
            "benachrichtigung_eingereicht",
            "benachrichtigung_freigegeben",
            "benachrichtigung_abgelehnt",
            "benachrichtigung_kommentare",
            "profilbild",
        ),
        rows=_settings,
        single=True,
    ),
    Kind(
        key="protokoll",
        title=gettext_lazy("Protokoll Ihrer Arbeit im Redaktionsbereich"),
        description=gettext_lazy(
            "Was Sie im Redaktionsbereich angelegt, geändert, eingereicht, freigegeben oder "
            "gelöscht haben (Aktion, Bezeichnung, Zeitpunkt)."
        ),
        fields=("bereich", "aktion", "bezeichnung", "am"),
        rows=_log,
    ),
    Kind(
        key="kommentare_redaktion",
        title=gettext_lazy("Kommentare im Redaktionsbereich"),
        description=gettext_lazy("Ihre Kommentare und Antworten an Seiten im Redaktionsbereich."),
        fields=("seite", "text", "geschrieben_am"),
        rows=_comments,
    ),
    Kind(
        key="abonnierte_seiten",
        title=gettext_lazy("Abonnierte Seiten"),
        description=gettext_lazy("Seiten, zu deren Kommentaren Sie E-Mails bekommen."),
        fields=("seite", "kommentare"),
        rows=_subscriptions,
    ),
    Kind(
        key="hochgeladen",
        title=gettext_lazy("Hochgeladene Bilder und Dokumente"),
        description=gettext_lazy("Bilder und Dokumente, die Sie hochgeladen haben."),
        fields=("art", "titel", "hochgeladen_am"),
        rows=_uploads,
    ),
]


def erase(person: Person) -> None:
    """Settings, subscriptions, unsaved drafts and API tokens go; what the person did stays
    in the admin's records, named "gelöschtes Konto"; what they had locked is unlocked, or
    nobody could edit it."""
    user = person.user
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    PageSubscription.objects.filter(user=user).delete()
    EditingSession.objects.filter(user=user).delete()
    FormState.objects.filter(user=user).delete()  # unsaved form drafts
    APIToken.objects.filter(user=user).delete()
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)
    StageResults.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)


def retention() -> list[Retention]:
    return [
        Retention(
            key="cms.administration",
            data=_(
                "Arbeit in der Verwaltung der Plattform: wer Seiten, Ergebnisse, Aussagen, "
                "Konferenzen und Berichte angelegt, geändert, freigegeben oder moderiert hat"
            ),
            purpose=_("Nachvollziehbares Handeln der Verwaltung"),
            period=lambda: _("solange die Inhalte bestehen"),
            deleted_by=_("mit den Inhalten; der Name geht mit dem Konto"),
        ),
    ]
