"""Registering for a Stadtkonferenz: the double opt-in, seats, the waiting list and
self-service, through the pages a person uses."""

import datetime
import re

import pytest
from django.core import mail as django_mail
from django.urls import reverse
from django.utils import timezone

from konferenzen.models import Registration, RegistrationStatus
from outbox.models import Mail

from .conftest import make_conference

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/konferenzen/anmeldung/bestaetigen/[^\s]+/)")
MANAGE_LINK = re.compile(r"https?://[^/\s]+(/konferenzen/anmeldung/(?!bestaetigen)[^\s/]+/)")


def form_data(**overrides):
    data = {
        "name": "Erika Beispiel",
        "email": "erika@example.org",
        "sector": "buergerinnen",
        "organisation": "",
        "needs_other": "",
        "dietary": "",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def register(client, conference, **overrides):
    return client.post(
        reverse("konferenzen:register", args=[conference.slug]), form_data(**overrides)
    )


def link_in_last_mail(to: str, pattern=CONFIRM_LINK) -> str:
    """The link from the newest mail to this address that has one of this kind."""
    for mail in Mail.objects.filter(to=to).order_by("-pk"):
        if found := pattern.search(mail.text):
            return found.group(1)
    raise AssertionError(f"no such link in the mails to {to}")


def confirm(client, email="erika@example.org"):
    return client.post(link_in_last_mail(email))


def test_the_conference_page_shows_free_seats_programme_and_the_way_to_register(client, conference):
    html = client.get(conference.page.url).content.decode()
    assert "noch 3 Plätze" in html
    assert "Stufenloser Zugang." in html
    assert reverse("konferenzen:register", args=[conference.slug]) in html


def test_a_person_registers_confirms_and_holds_a_seat(client, conference):
    response = register(client, conference)
    assert response.status_code == 302
    assert "Bitte prüfen Sie Ihr Postfach" in client.get(response["Location"]).content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING

    confirm_page = client.get(link_in_last_mail("erika@example.org"))
    # The link only shows a button: a mail scanner opening it confirms nothing.
    assert "Ja, ich nehme teil" in confirm_page.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING

    response = confirm(client)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    page = client.get(response["Location"]).content.decode()
    assert "Ihr Platz ist bestätigt." in page
    assert registration.checkin_code in page
    assert "<svg" in page and "<title>" in page
    assert "noch 2 Plätze" in client.get(conference.page.url).content.decode()


def test_the_confirmation_mail_carries_the_calendar_file_and_the_qr_code(
    client, conference, django_capture_on_commit_callbacks
):
    register(client, conference)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client)
    sent = [m for m in django_mail.outbox if "bestätigt" in m.subject]
    assert len(sent) == 1
    names = {name: kind for name, _content, kind in sent[0].attachments}
    assert names["stadtkonferenz.ics"].startswith("text/calendar")
    code = Registration.objects.get().checkin_code
    assert names[f"check-in-{code}.png"] == "image/png"


def test_clicking_confirm_twice_changes_nothing(client, conference):
    register(client, conference)
    confirm(client)
    mails_before = Mail.objects.count()
    response = confirm(client)
    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert Mail.objects.count() == mails_before


def test_when_the_seats_are_taken_people_wait_in_the_order_they_confirmed(client, conference):
    for number in range(5):
        register(client, conference, email=f"p{number}@example.org", name=f"Person {number}")
        confirm(client, f"p{number}@example.org")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert [statuses[f"p{n}@example.org"] for n in range(5)] == ["confirmed"] * 3 + ["waiting"] * 2
    fifth = client.get(link_in_last_mail("p4@example.org", MANAGE_LINK)).content.decode()
    assert "auf Platz 2" in fifth
    assert "Warteliste" in client.get(conference.page.url).content.decode()


def test_a_cancellation_promotes_the_first_waiting_person_and_tells_them(client, conference):
    for number in range(4):
        register(client, conference, email=f"p{number}@example.org", name=f"Person {number}")
        confirm(client, f"p{number}@example.org")
    manage = link_in_last_mail("p1@example.org", MANAGE_LINK)
    assert "wirklich absagen" in client.get(manage + "absagen/").content.decode()
    client.post(manage + "absagen/")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p1@example.org"] == "cancelled"
    assert statuses["p3@example.org"] == "confirmed"
    promoted = Mail.objects.filter(to="p3@example.org").order_by("-pk").first()
    assert "Ein Platz ist frei geworden" in promoted.subject


def test_a_full_sector_quota_sends_that_sector_to_the_waiting_list(client, process):
    conference = make_conference(capacity=10, quotas={"politik": 1})
    register(client, conference, email="rat1@example.org", sector="politik", organisation="Rat")
    confirm(client, "rat1@example.org")
    register(client, conference, email="rat2@example.org", sector="politik", organisation="Rat")
    confirm(client, "rat2@example.org")
    register(client, conference, email="buerger@example.org")
    confirm(client, "buerger@example.org")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "rat1@example.org": "confirmed",
        "rat2@example.org": "waiting",
        "buerger@example.org": "confirmed",
    }


def test_registering_again_with_the_same_address_resends_the_link_and_changes_nothing(
    client, conference
):
    register(client, conference)
    response = register(client, conference, name="Jemand anderes", email="ERIKA@example.org")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.name == "Erika Beispiel"
    assert Mail.objects.filter(to="erika@example.org").count() == 2
    confirm(client)
    register(client, conference)
    latest = Mail.objects.filter(to="erika@example.org").order_by("-pk").first()
    assert "bereits angemeldet" in latest.subject
    assert MANAGE_LINK.search(latest.text)


