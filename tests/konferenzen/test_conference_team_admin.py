"""The conference team's lists in the admin, and who may not see them."""

import pytest
from django.utils import timezone

from konferenzen.models import Registration, RegistrationStatus
from tests import factories

from .conftest import make_conference

LIST = "/admin/snippets/konferenzen/registration/"


def people(conference, count: int):
    now = timezone.now()
    for number in range(count):
        Registration.objects.create(
            conference=conference,
            name=f"Person {number}",
            email=f"person-{number}@example.org",
            sector="zivilgesellschaft" if number % 2 else "buergerinnen",
            organisation="Verein" if number % 2 else "",
            needs_wheelchair=number == 0,
            consented_at=now,
            link_sent_at=now,
            confirmed_at=now,
            status=RegistrationStatus.CONFIRMED,
        )


def test_the_team_lists_and_filters_registrations(client, team_member, process):
    conference = make_conference(capacity=10)
    people(conference, 4)
    client.force_login(team_member)
    html = client.get(LIST).content.decode()
    assert "Person 3" in html
    filtered = client.get(LIST, {"need": "needs_wheelchair"}).content.decode()
    assert "Person 0" in filtered and "Person 1" not in filtered
    by_sector = client.get(LIST, {"sector": "zivilgesellschaft"}).content.decode()
    assert "Person 1" in by_sector and "Person 2" not in by_sector


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_team_exports_the_registrations(client, team_member, process, export):
    conference = make_conference(capacity=10)
    people(conference, 2)
    client.force_login(team_member)
    response = client.get(LIST, {"export": export})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        assert b"person-1@example.org" in body
    else:
        assert body[:2] == b"PK"  # a zip container, as XLSX is


@pytest.mark.parametrize("role", [None, "Redaktion", "Moderation"])
def test_others_do_not_see_the_registrations(client, process, role):
    conference = make_conference(capacity=10)
    people(conference, 1)
    client.force_login(factories.UserFactory(roles=[role] if role else []))
    response = client.get(LIST)
    assert response.status_code in (302, 403)


def test_nobody_adds_a_registration_by_hand(client, team_member, process):
    client.force_login(team_member)
    assert client.get(LIST + "add/").status_code in (302, 403)


def test_the_list_needs_the_same_queries_for_ten_and_for_fifty(
    client, team_member, process, django_assert_max_num_queries
):
    conference = make_conference(capacity=100)
    client.force_login(team_member)
    people(conference, 10)
    client.get(LIST)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ten:
        client.get(LIST)
    Registration.objects.all().delete()
    people(conference, 50)
    with django_assert_max_num_queries(len(ten)):
        client.get(LIST)


def test_on_the_day_the_team_finds_a_person_by_code_or_name_and_checks_them_in(
    client, team_member, process
):
    conference = make_conference(capacity=10)
    people(conference, 3)
    person = Registration.objects.get(name="Person 2")
    client.force_login(team_member)
    url = f"/admin/konferenztag/{conference.pk}/check-in/"

    by_code = client.get(url, {"q": person.checkin_code.lower()}).content.decode()
    assert "Person 2 einchecken" in by_code and "Person 1" not in by_code
    by_name = client.get(url, {"q": "son 2"}).content.decode()
    assert "Person 2 einchecken" in by_name

    client.post(url, {"registration": person.pk})
    person.refresh_from_db()
    first = person.checked_in_at
    assert first is not None
    # A second scan says so and changes nothing.
    response = client.post(url, {"registration": person.pk}, follow=True)
    assert "schon seit" in response.content.decode()
    person.refresh_from_db()
    assert person.checked_in_at == first


