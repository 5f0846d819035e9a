"""Download my data: one file, from the account page, with everything the platform holds
about the signed-in person – and nothing about anybody else."""

import json
import time

from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from accounts import data_export
from accounts.privacy import Person, sections
from participation.models import Statement, Vote
from tests import factories

from .conftest import FOREIGN_ADDRESS, SECOND_ADDRESS


def download(client, kind="json"):
    response = client.get(f"/konto/daten/meine-daten.{kind}")
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def test_the_account_page_leads_to_the_download(client, citizen):
    client.force_login(citizen)
    page = client.get("/konto/").content.decode()
    assert 'href="/konto/daten/"' in page
    assert 'href="/konto/loeschen/"' in page
    data_page = client.get("/konto/daten/").content.decode()
    assert 'href="/konto/daten/meine-daten.json"' in data_page
    assert 'href="/konto/daten/meine-daten.html"' in data_page


def test_downloading_needs_a_login(client, db):
    for path in ("/konto/daten/", "/konto/daten/meine-daten.json", "/konto/daten/meine-daten.html"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")


def test_the_file_holds_everything_about_the_person(client, everything):
    person = everything.person
    client.force_login(person)
    response, body = download(client)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="stadtgespraech-meine-daten-'
    )
    assert response["Cache-Control"] == "no-store"
    data = json.loads(body)

    assert data["format"] == "stadtgespraech-personendaten"
    assert data["version"] == 1
    account = data["konto"]["konto"]
    assert account["email"] == person.email
    assert account["anzeigename"] == "Erika Beispiel"
    assert {a["email"]: a["bestaetigt"] for a in data["konto"]["email_adressen"]} == {
        person.email: True,
        SECOND_ADDRESS: True,
        FOREIGN_ADDRESS: False,
    }

    participation = data["beteiligung"]
    comments = {c["id"]: c for c in participation["kommentare"]}
    assert set(comments) == {everything.comment.pk, everything.reply.pk}
    assert comments[everything.reply.pk]["antwort_auf"] == everything.comment.pk
    assert comments[everything.comment.pk]["aussage_anfang"].startswith("Dortmund hat 2030")
    assert comments[everything.comment.pk]["aussage_url"].endswith(
        f"/beteiligung/aussagen/{everything.statement.pk}/"
    )
    assert [v["bewertung"] for v in participation["bewertungen"]] == ["agree"]
    (proposal,) = participation["vorschlaege"]
    assert proposal["status"] == "rejected"
    assert proposal["begruendung_der_entscheidung"] == "Gibt es schon als Aussage."
    assert [f["kommentar_id"] for f in participation["meldungen"]] == [everything.flag.comment_id]
    assert len(participation["abonnements"]) == 2
    assert participation["benachrichtigungen"]["antworten_auf_meine_kommentare"] is False
    assert len(participation["erhaltene_benachrichtigungen"]) == 1

    registered = {r["id"]: r for r in data["konferenzen"]["anmeldungen"]}
    # With the account, and without it under a confirmed address; never under an address
    # that was only added, not confirmed: that may be somebody else's.
    assert set(registered) == {
        everything.coming.pk,
        everything.past.pk,
        everything.by_second_address.pk,
    }
    coming = registered[everything.coming.pk]
    assert coming["status"] == "confirmed"
    assert coming["rollstuhlgerechter_platz"] is True
    assert coming["ernaehrung"] == "vegetarisch"
    assert coming["organisation"] == "Verein Nordstadt"
    assert coming["tischwuensche"] == ["1.1: Mobilität"]
    assert coming["mit_konto"] is True
    assert registered[everything.by_second_address.pk]["mit_konto"] is False

    assert data["umsetzung"]["aemter"] == [
        {"amt": "61", "name": "Stadtplanungs- und Bauordnungsamt"}
    ]
    mails = data["konto"]["e_mails"]
    assert {m["an"] for m in mails} == {person.email, SECOND_ADDRESS}
    assert all("text" not in m for m in mails)


def test_nothing_about_anybody_else_is_in_it(client, everything):
    client.force_login(everything.person)
    _response, body = download(client)
    for foreign in ("Nachbar Nils", "Wie soll das gehen?", "wartend@example.org", "Jemand Anderes"):
        assert foreign not in body
    assert everything.other.email not in body


def test_every_row_has_exactly_the_documented_fields(everything):
    """The download page lists each kind's fields from the same definitions: what it says
    is what the file holds."""
    person = Person.of(everything.person, now=timezone.now())
    seen = 0
    for section in sections():
        for kind in section.kinds:
            for row in kind.rows(person):
                assert set(row) == set(kind.fields), kind.key
                seen += 1
    assert seen > 20


