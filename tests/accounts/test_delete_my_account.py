"""Delete my account: from the account page, with the password; the person's data go at
once and everywhere, their contributions stay and show "gelöschtes Konto"."""

from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from accounts.deletion import account_delete
from accounts.housekeeping import purge_unverified_accounts
from accounts.models import User
from konferenzen.models import Registration, RegistrationStatus
from outbox.models import Mail
from participation.models import (
    Comment,
    Flag,
    Follow,
    NotificationSettings,
    Proposal,
    SentNotification,
    Vote,
)
from participation.results import participants
from tests import factories, services
from tests.factories import PASSWORD
from umsetzung.models import OfficeMembership

GONE = "gelöschtes Konto"


def sign_in(email: str) -> Client:
    """A browser of its own (a device), signed in through the form as people do."""
    device = Client()
    response = device.post("/konto/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return device


def delete_through_the_page(device: Client, password: str = PASSWORD):
    return device.post("/konto/loeschen/", {"password": password})


@pytest.fixture
def deleted(everything, django_capture_on_commit_callbacks):
    """Erika deletes her account from the page; a visitor had the statement's thread in the
    cache before."""
    statement_url = everything.statement.get_absolute_url()
    assert "Erika Beispiel" in Client().get(statement_url).content.decode()
    participants_before = participants(everything.statement.theme)
    # Mails delivered before: the deletion removes them (pending ones would still go out).
    Mail.objects.update(sent_at=timezone.now())
    device = sign_in(everything.person.email)
    with django_capture_on_commit_callbacks(execute=True):
        response = delete_through_the_page(device)
    assert response.status_code == 302
    assert response["Location"] == "/konto/geloescht/"
    everything.participants_before = participants_before
    everything.device = device
    return everything


def test_the_page_says_what_happens_and_asks_for_the_password(client, citizen):
    client.force_login(citizen)
    page = client.get("/konto/loeschen/").content.decode()
    assert "Was beim Löschen geschieht" in page
    assert "„gelöschtes Konto“" in page
    assert 'for="id_password">Ihr Passwort' in page
    assert 'autocomplete="current-password"' in page
    assert "Konto endgültig löschen" in page


def test_a_wrong_password_deletes_nothing_and_says_so_next_to_the_field(client, citizen):
    client.force_login(citizen)
    response = delete_through_the_page(client, "falsch-falsch-falsch")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_password-error"' in html
    assert "Das Passwort ist nicht korrekt." in html
    citizen.refresh_from_db()
    assert citizen.is_active and citizen.deleted_at is None


def test_contributions_stay_and_show_gelöschtes_konto(client, deleted, moderator):
    statement = deleted.statement
    comment, reply = deleted.comment, deleted.reply
    assert set(Comment.objects.filter(author=deleted.person)) == {comment, reply}
    assert Vote.objects.filter(user=deleted.person, choice="agree").exists()
    assert Proposal.objects.filter(author=deleted.person).exists()
    assert Flag.objects.filter(user=deleted.person).exists()
    # Every participant still counts once.
    assert participants(statement.theme) == deleted.participants_before

    for reader in (Client(), sign_in(deleted.other.email)):
        page = reader.get(statement.get_absolute_url()).content.decode()
        assert "Auch in den Außenbezirken!" in page
        assert GONE in page
        assert "Erika Beispiel" not in page
    proposals = client.get(f"/beteiligung/themen/{statement.theme.slug}/vorschlaege/")
    assert GONE in proposals.content.decode()

    client.force_login(moderator)
    moderation = client.get(f"/admin/moderation/kommentare/{comment.pk}/").content.decode()
    assert GONE in moderation and "Erika Beispiel" not in moderation
    flagged = client.get(f"/admin/moderation/kommentare/{deleted.flag.comment_id}/")
    assert GONE in flagged.content.decode()

    open_data = client.get(f"/offene-daten/kommentare.csv?thema={statement.theme.slug}")
    csv = b"".join(open_data.streaming_content).decode()
    assert "Auch in den Außenbezirken!" in csv
    assert "Erika" not in csv and GONE not in csv


def test_the_person_is_erased(deleted):
    person = User.objects.get(pk=deleted.person.pk)
    assert person.deleted_at is not None
    assert person.email == f"geloescht-{person.pk}"
    assert person.display_name == ""
    assert not person.has_usable_password()
    assert not person.is_active and person.last_login is None
    assert str(person) == GONE
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not person.groups.exists()
    for gone in (Follow, NotificationSettings, SentNotification, OfficeMembership):
        assert not gone.objects.filter(user=person).exists(), gone
    # Sent mails to the person's addresses are gone; only the ones the deletion sends remain.
    left = Mail.objects.filter(to__iexact=deleted.person.email).values_list("subject", flat=True)
    assert sorted(left) == [
        "[Stadtgespräch] Ihr Konto ist gelöscht",
        f"[{deleted.conference.title}] Ihre Absage ist angekommen",
    ]
    farewell = [m for m in mail.outbox if m.subject == "[Stadtgespräch] Ihr Konto ist gelöscht"]
    assert [m.to for m in farewell] == [[deleted.person.email]]
    # The device that deleted is signed out.
    assert deleted.device.get("/konto/").status_code == 302


def test_registrations_are_cancelled_and_erased_at_once(deleted):
    coming = Registration.objects.get(pk=deleted.coming.pk)
    assert coming.status == RegistrationStatus.CANCELLED
    # The seat went to the person waiting, who was told.
    waiting = Registration.objects.get(pk=deleted.waiting.pk)
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert Mail.objects.filter(
        to="wartend@example.org", subject__contains="Sie sind dabei"
    ).exists()
    for registration in (coming, deleted.past, deleted.by_second_address):
        registration.refresh_from_db()
        assert registration.name == "gelöschte Anmeldung"
        assert registration.email.endswith("@invalid.example")
        assert registration.organisation == registration.dietary == ""
        assert not registration.needs_wheelchair and registration.user is None
        assert registration.anonymised_at is not None
        assert not registration.preferences.exists()
    # The past conference's numbers stay: the registration is still confirmed.
    assert deleted.past.status == RegistrationStatus.CONFIRMED
    # An address added but never confirmed was not the person's to erase.
    untouched = Registration.objects.get(pk=deleted.by_unconfirmed_address.pk)
    assert untouched.name == "Jemand Anderes" and untouched.anonymised_at is None


def test_a_new_account_may_take_the_freed_name_and_address(client, deleted):
    response = client.post(
        "/konto/signup/",
        {
            "email": deleted.person.email,
            "display_name": "Erika Beispiel",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    newcomer = User.objects.get(email=deleted.person.email)
    assert newcomer.pk != deleted.person.pk and newcomer.display_name == "Erika Beispiel"


@pytest.fixture(params=["db", "cached_db"])
def session_engine(request, settings):
    if request.param == "cached_db":
        if not services.reachable(services.TEST_BROKER_URL):
            services.skip_or_fail(f"needs Redis at {services.TEST_BROKER_URL}")
        settings.CACHES = {
            **settings.CACHES,
            "sessions": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": services.TEST_BROKER_URL,
                "KEY_PREFIX": "gdpr-test",
            },
        }
        settings.SESSION_CACHE_ALIAS = "sessions"
    settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{request.param}"
    return request.param


def test_every_session_ends_and_an_old_cookie_no_longer_works(session_engine, citizen):
    """Signed in on a phone and a laptop, with database sessions and with sessions in Redis
    (`cached_db`, as production runs): deleting on one ends both."""
    phone, laptop = sign_in(citizen.email), sign_in(citizen.email)
    keys = [device.cookies["sessionid"].value for device in (phone, laptop)]
    assert UserSession.objects.filter(user=citizen).count() == 2
    if session_engine == "cached_db":
        assert all(caches["sessions"].get(f"django.contrib.sessions.cached_db{k}") for k in keys)

    assert delete_through_the_page(phone).status_code == 302

    for device in (phone, laptop):
        assert device.get("/konto/").status_code == 302
    # An old cookie brought back does not sign anybody in.
    stolen = Client()
    stolen.cookies["sessionid"] = keys[1]
    assert stolen.get("/konto/").status_code == 302
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not UserSession.objects.filter(session_key__in=keys).exists()
    if session_engine == "cached_db":
        assert not any(
            caches["sessions"].get(f"django.contrib.sessions.cached_db{k}") for k in keys
        )


def test_a_session_that_was_never_recorded_cannot_be_used_either(citizen):
    """Sessions from before sign-ins were recorded: the account is inactive and its password
    changed, and Django checks both on every request."""
    old = Client()
    old.force_login(citizen)
    assert not UserSession.objects.filter(user=citizen).exists()
    account_delete(user=citizen)
    assert old.get("/konto/").status_code == 302


def test_staff_are_refused_with_the_reason_and_keep_their_account(client, moderator):
    client.force_login(moderator)
    page = client.get("/konto/loeschen/").content.decode()
    assert "Dieses Konto können Sie nicht selbst löschen." in page
    assert "(Moderation)" in page
    assert 'name="password"' not in page
    response = delete_through_the_page(client)
    assert "Dieses Konto können Sie nicht selbst löschen." in response.content.decode()
    moderator.refresh_from_db()
    assert moderator.is_active and moderator.deleted_at is None


def test_an_administrator_deletes_any_account_the_same_way(client, moderator, everything):
    admin = factories.UserFactory(is_superuser=True, is_staff=True, display_name="Admin")
    client.force_login(admin)
    response = client.post(f"/admin/users/delete/{moderator.pk}/")
    assert response.status_code == 302
    moderator.refresh_from_db()
    assert moderator.deleted_at is not None and not moderator.groups.exists()

    # The list's bulk action too; the contributions stay.
    response = client.post(
        f"/admin/bulk/accounts/user/delete/?id={everything.person.pk}&next=/admin/users/"
    )
    assert response.status_code == 302
    assert User.objects.get(pk=everything.person.pk).is_deleted
    assert Comment.objects.filter(pk=everything.comment.pk, author=everything.person).exists()
    listing = client.get("/admin/users/")
    assert listing.status_code == 200 and GONE in listing.content.decode()


def test_a_failure_half_way_leaves_everything_as_it_was(everything):
    """One transaction: when one app's eraser fails, nothing is half deleted."""
    with (
        mock.patch("participation.personal_data.erase", side_effect=RuntimeError("Abbruch")),
        pytest.raises(RuntimeError),
    ):
        account_delete(user=everything.person)
    person = User.objects.get(pk=everything.person.pk)
    assert person.is_active and person.display_name == "Erika Beispiel"
    assert OfficeMembership.objects.filter(user=person).exists()
    assert Registration.objects.get(pk=everything.coming.pk).status == RegistrationStatus.CONFIRMED
    assert not Mail.objects.filter(subject__contains="Konto ist gelöscht").exists()


def test_deleting_twice_changes_nothing_and_the_nightly_clean_up_keeps_the_row(citizen):
    deleted = account_delete(user=citizen)
    again = account_delete(user=citizen)
    assert again.deleted_at == deleted.deleted_at
    User.objects.filter(pk=citizen.pk).update(date_joined=deleted.deleted_at.replace(year=2000))
    purge_unverified_accounts()
    assert User.objects.filter(pk=citizen.pk).exists()


def test_the_page_after_deletion_is_public(client, db):
    page = client.get("/konto/geloescht/")
    assert page.status_code == 200
    assert "Ihr Konto ist gelöscht" in page.content.decode()
