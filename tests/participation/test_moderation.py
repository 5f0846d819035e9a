"""Flagging and moderation: anyone signed in flags with a reason; moderators work through a
queue sorted by flags, hide with a reason shown in place of the text, restore, see the
history, and get one batched mail about new flags."""

import pytest
from django.core import mail

from participation.models import Comment, Flag, ModerationEvent
from participation.moderation import notify_moderators_of_flags
from tests import factories


def flag(client, comment, reason="insult", note=""):
    return client.post(
        f"/beteiligung/kommentare/{comment.pk}/melden/", {"reason": reason, "note": note}
    )


def test_a_signed_in_person_flags_a_comment_with_a_reason(client, citizen, zielbild):
    comment = factories.comment(zielbild)
    client.force_login(citizen)
    assert client.get(f"/beteiligung/kommentare/{comment.pk}/melden/").status_code == 200
    response = flag(client, comment, note="Beleidigt eine Gruppe.")
    assert response.status_code == 302
    stored = Flag.objects.get()
    assert (stored.user, stored.reason, stored.note) == (
        citizen,
        "insult",
        "Beleidigt eine Gruppe.",
    )
    comment.refresh_from_db()
    assert comment.flag_count == 1


def test_a_flag_needs_a_reason(client, citizen, zielbild):
    comment = factories.comment(zielbild)
    client.force_login(citizen)
    response = client.post(f"/beteiligung/kommentare/{comment.pk}/melden/", {"note": "?"})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Grund." in response.content.decode()


def test_flagging_twice_or_ones_own_is_refused(client, citizen, zielbild):
    other = factories.comment(zielbild)
    own = factories.comment(zielbild, author=citizen)
    client.force_login(citizen)
    flag(client, other)
    again = flag(client, other)
    assert "schon gemeldet" in again.content.decode()
    assert "eigenen Beitrag" in flag(client, own).content.decode()
    assert Flag.objects.count() == 1


def test_a_visitor_must_sign_in_to_flag(client, zielbild):
    comment = factories.comment(zielbild)
    response = flag(client, comment)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_queue_puts_the_most_flagged_first(client, moderator, zielbild):
    once = factories.comment(zielbild, text="Einmal gemeldet.")
    thrice = factories.comment(zielbild, text="Dreimal gemeldet.")
    for target, times in [(once, 1), (thrice, 3)]:
        for _ in range(times):
            Flag.objects.create(comment=target, user=factories.UserFactory(), reason="spam")
        Comment.objects.filter(pk=target.pk).update(flag_count=times)
    client.force_login(moderator)
    html = client.get("/admin/moderation/").content.decode()
    assert html.index("Dreimal gemeldet.") < html.index("Einmal gemeldet.")


@pytest.mark.parametrize(
    "roles", [[], ["Redaktion"], ["Konferenzteam"], ["Strategieteam"]], ids=str
)
def test_only_moderators_reach_the_queue(client, zielbild, roles):
    comment = factories.comment(zielbild)
    client.force_login(factories.UserFactory(roles=roles))
    for url in ["/admin/moderation/", f"/admin/moderation/kommentare/{comment.pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
    response = client.post(
        f"/admin/moderation/kommentare/{comment.pk}/ausblenden/", {"reason": "x"}
    )
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_a_moderator_hides_with_a_reason_shown_in_place_of_the_text(client, moderator, zielbild):
    comment = factories.comment(zielbild, text="Etwas Beleidigendes.")
    reply = factories.comment(zielbild, parent=comment, text="Die Antwort darauf.")
    client.force_login(moderator)
    response = client.post(
        f"/admin/moderation/kommentare/{comment.pk}/ausblenden/",
        {"reason": "Verstößt gegen die Netiquette."},
    )
    assert response.status_code == 302
    html = client.get(zielbild.get_absolute_url()).content.decode()
    assert "Etwas Beleidigendes." not in html
    assert "ausgeblendet durch die Moderation: Verstößt gegen die Netiquette." in html
    assert reply.text in html


def test_hiding_without_a_reason_is_refused(client, moderator, zielbild):
    comment = factories.comment(zielbild)
    client.force_login(moderator)
    response = client.post(f"/admin/moderation/kommentare/{comment.pk}/ausblenden/", {"reason": ""})
    assert response.status_code == 400
    # The message stands next to the reason, on the comment's page.
    html = response.content.decode()
    assert 'id="id_reason-error">Bitte geben Sie einen Grund an' in html
    assert 'aria-invalid="true"' in html
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_a_refused_action_keeps_the_reason_as_typed(client, moderator, zielbild):
    comment = factories.comment(zielbild)
    client.force_login(moderator)
    response = client.post(
        f"/admin/moderation/kommentare/{comment.pk}/freigeben/", {"reason": "Geprüft & <ok>."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dieser Kommentar wartet nicht auf Freigabe." in html
    assert ">Geprüft &amp; &lt;ok&gt;.</textarea>" in html


def test_each_action_has_its_own_address(client, moderator, zielbild):
    """The action is the address, not a field of the form: the comment's page takes no
    POST, and each button sends its form to its own action."""
    comment = factories.comment(zielbild)
    client.force_login(moderator)
    page = f"/admin/moderation/kommentare/{comment.pk}/"
    assert client.post(page, {"action": "hide", "reason": "Spam."}).status_code == 405
    assert client.get(page + "ausblenden/").status_code == 405
    assert f'formaction="{page}ausblenden/"' in client.get(page).content.decode()
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_restore_and_the_history(client, moderator, zielbild):
    comment = factories.comment(zielbild, text="Doch in Ordnung.")
    client.force_login(moderator)
    url = f"/admin/moderation/kommentare/{comment.pk}/"
    client.post(url + "ausblenden/", {"reason": "Zunächst gemeldet."})
    client.post(url + "wiederherstellen/", {"reason": "Nach Prüfung in Ordnung."})
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.moderation_reason == ""
    assert list(
        ModerationEvent.objects.filter(comment=comment)
        .order_by("created_at", "pk")
        .values_list("action", "reason", "actor")
    ) == [
        ("hidden", "Zunächst gemeldet.", moderator.pk),
        ("restored", "Nach Prüfung in Ordnung.", moderator.pk),
    ]
    html = client.get(url).content.decode()
    assert "Zunächst gemeldet." in html and "Nach Prüfung in Ordnung." in html
    assert "Doch in Ordnung." in client.get(zielbild.get_absolute_url()).content.decode()


def test_moderators_get_one_mail_about_new_flags_and_not_twice(
    moderator, zielbild, django_capture_on_commit_callbacks
):
    second = factories.UserFactory(roles=["Moderation"])
    comments = [factories.comment(zielbild) for _ in range(3)]
    for comment in comments:
        Flag.objects.create(comment=comment, user=factories.UserFactory(), reason="spam")
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_moderators_of_flags() == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_moderators_of_flags() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([moderator.email, second.email])
    assert "3 neue Meldungen" in mail.outbox[0].subject
    assert "/admin/moderation/" in mail.outbox[0].body


def test_the_admin_start_page_tells_moderators_what_waits(client, moderator, editor, zielbild):
    comment = factories.comment(zielbild)
    Flag.objects.create(comment=comment, user=factories.UserFactory(), reason="spam")
    Comment.objects.filter(pk=comment.pk).update(flag_count=1)
    client.force_login(moderator)
    assert "1 gemeldeter Kommentar" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "gemeldeter Kommentar" not in client.get("/admin/").content.decode()
