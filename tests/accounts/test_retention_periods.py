"""The privacy page lists each kind of personal data with why and how long it is kept, and
each period is the one its job applies: run at the boundary, the job keeps what is a day
younger than the period and deletes or anonymises what is a day older."""

import datetime
import html
from importlib import import_module

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.models import User
from accounts.privacy import deleted_by_text, retention_periods
from auswertung.analysis import KEEP_PER_THEME, _prune
from auswertung.models import AnalysisState, ThemeAnalysis
from cms.models import ContentPage
from konferenzen.models import Registration, RegistrationStatus
from outbox.models import Mail
from tests import factories
from tests.konferenzen.conftest import make_conference


def periods() -> dict:
    return {entry.key: entry for entry in retention_periods()}


def run(task: str) -> None:
    """Run a beat job the way the worker does (the task, not the function behind it)."""
    module, name = task.rsplit(".", 1)
    getattr(import_module(module), name).apply().get()


def ages(key: str):
    """(kept, gone): a day younger and a day older than the period (an hour for periods of
    two days or less), as moments in the past."""
    days = periods()[key].days()
    margin = datetime.timedelta(hours=1) if days <= 2 else datetime.timedelta(days=1)
    period = datetime.timedelta(days=days)
    now = timezone.now()
    return now - (period - margin), now - (period + margin)


# --- One boundary per job ----------------------------------------------------------------------


def unverified_sign_ups():
    kept_at, gone_at = ages("accounts.unverified")
    kept = factories.UserFactory(verified=False)
    gone = factories.UserFactory(verified=False)
    User.objects.filter(pk=kept.pk).update(date_joined=kept_at)
    User.objects.filter(pk=gone.pk).update(date_joined=gone_at)
    yield
    assert User.objects.filter(pk=kept.pk).exists()
    assert not User.objects.filter(pk=gone.pk).exists()


def sessions():
    kept_at, gone_at = ages("accounts.sessions")
    user = factories.UserFactory()
    keys = []
    for changed_at in (kept_at, gone_at):
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store.create()
        # A session ends SESSION_COOKIE_AGE after its last change: what Django set now,
        # moved back to when it was last changed.
        stored = Session.objects.get(session_key=store.session_key)
        assert abs(
            stored.expire_date
            - timezone.now()
            - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        ) < datetime.timedelta(minutes=1)
        Session.objects.filter(pk=stored.pk).update(
            expire_date=changed_at + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        )
        UserSession.objects.create(user=user, session_key=store.session_key, ip="192.0.2.1")
        keys.append(store.session_key)
    yield
    kept, gone = keys
    assert Session.objects.filter(session_key=kept).exists()
    assert UserSession.objects.filter(session_key=kept).exists()
    assert not Session.objects.filter(session_key=gone).exists()
    assert not UserSession.objects.filter(session_key=gone).exists()


def sent_mails():
    kept_at, gone_at = ages("outbox.mails")
    mails = {
        name: Mail.objects.create(to="person@example.org", subject=name, text="…", **times)
        for name, times in {
            "sent, kept": {"sent_at": kept_at},
            "sent, gone": {"sent_at": gone_at},
            "failed, kept": {"failed_at": kept_at},
            "failed, gone": {"failed_at": gone_at},
        }.items()
    }
    yield
    left = set(Mail.objects.values_list("subject", flat=True))
    assert left == {name for name in mails if name.endswith("kept")}


def registration(conference, email: str, **fields) -> Registration:
    defaults = {
        "name": "Erika Beispiel",
        "sector": "buergerinnen",
        "consented_at": timezone.now(),
        "link_sent_at": timezone.now(),
        "status": RegistrationStatus.CONFIRMED,
    }
    return Registration.objects.create(conference=conference, email=email, **{**defaults, **fields})


def unconfirmed_registrations():
    kept_at, gone_at = ages("konferenzen.unconfirmed")
    conference = make_conference()
    pending = {"status": RegistrationStatus.PENDING}
    kept = registration(conference, "kept@example.org", link_sent_at=kept_at, **pending)
    gone = registration(conference, "gone@example.org", link_sent_at=gone_at, **pending)
    yield
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.status, kept.name) == (RegistrationStatus.PENDING, "Erika Beispiel")
    assert (gone.status, gone.name) == (RegistrationStatus.EXPIRED, "gelöschte Anmeldung")


