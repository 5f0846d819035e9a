"""Comments on statements: replies one level deep, edit and delete own, plain text with
links, limits, the city's official answers, a per-account rate limit, pre-moderation."""

import pytest
from django.test import override_settings

from participation.models import Comment, Statement
from participation.models.comments import COMMENT_MAX_LENGTH
from tests import factories


def post_comment(client, statement, text, **extra):
    return client.post(
        f"/beteiligung/aussagen/{statement.pk}/kommentieren/", {"text": text, **extra}
    )


def test_a_citizen_comments_and_sees_the_comment(client, citizen, zielbild):
    client.force_login(citizen)
    response = post_comment(client, zielbild, "Mehr Radwege im Norden, bitte.")
    comment = Comment.objects.get()
    assert response["Location"] == f"{zielbild.get_absolute_url()}#kommentar-{comment.pk}"
    html = client.get(zielbild.get_absolute_url()).content.decode()
    assert "Mehr Radwege im Norden, bitte." in html
    assert "Bürgerin Beispiel" in html
    zielbild.refresh_from_db()
    assert zielbild.comment_count == 1


def test_replies_go_one_level_deep(client, citizen, zielbild):
    top = factories.comment(zielbild, text="Oben.")
    reply = factories.comment(zielbild, text="Antwort.", parent=top)
    client.force_login(citizen)
    post_comment(client, zielbild, "Antwort auf die Antwort.", parent=reply.pk)
    newest = Comment.objects.latest("pk")
    assert newest.parent == top


@pytest.mark.parametrize("parent", ["²", "9" * 30, "x"])
def test_a_hand_edited_parent_never_fails_and_never_attaches(client, citizen, zielbild, parent):
    client.force_login(citizen)
    text = "Ein Kommentar mit seltsamer Antwortnummer."
    response = post_comment(client, zielbild, text, parent=parent)
    comment = Comment.objects.first()
    if comment is None:
        # The form refused the number; what was typed is still there.
        assert response.status_code == 400 and text in response.content.decode()
    else:
        assert response.status_code == 302 and comment.parent is None