def test_the_download_page_documents_every_kind_and_field(client, citizen):
    client.force_login(citizen)
    page = client.get("/konto/daten/").content.decode()
    for section in sections():
        assert f"<code>{section.key}</code>" in page
        for kind in section.kinds:
            assert f"<code>{kind.key}</code>" in page
            for field in kind.fields:
                assert f"<code>{field}</code>" in page


def test_the_readable_file_shows_the_same_and_escapes_what_people_wrote(client, everything):
    everything.comment.text = '<script>alert("x")</script> Busse!'
    everything.comment.save()
    client.force_login(everything.person)
    response, html = download(client, "html")
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<h1>Ihre Daten bei" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Busse!" in html
    assert "<script>" not in html
    assert "Verein Nordstadt" in html
    assert '<th scope="col">bewertung</th>' in html


def test_the_query_count_does_not_grow_with_the_data(
    client, everything, django_assert_max_num_queries
):
    client.force_login(everything.person)
    with django_assert_max_num_queries(60) as few:
        download(client)
    small = len(few.captured_queries)

    more = [factories.statement(theme=everything.statement.theme) for _ in range(15)]
    for statement in more:
        Vote.objects.create(user=everything.person, statement=statement, choice="neutral")
        factories.comment(statement, author=everything.person)
    with django_assert_max_num_queries(small) as many:
        download(client)
    assert len(many.captured_queries) == small


def test_ten_thousand_votes_come_quickly(client, everything):
    statement = everything.statement
    Statement.objects.bulk_create(
        Statement(
            theme=statement.theme,
            sector=statement.sector,
            kind="zielbild",
            stage=3,
            state="published",
            text=f"Aussage {n} zur Mobilität in Dortmund.",
        )
        for n in range(10_000)
    )
    Vote.objects.bulk_create(
        Vote(user=everything.person, statement=s, choice="agree")
        for s in Statement.objects.exclude(pk=statement.pk)
    )
    client.force_login(everything.person)
    started = time.monotonic()
    response = client.get("/konto/daten/meine-daten.json")
    first = next(iter(response.streaming_content))
    rest = b"".join(response.streaming_content)
    took = time.monotonic() - started
    data = json.loads(first + rest)
    assert len(data["beteiligung"]["bewertungen"]) == 10_001
    assert took < 5, f"{took:.1f} s"


@override_settings(PERSONAL_DATA_DOWNLOADS_PER_HOUR=2)
def test_downloads_are_limited_per_hour(client, citizen):
    client.force_login(citizen)
    download(client)
    download(client, "html")
    refused = client.get("/konto/daten/meine-daten.json")
    assert refused.status_code == 429
    assert "schon oft heruntergeladen" in refused.content.decode()


def test_the_json_is_valid_in_english_too(client, everything):
    client.force_login(everything.person)
    response = client.get("/en/konto/daten/meine-daten.json")
    data = json.loads(b"".join(response.streaming_content))
    assert data["beschreibung"].endswith("/en/konto/daten/")
    assert data["version"] == data_export.FORMAT_VERSION


def test_the_readable_file_in_english_marks_what_people_wrote_as_german(client, everything):
    client.force_login(everything.person)
    response = client.get("/en/konto/daten/meine-daten.html")
    html = b"".join(response.streaming_content).decode()
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f'<td lang="de">{escape(everything.comment.text)}</td>' in html
    assert "<td>yes</td>" in html or "<td>no</td>" in html  # the file's own words: English


def test_of_what_others_also_touched_it_says_only_which_part_was_theirs(db):
    """A milestone one person planned and another marked reached: each learns what they did,
    never the other's account."""
    import datetime

    from strategie.models import FieldOfAction, Goal, Project
    from umsetzung.models import Milestone

    planner, reacher = factories.UserFactory(), factories.UserFactory()
    goal = Goal.objects.create(number=1, name="Dortmund wird einfacher")
    field = FieldOfAction.objects.create(goal=goal, name="Verkehrswende", slug="verkehrswende")
    project = Project.objects.create(field=field, name="Radwall", strategic=True)
    Milestone.objects.create(
        project=project,
        title="Planfeststellung",
        due=datetime.date(2027, 6, 30),
        reached=datetime.date(2027, 5, 2),
        created_by=planner,
        reached_by=reacher,
    )
    kind = next(
        kind for section in sections() for kind in section.kinds if kind.key == "meilensteine"
    )
    (planned,) = kind.rows(Person.of(planner, now=timezone.now()))
    (reached,) = kind.rows(Person.of(reacher, now=timezone.now()))
    assert planned["meilenstein"] == "Planfeststellung" and planned["projekt"] == "Radwall"
    assert (planned["eingetragen_von_ihnen"], planned["als_erreicht_markiert_von_ihnen"]) == (
        True,
        False,
    )
    assert (reached["eingetragen_von_ihnen"], reached["als_erreicht_markiert_von_ihnen"]) == (
        False,
        True,
    )