def test_a_person_changes_needs_and_table_wishes_in_self_service(client, conference):
    register(client, conference)
    confirm(client)
    manage = link_in_last_mail("erika@example.org", MANAGE_LINK)
    tables = list(conference.tables.values_list("pk", flat=True))
    response = client.post(
        manage,
        {
            "name": "Erika Beispiel",
            "organisation": "",
            "needs_induction_loop": "on",
            "needs_other": "Ein Platz nahe der Tür",
            "dietary": "vegan",
            "round1_wish1": str(tables[1]),
            "round2_wish1": str(tables[2]),
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.needs_induction_loop and registration.dietary == "vegan"
    assert list(registration.preferences.values_list("round", "rank", "table_id")) == [
        (1, 1, tables[1]),
        (2, 1, tables[2]),
    ]


# --- Refused, each with a message next to the field and nothing typed lost ---------------------


def test_an_invalid_address_is_refused_next_to_the_field_and_the_name_stays(client, conference):
    response = register(client, conference, email="keine-adresse")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in html
    assert 'value="Erika Beispiel"' in html
    assert not Registration.objects.exists()


def test_without_consent_there_is_no_registration(client, conference):
    response = register(client, conference, consent=None)
    assert "Ohne Ihr Einverständnis" in response.content.decode()
    assert not Registration.objects.exists()


def test_institutions_and_civil_society_must_name_their_organisation(client, conference):
    response = register(client, conference, sector="zivilgesellschaft", organisation="")
    assert "Bitte nennen Sie Ihre Organisation" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_same_table_twice_in_a_round_is_refused(client, conference):
    table = str(conference.tables.first().pk)
    response = register(client, conference, round1_wish1=table, round1_wish2=table)
    assert "Diesen Tisch haben Sie schon als 1. Wunsch gewählt." in response.content.decode()


def test_over_long_text_is_refused_with_the_limit_and_kept(client, conference):
    response = register(client, conference, needs_other="x" * 501)
    html = response.content.decode()
    assert "höchstens 500 Zeichen (jetzt: 501)" in html
    assert "x" * 501 in html


@pytest.mark.parametrize("shift", [datetime.timedelta(days=-30), datetime.timedelta(days=30)])
def test_outside_the_registration_window_the_form_is_refused(client, conference, shift):
    conference.registration_opens += shift
    conference.registration_closes += shift
    conference.starts_at += abs(shift) * 2
    conference.ends_at += abs(shift) * 2
    conference.save()
    url = reverse("konferenzen:register", args=[conference.slug])
    assert client.get(url).status_code == 403
    assert register(client, conference).status_code == 403
    assert not Registration.objects.exists()


def test_a_tampered_link_gets_a_friendly_page(client, conference):
    register(client, conference)
    link = link_in_last_mail("erika@example.org")
    response = client.get(link[:-4] + "xyz/")
    assert response.status_code == 400
    assert "Dieser Link funktioniert nicht" in response.content.decode()
    manage = client.get(reverse("konferenzen:manage", args=["erfunden"]))
    assert manage.status_code == 400


def test_an_unconfirmed_registration_expires_after_48_hours(client, conference):
    register(client, conference)
    link = link_in_last_mail("erika@example.org")
    Registration.objects.update(link_sent_at=timezone.now() - datetime.timedelta(hours=49))
    from konferenzen.registrations import expire_unconfirmed

    assert expire_unconfirmed() == 1
    response = client.post(link)
    assert response.status_code == 409
    assert "Melden Sie sich bitte erneut an" in response.content.decode()
    expired = Registration.objects.get()
    assert expired.status == RegistrationStatus.EXPIRED
    # Never confirmed to be this person's: erased at once.
    assert expired.name == "gelöschte Anmeldung" and "erika" not in expired.email
    assert client.get(link).status_code == 409


def test_a_link_older_than_48_hours_says_it_expired(client, conference):
    from django.core import signing

    register(client, conference)
    registration = Registration.objects.get()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: timezone.now().timestamp() - 49 * 3600)
        token = signing.dumps(
            {"r": registration.pk, "s": registration.secret},
            salt="konferenzen.confirm",
            compress=True,
        )
    response = client.get(reverse("konferenzen:confirm", args=[token]))
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()


def test_the_public_pages_need_the_same_queries_for_few_and_many_registrations(
    client, conference, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = [conference.page.url, reverse("konferenzen:register", args=[conference.slug])]
    for url in urls:
        client.get(url)
    with CaptureQueriesContext(connection) as few:
        for url in urls:
            client.get(url)
    now = timezone.now()
    Registration.objects.bulk_create(
        Registration(
            conference=conference,
            name=f"P{n}",
            email=f"p{n}@example.org",
            sector="buergerinnen",
            consented_at=now,
            link_sent_at=now,
            status=RegistrationStatus.WAITING,
            confirmed_at=now,
        )
        for n in range(200)
    )
    with django_assert_max_num_queries(len(few)):
        for url in urls:
            client.get(url)


def test_the_stage_page_links_to_its_conference(client, conference):
    html = client.get("/stadtgespraech/stufe-4/").content.decode()
    assert f'href="{conference.page.url}"' in html


def test_signed_in_people_find_the_form_filled_in(client, conference, citizen):
    client.force_login(citizen)
    html = client.get(reverse("konferenzen:register", args=[conference.slug])).content.decode()
    assert f'value="{citizen.display_name}"' in html
    assert f'value="{citizen.email}"' in html


def test_mails_speak_the_language_the_person_registered_in(client, conference):
    client.post("/en" + reverse("konferenzen:register", args=[conference.slug]), form_data())
    mail = Mail.objects.get()
    assert "Please confirm" in mail.subject
    assert "/konferenzen/anmeldung/bestaetigen/" in mail.text