def test_html_and_script_are_shown_as_text_and_links_become_clickable(client, citizen, zielbild):
    client.force_login(citizen)
    post_comment(
        client, zielbild, '<script>alert("x")</script> <b>fett</b> https://example.org/plan'
    )
    html = client.get(zielbild.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>fett</b>" not in html
    assert '<a href="https://example.org/plan" rel="nofollow">https://example.org/plan</a>' in html


def test_an_over_long_comment_keeps_the_typed_text_and_says_why(client, citizen, zielbild):
    client.force_login(citizen)
    text = "Sehr lang. " * 200
    response = post_comment(client, zielbild, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"höchstens {COMMENT_MAX_LENGTH} Zeichen (jetzt: {len(text.strip())})" in html
    assert text.strip()[:200] in html
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused(client, citizen, zielbild):
    client.force_login(citizen)
    response = post_comment(client, zielbild, "   ")
    assert response.status_code == 400
    assert "Bitte schreiben Sie einen Text." in response.content.decode()


def test_commenting_outside_the_window_is_refused_and_the_text_kept(client, citizen, ausgangsbild):
    client.force_login(citizen)
    response = post_comment(client, ausgangsbild, "Zu spät, aber wichtig.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kommentieren und Bewerten war bis zum" in html
    assert not Comment.objects.exists()


def test_an_unverified_account_may_not_comment(client, zielbild):
    client.force_login(factories.UserFactory(verified=False))
    response = post_comment(client, zielbild, "Hallo.")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_withdrawn_statement_takes_no_comments(client, citizen, zielbild):
    Statement.objects.filter(pk=zielbild.pk).update(state="withdrawn")
    client.force_login(citizen)
    post_comment(client, zielbild, "Noch etwas.")
    assert not Comment.objects.exists()


@override_settings(
    PARTICIPATION_RATE_LIMITS={"comment": (2, 600), "proposal": (5, 86400), "flag": (20, 3600)}
)
def test_the_rate_limit_names_itself_and_keeps_the_text(client, citizen, zielbild):
    client.force_login(citizen)
    post_comment(client, zielbild, "Eins.")
    post_comment(client, zielbild, "Zwei.")
    response = post_comment(client, zielbild, "Drei, zu schnell.")
    assert response.status_code == 429
    html = response.content.decode()
    assert "in den letzten 10 Minuten schon 2 Kommentare" in html
    assert "Drei, zu schnell." in html
    assert Comment.objects.count() == 2


def test_editing_marks_the_comment_as_edited(client, citizen, zielbild):
    comment = factories.comment(zielbild, author=citizen, text="Erst so.")
    client.force_login(citizen)
    response = client.post(
        f"/beteiligung/kommentare/{comment.pk}/bearbeiten/", {"text": "Dann so."}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Dann so." and comment.edited_at
    assert "bearbeitet" in client.get(zielbild.get_absolute_url()).content.decode()


def test_nobody_edits_or_deletes_someone_elses_comment(client, citizen, zielbild):
    comment = factories.comment(zielbild, text="Meins.")
    client.force_login(citizen)
    edit = client.post(f"/beteiligung/kommentare/{comment.pk}/bearbeiten/", {"text": "Deins."})
    delete = client.post(f"/beteiligung/kommentare/{comment.pk}/loeschen/")
    assert edit.status_code == delete.status_code == 403
    comment.refresh_from_db()
    assert comment.text == "Meins." and not comment.deleted_at


def test_a_deleted_comment_shows_as_deleted_and_its_replies_stay(client, citizen, zielbild):
    comment = factories.comment(zielbild, author=citizen, text="Das nehme ich zurück.")
    factories.comment(zielbild, parent=comment, text="Die Antwort bleibt.")
    client.force_login(citizen)
    assert client.get(f"/beteiligung/kommentare/{comment.pk}/loeschen/").status_code == 200
    client.post(f"/beteiligung/kommentare/{comment.pk}/loeschen/")
    html = client.get(zielbild.get_absolute_url()).content.decode()
    assert "Das nehme ich zurück." not in html
    assert "von der Verfasserin oder dem Verfasser gelöscht" in html
    assert "Die Antwort bleibt." in html
    comment.refresh_from_db()
    assert comment.text == ""
    zielbild.refresh_from_db()
    assert zielbild.comment_count == 1


def test_a_moderator_answers_as_the_city(client, moderator, zielbild):
    client.force_login(moderator)
    post_comment(client, zielbild, "Die Stadt prüft das.", official="on")
    assert Comment.objects.get().is_official
    assert "Antwort der Stadt" in client.get(zielbild.get_absolute_url()).content.decode()


def test_a_citizen_cannot_answer_as_the_city(client, citizen, zielbild):
    client.force_login(citizen)
    assert "Antwort der Stadt" not in client.get(zielbild.get_absolute_url()).content.decode()
    post_comment(client, zielbild, "Ich bin die Stadt.", official="on")
    assert not Comment.objects.get().is_official


def test_pre_moderation_holds_new_comments_until_approved(client, citizen, moderator, today):
    factories.process_with_stages(today=today, premoderation=(3,))
    zielbild = factories.statement(factories.theme_page().theme)
    client.force_login(citizen)
    post_comment(client, zielbild, "Bitte prüfen.")
    comment = Comment.objects.get()
    assert comment.is_pending
    assert "Bitte prüfen." not in client.get(zielbild.get_absolute_url()).content.decode()

    client.force_login(moderator)
    response = client.post(f"/admin/moderation/kommentare/{comment.pk}/freigeben/", {})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert not comment.is_pending
    assert "Bitte prüfen." in client.get(zielbild.get_absolute_url()).content.decode()


def test_comments_can_be_ordered_and_narrowed_to_the_citys_answers(client, moderator, zielbild):
    first = factories.comment(zielbild, text="Erster Kommentar.")
    factories.comment(zielbild, text="Zweiter Kommentar.")
    factories.comment(zielbild, parent=first, author=moderator, text="Antwort.", is_official=True)
    url = zielbild.get_absolute_url()
    oldest = client.get(url).content.decode()
    assert oldest.index("Erster Kommentar.") < oldest.index("Zweiter Kommentar.")
    newest = client.get(url + "?order=neu").content.decode()
    assert newest.index("Zweiter Kommentar.") < newest.index("Erster Kommentar.")
    city = client.get(url + "?city=on").content.decode()
    assert "Erster Kommentar." in city and "Zweiter Kommentar." not in city
    assert client.get(url + "?order=quer&city=vielleicht").status_code == 200