def past_conferences():
    kept_at, gone_at = ages("konferenzen.registrations")
    found = {}
    for name, ended in (("kept", kept_at), ("gone", gone_at)):
        conference = make_conference(slug=f"konferenz-{name}")
        conference.starts_at = ended - datetime.timedelta(hours=6)
        conference.ends_at = ended
        conference.registration_opens = ended - datetime.timedelta(days=30)
        conference.registration_closes = ended - datetime.timedelta(days=1)
        conference.save()
        found[name] = registration(conference, f"{name}@example.org")
    yield
    for item in found.values():
        item.refresh_from_db()
    assert found["kept"].email == "kept@example.org" and found["kept"].anonymised_at is None
    assert found["gone"].name == "gelöschte Anmeldung" and found["gone"].anonymised_at
    assert found["gone"].status == RegistrationStatus.CONFIRMED  # the numbers stay


BOUNDARIES = {
    "accounts.unverified": unverified_sign_ups,
    "accounts.sessions": sessions,
    "outbox.mails": sent_mails,
    "konferenzen.unconfirmed": unconfirmed_registrations,
    "konferenzen.registrations": past_conferences,
}


def test_every_period_a_job_applies_is_tested_at_its_boundary(db):
    with_days = {key for key, entry in periods().items() if entry.days() is not None}
    assert with_days == set(BOUNDARIES)


@pytest.mark.parametrize("key", BOUNDARIES)
def test_the_job_keeps_a_day_younger_and_deletes_a_day_older(key, db):
    scenario = BOUNDARIES[key]()
    next(scenario)
    run(periods()[key].job)
    next(scenario, None)


def test_every_job_is_in_the_nightly_schedule(db):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for entry in periods().values():
        assert (entry.job in scheduled) if entry.job else entry.deleted_by, entry.key
        assert entry.period() and entry.data and entry.purpose


def test_opinion_groups_keep_the_latest_evaluations_per_theme(db):
    theme = factories.theme_page().theme
    now = timezone.now()
    runs = [
        ThemeAnalysis.objects.create(
            theme=theme, state=AnalysisState.DONE, computed_at=now - datetime.timedelta(days=n)
        )
        for n in range(KEEP_PER_THEME + 1)
    ]
    _prune(theme.pk)
    assert set(ThemeAnalysis.objects.values_list("pk", flat=True)) == {r.pk for r in runs[:-1]}
    assert (
        f"die letzten {KEEP_PER_THEME} Auswertungen"
        in periods()["auswertung.opinion_groups"].period()
    )


# --- The privacy page --------------------------------------------------------------------------


@pytest.fixture
def privacy_page(db):
    home = factories.home_page()
    return factories.publish(
        home,
        ContentPage(
            title="Datenschutz",
            slug="datenschutz",
            body=[("self_service", None), ("retention", {"caption": "Speicherfristen"})],
        ),
    )


def test_the_privacy_page_lists_every_kind_with_purpose_period_and_deletion(client, privacy_page):
    page = html.unescape(client.get("/datenschutz/").content.decode())
    assert "<caption" in page and "Speicherfristen" in page
    for entry in retention_periods():
        for text in (entry.data, entry.purpose, entry.period(), deleted_by_text(entry)):
            assert str(text) in page, (entry.key, text)
    assert "14 Tage nach der Registrierung" in page
    assert "30 Tage nach dem Versand" in page
    assert "90 Tage nach dem Ende der Konferenz" in page
    assert "täglich um 3:20 Uhr" in page


def test_changing_a_setting_changes_the_page_and_the_job_alike(client, privacy_page, settings):
    settings.ACCOUNT_UNVERIFIED_RETENTION_DAYS = 7
    assert "7 Tage nach der Registrierung" in client.get("/datenschutz/").content.decode()
    scenario = unverified_sign_ups()
    next(scenario)
    run("accounts.tasks.purge_unverified_accounts")
    next(scenario, None)


def test_a_conference_with_its_own_period_is_named_on_the_page(client, privacy_page):
    make_conference(title="Sonderkonferenz", anonymise_after_days=30)
    page = html.unescape(client.get("/datenschutz/").content.decode())
    assert "„Sonderkonferenz“: 30 Tage" in page


def test_the_page_is_english_at_en(client, privacy_page):
    page = client.get("/en/datenschutz/").content.decode()
    assert "14 days after signing up" in page


def test_the_page_links_to_download_and_deletion_in_the_readers_language(client, privacy_page):
    german = client.get("/datenschutz/").content.decode()
    assert 'href="/konto/daten/">Meine Daten herunterladen</a>' in german
    assert 'href="/konto/loeschen/">Konto löschen</a>' in german
    english = client.get("/en/datenschutz/").content.decode()
    assert 'href="/en/konto/daten/">Download my data</a>' in english
    assert 'href="/en/konto/loeschen/">Delete account</a>' in english
    # The site's English inside the editors' German is marked as such (WCAG 3.1.2).
    assert '<ul class="kern-list" lang="en">' in english
