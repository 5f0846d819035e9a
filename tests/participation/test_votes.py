"""Votes: agree, disagree or neutral; one per verified account and statement, changeable
while the consultation is open; a form post without JavaScript and JSON for the script."""

import threading

import pytest
from django.db import connection

from participation.models import Statement, Vote
from tests import factories


def vote_url(statement):
    return f"/beteiligung/aussagen/{statement.pk}/bewerten/"


def test_a_citizen_votes_and_is_sent_back_to_the_statement(client, citizen, zielbild):
    client.force_login(citizen)
    response = client.post(vote_url(zielbild), {"choice": "agree"})
    assert response.status_code == 302
    assert response["Location"] == f"{zielbild.get_absolute_url()}#aussage-{zielbild.pk}"
    assert Vote.objects.get(user=citizen, statement=zielbild).choice == "agree"
    zielbild.refresh_from_db()
    assert (zielbild.agree_count, zielbild.disagree_count, zielbild.neutral_count) == (1, 0, 0)


@pytest.mark.parametrize("next_url", ["0", "seite", "//evil.example/", "https://evil.example/"])
def test_a_next_address_that_is_no_path_of_this_site_leads_back_to_the_statement(
    client, citizen, zielbild, next_url
):
    # "0" was taken for the name of a URL pattern and answered with a server error.
    client.force_login(citizen)
    response = client.post(vote_url(zielbild), {"choice": "agree", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == f"{zielbild.get_absolute_url()}#aussage-{zielbild.pk}"


def test_changing_the_vote_keeps_one_row_and_moves_the_count(client, citizen, zielbild):
    client.force_login(citizen)
    client.post(vote_url(zielbild), {"choice": "agree"})
    client.post(vote_url(zielbild), {"choice": "disagree"})
    assert Vote.objects.filter(user=citizen, statement=zielbild).count() == 1
    zielbild.refresh_from_db()
    assert (zielbild.agree_count, zielbild.disagree_count) == (0, 1)


def test_the_script_gets_the_new_result_as_json(client, citizen, zielbild):
    client.force_login(citizen)
    response = client.post(
        vote_url(zielbild), {"choice": "neutral"}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["choice"] == "neutral"
    assert data["total"] == 1
    assert {"choice": "neutral", "label": "neutral", "count": 1, "percent": 100} in data["shares"]
    assert "1 neutral (100 %)" in data["html"]


def test_the_result_has_a_text_equivalent_with_counts_and_shares(client, zielbild):
    for choice in ["agree", "agree", "agree", "disagree"]:
        Vote.objects.create(statement=zielbild, user=factories.UserFactory(), choice=choice)
    from participation.votes import recount_votes

    recount_votes(zielbild)
    html = client.get(zielbild.get_absolute_url()).content.decode()
    assert "3 Zustimmungen (75 %)" in html
    assert "1 Ablehnung (25 %)" in html
    assert "0 neutral (0 %)" in html


def test_a_visitor_is_asked_to_sign_in(client, zielbild):
    response = client.post(vote_url(zielbild), {"choice": "agree"})
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
    assert not Vote.objects.exists()


def test_an_unverified_account_may_not_vote(client, zielbild):
    client.force_login(factories.UserFactory(verified=False))
    response = client.post(vote_url(zielbild), {"choice": "agree"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert "Bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.json()["error"]
    assert not Vote.objects.exists()


def test_voting_outside_the_window_is_refused_with_the_date(client, citizen, ausgangsbild):
    client.force_login(citizen)
    response = client.post(
        vote_url(ausgangsbild), {"choice": "agree"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 403
    assert "Kommentieren und Bewerten war bis zum" in response.json()["error"]
    assert not Vote.objects.exists()


def test_the_controls_are_shown_disabled_with_the_reason_outside_the_window(
    client, citizen, ausgangsbild
):
    client.force_login(citizen)
    html = client.get(ausgangsbild.get_absolute_url()).content.decode()
    assert "disabled" in html
    assert "Die Beteiligung ist beendet. Kommentieren und Bewerten war bis zum" in html


def test_a_withdrawn_statement_takes_no_votes(client, citizen, zielbild):
    Statement.objects.filter(pk=zielbild.pk).update(state="withdrawn")
    client.force_login(citizen)
    response = client.post(vote_url(zielbild), {"choice": "agree"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert "zurückgezogen" in response.json()["error"]


def test_a_draft_is_not_found(client, citizen, zielbild):
    Statement.objects.filter(pk=zielbild.pk).update(state="draft")
    client.force_login(citizen)
    assert client.post(vote_url(zielbild), {"choice": "agree"}).status_code == 404
    assert client.get(zielbild.get_absolute_url()).status_code == 404


def test_an_unknown_choice_is_refused_with_a_message(client, citizen, zielbild):
    client.force_login(citizen)
    response = client.post(vote_url(zielbild), {"choice": "love"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "Zustimmung, Ablehnung oder neutral" in response.json()["error"]


def test_voting_needs_a_post(client, citizen, zielbild):
    client.force_login(citizen)
    assert client.get(vote_url(zielbild)).status_code == 405


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_parallel_votes_of_one_person_leave_one_row(process):
    """Two requests of the same person at the same moment: one row, counts that match it."""
    zielbild = factories.statement(factories.theme_page().theme)
    citizen = factories.UserFactory()
    from participation.votes import vote_cast

    barrier = threading.Barrier(2)
    errors = []

    def cast(choice):
        try:
            barrier.wait()
            vote_cast(user=citizen, statement_id=zielbild.pk, choice=choice)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=cast, args=(c,)) for c in ("agree", "disagree")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Vote.objects.filter(user=citizen, statement=zielbild).count() == 1
    zielbild.refresh_from_db()
    assert zielbild.agree_count + zielbild.disagree_count == 1
