"""Follow and notify: mails on replies, on the city's answers and on a followed theme's
stage results; each mail once, each with a one-click signed unsubscribe link."""

import re

from django.core import mail

from cms.models import StagePage, StageResults
from participation.models import Follow, NotificationSettings
from participation.notifications import notify_about_comment, unsubscribe_token
from tests import factories


def post_comment(client, statement, text, **extra):
    return client.post(
        f"/beteiligung/aussagen/{statement.pk}/kommentieren/", {"text": text, **extra}
    )


def test_following_a_theme_and_a_statement_toggles(client, citizen, zielbild):
    client.force_login(citizen)
    client.post(f"/beteiligung/themen/{zielbild.theme.slug}/folgen/")
    client.post(f"/beteiligung/aussagen/{zielbild.pk}/folgen/")
    assert Follow.objects.filter(user=citizen).count() == 2
    html = client.get("/konto/benachrichtigungen/").content.decode()
    assert "Thema Mobilität" in html
    client.post(f"/beteiligung/aussagen/{zielbild.pk}/folgen/")
    assert Follow.objects.filter(user=citizen).count() == 1


def test_a_visitor_must_sign_in_to_follow(client, zielbild):
    response = client.post(f"/beteiligung/aussagen/{zielbild.pk}/folgen/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_author_hears_of_a_reply_once(
    client, citizen, zielbild, django_capture_on_commit_callbacks
):
    original = factories.comment(zielbild, author=citizen)
    client.force_login(factories.UserFactory(display_name="Antwortende"))
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, zielbild, "Da stimme ich zu.", parent=original.pk)
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert "Antwortende" in message.body and "Da stimme ich zu." in message.body
    assert "/beteiligung/abmelden/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reply = original.replies.get()
    assert notify_about_comment(reply.pk) == 0  # a second run tells nobody again
    assert len(mail.outbox) == 1


def test_no_mail_for_replying_to_oneself(
    client, citizen, zielbild, django_capture_on_commit_callbacks
):
    original = factories.comment(zielbild, author=citizen)
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, zielbild, "Nachtrag.", parent=original.pk)
    assert mail.outbox == []


def test_followers_hear_of_the_citys_answer(
    client, citizen, moderator, zielbild, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=citizen, statement=zielbild)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, zielbild, "Das Tiefbauamt plant das für 2027.", official="on")
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert "Die Stadt hat geantwortet" in message.subject


def test_theme_followers_hear_when_stage_results_are_published(
    citizen, zielbild, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=citizen, theme=zielbild.theme)
    stage = StagePage.objects.get(locale__language_code="de", number=3)
    results = StageResults.objects.create(stage=stage, summary="<p>Die Zielbilder stehen.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        results.save_revision().publish()
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert stage.title in message.subject and "Mobilität" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        results.save_revision().publish()  # a correction mails nobody again
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_asks_once_and_then_switches_off(client, citizen):
    token = unsubscribe_token(citizen, "replies")
    url = f"/beteiligung/abmelden/{token}/"
    assert "Abbestellen" in client.get(url).content.decode()
    assert not NotificationSettings.objects.filter(user=citizen).exists()  # GET changes nothing
    response = client.post(url)  # also what a mail program's one-click POST does
    assert "Erledigt" in response.content.decode()
    assert NotificationSettings.objects.get(user=citizen).replies is False


def test_a_forged_unsubscribe_link_is_refused(client, citizen):
    token = unsubscribe_token(citizen, "replies")
    forged = re.sub(r".$", lambda m: "A" if m.group(0) != "A" else "B", token)
    assert client.post(f"/beteiligung/abmelden/{forged}/").status_code == 400
    assert client.post("/beteiligung/abmelden/kaputt/").status_code == 400


def test_no_mail_after_switching_replies_off(
    client, citizen, zielbild, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=citizen, replies=False)
    original = factories.comment(zielbild, author=citizen)
    client.force_login(factories.UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, zielbild, "Antwort.", parent=original.pk)
    assert mail.outbox == []


def test_the_preferences_page_saves_choices(client, citizen):
    client.force_login(citizen)
    client.post("/konto/benachrichtigungen/", {"replies": "on", "stage_results": "on"})
    settings = NotificationSettings.objects.get(user=citizen)
    assert (settings.replies, settings.official_answers, settings.stage_results) == (
        True,
        False,
        True,
    )


def test_looking_at_the_preferences_stores_nothing(client, citizen):
    client.force_login(citizen)
    page = client.get("/konto/benachrichtigungen/").content.decode()
    assert 'name="replies"' in page and "checked" in page
    assert not NotificationSettings.objects.filter(user=citizen).exists()


def test_the_preferences_page_needs_an_account(client, db):
    assert client.get("/konto/benachrichtigungen/").status_code == 302


def test_a_broker_outage_delays_the_reply_mail_but_loses_nothing(
    client, citizen, zielbild, django_capture_on_commit_callbacks
):
    """The comment is saved while the broker is away; the sweep tells the author later,
    and a second sweep tells nobody again."""
    import datetime
    from unittest import mock

    from kombu.exceptions import OperationalError

    from participation import tasks
    from participation.models import Comment

    original = factories.comment(zielbild, author=citizen)
    client.force_login(factories.UserFactory())
    broker_down = mock.patch.object(
        tasks.notify_about_comment, "delay", side_effect=OperationalError("weg")
    )
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, zielbild, "Trotzdem gespeichert.", parent=original.pk)
    assert response.status_code == 302
    assert mail.outbox == []
    Comment.objects.update(
        created_at=Comment.objects.get(parent=original).created_at - datetime.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_pending() == 1
        assert tasks.notify_pending() == 0
    (message,) = mail.outbox
    assert message.to == [citizen.email]


def test_results_published_while_the_broker_is_away_are_announced_by_the_sweep(
    citizen, zielbild, django_capture_on_commit_callbacks
):
    import datetime
    from unittest import mock

    from kombu.exceptions import OperationalError

    from participation import tasks

    Follow.objects.create(user=citizen, theme=zielbild.theme)
    results = StageResults.objects.create(
        stage=StagePage.objects.get(locale__language_code="de", number=3), summary="<p>Fertig.</p>"
    )
    broker_down = mock.patch.object(
        tasks.notify_stage_results, "delay", side_effect=OperationalError("weg")
    )
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        results.save_revision().publish()
    assert mail.outbox == []
    results.refresh_from_db()
    StageResults.objects.filter(pk=results.pk).update(
        first_published_at=results.first_published_at - datetime.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_pending() == 1
        assert tasks.notify_pending() == 0
    (message,) = mail.outbox
    assert message.to == [citizen.email]
