"""What the online consultation knows about a person (accounts.privacy): comments, votes,
proposals, flags, follows and notification settings, and a moderator's decisions."""

from django.conf import settings
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.privacy import Kind, Person, Retention

from .models import (
    Comment,
    Flag,
    Follow,
    ModerationEvent,
    NotificationSettings,
    Proposal,
    SentNotification,
    Statement,
    Vote,
)

SECTION = "beteiligung"
TITLE = gettext_lazy("Online-Beteiligung")
# Enough of a statement to recognise it; the address leads to all of it.
EXCERPT = 120
CHUNK = 2000


def _statement_url():
    """The address of a statement by its number, without resolving the URL for each of
    10,000 votes."""
    marker = 987654321
    pattern = settings.BASE_URL + reverse("participation:statement", args=[marker])
    return lambda pk: pattern.replace(str(marker), str(pk))


def _comments(person: Person):
    url = _statement_url()
    comments = (
        Comment.objects.filter(author=person.user)
        .annotate(statement_excerpt=Substr("statement__text", 1, EXCERPT))
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "statement_id",
            "statement_excerpt",
            "parent_id",
            "text",
            "created_at",
            "edited_at",
            "deleted_at",
            "visibility",
            "moderation_reason",
            "is_official",
        )
    )
    for row in comments.iterator(chunk_size=CHUNK):
        pk, statement, excerpt, parent, text, created, edited, deleted = row[:8]
        visibility, reason, official = row[8:]
        yield {
            "id": pk,
            "aussage_id": statement,
            "aussage_url": url(statement),
            "aussage_anfang": excerpt,
            "antwort_auf": parent,
            "text": text,
            "geschrieben_am": created,
            "bearbeitet_am": edited,
            "geloescht_am": deleted,
            "sichtbarkeit": visibility,
            "grund_der_moderation": reason,
            "antwort_der_stadt": official,
        }


def _votes(person: Person):
    url = _statement_url()
    votes = (
        Vote.objects.filter(user=person.user)
        .annotate(statement_excerpt=Substr("statement__text", 1, EXCERPT))
        .order_by("created_at", "pk")
        .values_list(
            "statement_id",
            "statement_excerpt",
            "statement__theme__slug",
            "choice",
            "created_at",
            "updated_at",
        )
    )
    for statement, excerpt, theme, choice, created, updated in votes.iterator(chunk_size=CHUNK):
        yield {
            "aussage_id": statement,
            "aussage_url": url(statement),
            "aussage_anfang": excerpt,
            "thema": theme,
            "bewertung": choice,
            "abgegeben_am": created,
            "geaendert_am": updated,
        }


PROPOSAL_COLUMNS = {
    "pk": "id",
    "theme__slug": "thema",
    "kind": "art",
    "stage": "stufe",
    "text": "text",
    "created_at": "eingereicht_am",
    "state": "status",
    "decision_reason": "begruendung_der_entscheidung",
    "decided_at": "entschieden_am",
    "statement_id": "daraus_entstandene_aussage",
    "visibility": "sichtbarkeit",
    "moderation_reason": "grund_der_moderation",
}


def _flags(person: Person):
    flags = (
        Flag.objects.filter(user=person.user)
        .order_by("created_at", "pk")
        .values_list("comment_id", "proposal_id", "reason", "note", "created_at")
    )
    for comment, proposal, reason, note, created in flags.iterator(chunk_size=CHUNK):
        yield {
            "kommentar_id": comment,
            "vorschlag_id": proposal,
            "grund": reason,
            "erlaeuterung": note,
            "gemeldet_am": created,
        }


def _follows(person: Person):
    url = _statement_url()
    follows = (
        Follow.objects.filter(user=person.user)
        .order_by("created_at", "pk")
        .values_list("theme__slug", "statement_id", "created_at")
    )
    for theme, statement, created in follows:
        yield {
            "thema": theme,
            "aussage_id": statement,
            "aussage_url": url(statement) if statement else None,
            "seit": created,
        }


def _notification_settings(person: Person):
    found = (
        NotificationSettings.objects.filter(user=person.user)
        .values("replies", "official_answers", "stage_results")
        .first()
    )
    # Without a stored choice everything is on (participation.notifications.wants).
    found = found or {"replies": True, "official_answers": True, "stage_results": True}
    yield {
        "antworten_auf_meine_kommentare": found["replies"],
        "antworten_der_stadt": found["official_answers"],
        "neue_ergebnisse": found["stage_results"],
    }


def _sent_notifications(person: Person):
    sent = (
        SentNotification.objects.filter(user=person.user)
        .order_by("created_at", "pk")
        .values_list("key", "created_at")
    )
    for key, created in sent.iterator(chunk_size=CHUNK):
        yield {"anlass": key, "am": created}


def _moderation(person: Person):
    events = (
        ModerationEvent.objects.filter(actor=person.user)
        .order_by("created_at", "pk")
        .values_list("action", "reason", "comment_id", "proposal_id", "created_at")
    )
    for action, reason, comment, proposal, created in events.iterator(chunk_size=CHUNK):
        yield {
            "aktion": action,
            "begruendung": reason,
            "kommentar_id": comment,
            "vorschlag_id": proposal,
            "am": created,
        }