def test_only_confirmed_people_of_this_conference_are_checked_in(client, team_member, process):
    conference = make_conference(capacity=10)
    other = make_conference(capacity=10, slug="andere")
    people(conference, 1)
    waiting = Registration.objects.get()
    Registration.objects.update(status=RegistrationStatus.WAITING)
    client.force_login(team_member)
    response = client.post(
        f"/admin/konferenztag/{conference.pk}/check-in/", {"registration": waiting.pk}, follow=True
    )
    assert "keinen bestätigten Platz" in response.content.decode()
    response = client.post(
        f"/admin/konferenztag/{other.pk}/check-in/", {"registration": waiting.pk}, follow=True
    )
    assert "gehört nicht zu dieser Konferenz" in response.content.decode()
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_the_overview_counts_registrations_and_attendance_per_sector(client, team_member, process):
    conference = make_conference(capacity=10)
    people(conference, 4)
    Registration.objects.filter(name="Person 1").update(checked_in_at=timezone.now())
    client.force_login(team_member)
    html = client.get(f"/admin/konferenztag/{conference.pk}/").content.decode()
    assert "4 von 10 Plätzen vergeben" in html
    row = html.split('<th scope="row">Zivilgesellschaft</th>', 1)[1].split("</tr>", 1)[0]
    assert row.count("<td>2</td>") == 1 and "<td>1</td>" in row


@pytest.mark.parametrize("role", [None, "Redaktion", "Moderation"])
def test_others_cannot_open_the_conference_day(client, process, role):
    conference = make_conference(capacity=10)
    client.force_login(factories.UserFactory(roles=[role] if role else []))
    for url in (
        "/admin/konferenztag/",
        f"/admin/konferenztag/{conference.pk}/",
        f"/admin/konferenztag/{conference.pk}/check-in/",
    ):
        assert client.get(url).status_code in (302, 403)


def test_the_team_writes_to_everyone_with_a_seat_once_each(
    client, team_member, process, django_capture_on_commit_callbacks
):
    from konferenzen import messaging
    from outbox.models import Mail

    conference = make_conference(capacity=10)
    people(conference, 3)
    Registration.objects.filter(name="Person 2").update(status=RegistrationStatus.WAITING)
    client.force_login(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/konferenztag/{conference.pk}/nachricht/",
            {"subject": "Neuer Raum", "text": "Wir treffen uns im Saal B."},
        )
    assert response.status_code == 302
    sent = Mail.objects.filter(subject__contains="Neuer Raum")
    assert sorted(m.to for m in sent) == ["person-0@example.org", "person-1@example.org"]
    assert "Wir treffen uns im Saal B." in sent[0].text
    # A retry or the sweep finds nobody left to write to.
    message = conference.messages.get()
    assert message.finished_at is not None
    assert messaging.send_all(message.pk) == 0
    assert Mail.objects.filter(subject__contains="Neuer Raum").count() == 2


def test_a_message_interrupted_half_way_continues_where_it_stopped(process, monkeypatch):
    from konferenzen import messaging
    from outbox.models import Mail

    conference = make_conference(capacity=10)
    people(conference, 5)
    monkeypatch.setattr(messaging, "BATCH", 2)
    monkeypatch.setattr(messaging, "_enqueue", lambda message_id: None)  # broker away
    message = messaging.message_confirmed(
        conference=conference, subject="Hinweis", text="Text", sender=None
    )
    assert messaging.send_batch(message.pk) == 2
    assert messaging.unfinished_messages() == [message.pk]
    assert messaging.send_all(message.pk) == 3
    assert Mail.objects.filter(subject__contains="Hinweis").count() == 5
    assert messaging.unfinished_messages() == []