KINDS = [
    Kind(
        key="kommentare",
        title=gettext_lazy("Kommentare"),
        description=gettext_lazy(
            "Ihre Kommentare und Antworten mit der Aussage, zu der sie gehören, Zeitpunkten "
            "und ihrem Stand (sichtbar, ausgeblendet mit Grund, gelöscht)."
        ),
        fields=(
            "id",
            "aussage_id",
            "aussage_url",
            "aussage_anfang",
            "antwort_auf",
            "text",
            "geschrieben_am",
            "bearbeitet_am",
            "geloescht_am",
            "sichtbarkeit",
            "grund_der_moderation",
            "antwort_der_stadt",
        ),
        rows=_comments,
    ),
    Kind(
        key="bewertungen",
        title=gettext_lazy("Bewertungen"),
        description=gettext_lazy(
            "Ihre Stimmen zu Aussagen: Zustimmung (agree), Ablehnung (disagree) oder neutral, "
            "mit Zeitpunkt."
        ),
        fields=(
            "aussage_id",
            "aussage_url",
            "aussage_anfang",
            "thema",
            "bewertung",
            "abgegeben_am",
            "geaendert_am",
        ),
        rows=_votes,
    ),
    Kind.of_columns(
        key="vorschlaege",
        title=gettext_lazy("Vorschläge"),
        description=gettext_lazy(
            "Ihre vorgeschlagenen Ausgangs- und Zielbilder mit der Entscheidung der "
            "Moderation und ihrer Begründung."
        ),
        columns=PROPOSAL_COLUMNS,
        query=lambda person: Proposal.objects.filter(author=person.user).order_by(
            "created_at", "pk"
        ),
    ),
    Kind(
        key="meldungen",
        title=gettext_lazy("Meldungen"),
        description=gettext_lazy(
            "Kommentare und Vorschläge, die Sie der Moderation gemeldet haben."
        ),
        fields=("kommentar_id", "vorschlag_id", "grund", "erlaeuterung", "gemeldet_am"),
        rows=_flags,
    ),
    Kind(
        key="abonnements",
        title=gettext_lazy("Abonnements"),
        description=gettext_lazy("Themen und Aussagen, denen Sie folgen."),
        fields=("thema", "aussage_id", "aussage_url", "seit"),
        rows=_follows,
    ),
    Kind(
        key="benachrichtigungen",
        title=gettext_lazy("Einstellungen zu Benachrichtigungen"),
        description=gettext_lazy("Welche E-Mails Sie bekommen möchten."),
        fields=("antworten_auf_meine_kommentare", "antworten_der_stadt", "neue_ergebnisse"),
        rows=_notification_settings,
        single=True,
    ),
    Kind(
        key="erhaltene_benachrichtigungen",
        title=gettext_lazy("Erhaltene Benachrichtigungen"),
        description=gettext_lazy(
            "Worüber die Plattform Sie schon benachrichtigt hat (damit keine E-Mail doppelt "
            "kommt): reply:<Kommentar>, official:<Kommentar>, results:<Ergebnis>."
        ),
        fields=("anlass", "am"),
        rows=_sent_notifications,
    ),
    Kind(
        key="moderation",
        title=gettext_lazy("Ihre Schritte in der Moderation"),
        description=gettext_lazy(
            "Nur für die Moderation: was Sie ausgeblendet, wiederhergestellt, freigegeben, "
            "angenommen oder abgelehnt haben, mit Begründung."
        ),
        fields=("aktion", "begruendung", "kommentar_id", "vorschlag_id", "am"),
        rows=_moderation,
    ),
]


def erase(person: Person) -> None:
    """Contributions stay and count; what only served the person goes."""
    user = person.user
    Follow.objects.filter(user=user).delete()
    NotificationSettings.objects.filter(user=user).delete()
    SentNotification.objects.filter(user=user).delete()
    # The comment threads cached for visitors name the author; a newer stamp renders them
    # again (participation.views.statements.comment_thread).
    Statement.objects.filter(comments__author=user).update(updated_at=person.now)


def retention() -> list[Retention]:
    return [
        Retention(
            key="participation.contributions",
            data=_("Kommentare, Bewertungen und Vorschläge mit Ihrem Anzeigenamen"),
            purpose=_(
                "Die öffentliche Beteiligung und ihre Auswertung für die Konsolidierung und "
                "die Ratsvorlage"
            ),
            period=lambda: _(
                "solange das Stadtgespräch dokumentiert wird; löschen Sie Ihr Konto, bleiben "
                "die Beiträge ohne Namen („gelöschtes Konto“)"
            ),
            deleted_by=_("Ihre Kommentare löschen Sie selbst; der Name geht mit dem Konto"),
        ),
        Retention(
            key="participation.moderation",
            data=_(
                "Meldungen (wer was gemeldet hat, mit Erläuterung) und der Verlauf der "
                "Moderation (wer was ausgeblendet oder entschieden hat, und warum)"
            ),
            purpose=_("Nachvollziehbare Moderation"),
            period=lambda: _("solange der gemeldete oder moderierte Beitrag besteht"),
            deleted_by=_("mit dem Beitrag; der Name geht mit dem Konto"),
        ),
        Retention(
            key="participation.follows",
            data=_(
                "Abonnements, Einstellungen zu Benachrichtigungen und welche "
                "Benachrichtigungen Sie erhalten haben"
            ),
            purpose=_("Benachrichtigungen schicken, keine doppelt"),
            period=lambda: _("bis Sie sie abbestellen oder Ihr Konto löschen"),
            deleted_by=_("beim Löschen des Kontos, sofort"),
        ),
    ]