def test_an_over_long_message_is_refused_and_kept(client, team_member, process):
    conference = make_conference(capacity=10)
    client.force_login(team_member)
    response = client.post(
        f"/admin/konferenztag/{conference.pk}/nachricht/",
        {"subject": "Hinweis", "text": "x" * 5001},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "höchstens 5000 Zeichen (jetzt: 5001)" in html
    assert "x" * 5001 in html
    assert not conference.messages.exists()


def test_only_the_team_writes_to_the_participants(client, editor, process):
    conference = make_conference(capacity=10)
    client.force_login(editor)
    response = client.post(
        f"/admin/konferenztag/{conference.pk}/nachricht/", {"subject": "a", "text": "b"}
    )
    assert response.status_code in (302, 403)
    assert not conference.messages.exists()


def test_the_team_seats_the_world_cafe_and_people_see_their_tables(client, team_member, process):
    from konferenzen.links import manage_url
    from konferenzen.models import TablePreference, TableSeat

    conference = make_conference(capacity=30, tables=("A", "B", "C"))
    tables = list(conference.tables.all())
    people(conference, 30)
    # A seating that gives everyone their first wish exists: ten per table and round,
    # never the same table twice.
    for index, registration in enumerate(Registration.objects.order_by("pk")):
        first, second = tables[index % 3], tables[(index + 1) % 3]
        TablePreference.objects.create(registration=registration, round=1, rank=1, table=first)
        TablePreference.objects.create(registration=registration, round=2, rank=1, table=second)
    client.force_login(team_member)
    response = client.post(f"/admin/konferenztag/{conference.pk}/tische/", follow=True)
    html = response.content.decode()
    assert "Runde 1: 30 mit erstem Wunsch" in html
    assert "Runde 2: 30 mit erstem Wunsch" in html
    assert TableSeat.objects.count() == 60
    assert not TableSeat.objects.exclude(choice_rank=1).exists()

    person = Registration.objects.order_by("pk").first()
    client.logout()
    page = client.get(manage_url(person, absolute=False)).content.decode()
    assert "Runde 1: A" in page and "Runde 2: B" in page


def test_only_the_team_seats_the_tables(client, editor, process):
    from konferenzen.models import TableSeat

    conference = make_conference(capacity=10)
    people(conference, 2)
    client.force_login(editor)
    assert client.post(f"/admin/konferenztag/{conference.pk}/tische/").status_code in (302, 403)
    assert not TableSeat.objects.exists()


def test_the_admin_menu_offers_the_conference_day_to_the_team_only(
    client, team_member, editor, process
):
    client.force_login(team_member)
    assert "/admin/konferenztag/" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "/admin/konferenztag/" not in client.get("/admin/").content.decode()


def test_more_seats_from_the_admin_move_the_waiting_list_up(client, team_member, process):
    from konferenzen.models import Conference

    conference = make_conference(capacity=1, tables=())
    people(conference, 3)
    Registration.objects.exclude(name="Person 0").update(status=RegistrationStatus.WAITING)
    client.force_login(team_member)
    url = f"/admin/snippets/konferenzen/conference/edit/{conference.pk}/"
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "isoformat"):
            value = value.astimezone().strftime("%Y-%m-%d %H:%M")
        if value is not None:
            data[name] = value
    for prefix in ("quotas", "tables"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0,
                 f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}  # fmt: skip
    data["capacity"] = 2
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Conference.objects.get().capacity == 2
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Person 0": "confirmed", "Person 1": "confirmed", "Person 2": "waiting"}


def test_the_team_corrects_a_name_but_cannot_touch_the_seat(client, team_member, process):
    conference = make_conference(capacity=10)
    people(conference, 1)
    person = Registration.objects.get()
    client.force_login(team_member)
    url = f"{LIST}edit/{person.pk}/"
    form = client.get(url).context["form"]
    assert "status" not in form.fields and "email" not in form.fields
    response = client.post(
        url, {"name": "Person Null", "organisation": "", "needs_other": "", "dietary": ""}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Person Null" and person.status == RegistrationStatus.CONFIRMED


def test_the_conference_day_lists_conferences_page_by_page(client, team_member, process):
    for number in range(32):
        make_conference(capacity=10, slug=f"konferenz-{number}", title=f"Konferenz {number}")
    client.force_login(team_member)
    first = client.get("/admin/konferenztag/").content.decode()
    assert first.count("/check-in/") == 30
    assert "Seite 1 von 2" in first
    assert client.get("/admin/konferenztag/", {"p": 2}).content.decode().count("/check-in/") == 2
