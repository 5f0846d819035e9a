"""Limits per account: votes in bursts (counted in the shared cache, so that the busiest
request gets no extra query), comments, proposals and flags. Each refusal says which limit
was reached, keeps what was typed, answers HTML forms with the form again and JSON clients
with 429, and never with an error page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Comment, Flag, Proposal, Vote
from tests import factories

LIMITS = {"comment": (2, 600), "proposal": (1, 86400), "flag": (1, 3600), "vote": (3, 60)}
TEXT = "Busse und Bahnen fahren 2030 in jedem Stadtteil mindestens alle zehn Minuten."


@pytest.fixture(autouse=True)
def _low_limits(settings):
    settings.PARTICIPATION_RATE_LIMITS = LIMITS


def vote(client, statement, choice="agree", **headers):
    return client.post(
        f"/beteiligung/aussagen/{statement.pk}/bewerten/", {"choice": choice}, **headers
    )


def test_the_fourth_vote_within_a_minute_is_refused_as_json_with_429(client, citizen, theme_page):
    statements = [factories.statement(theme_page.theme, stage=3, kind="zielbild") for _ in range(4)]
    client.force_login(citizen)
    for statement in statements[:3]:
        assert vote(client, statement, HTTP_ACCEPT="application/json").status_code == 200
    response = vote(client, statements[3], HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert response.json()["error"].startswith(
        "Sie haben in der letzten Minute schon 3 Bewertungen"
    )
    assert not Vote.objects.filter(statement=statements[3]).exists()


def test_without_javascript_the_refused_vote_comes_back_with_the_message(client, citizen, zielbild):
    client.force_login(citizen)
    for choice in ("agree", "disagree", "neutral"):
        vote(client, zielbild, choice)
    response = vote(client, zielbild, "agree", follow=True)
    assert response.status_code == 200
    assert "schon 3 Bewertungen abgegeben" in response.content.decode()
    assert Vote.objects.get(user=citizen, statement=zielbild).choice == "neutral"


def test_the_vote_limit_counts_per_account(client, citizen, zielbild):
    client.force_login(citizen)
    for _ in range(4):
        vote(client, zielbild)
    client.force_login(factories.UserFactory())
    assert vote(client, zielbild, HTTP_ACCEPT="application/json").status_code == 200


def test_the_vote_limit_adds_no_database_query(client, citizen, zielbild, settings):
    client.force_login(citizen)
    vote(client, zielbild)  # the session is read and verified once, as in the benchmark
    with CaptureQueriesContext(connection) as limited:
        assert vote(client, zielbild, HTTP_ACCEPT="application/json").status_code == 200
    settings.PARTICIPATION_RATE_LIMITS = {**LIMITS, "vote": (0, 60)}  # 0: switched off
    with CaptureQueriesContext(connection) as unlimited:
        assert vote(client, zielbild, HTTP_ACCEPT="application/json").status_code == 200
    assert len(limited) == len(unlimited)
    # A refused vote does not even touch the statement or the votes.
    settings.PARTICIPATION_RATE_LIMITS = LIMITS
    vote(client, zielbild)
    with CaptureQueriesContext(connection) as refused:
        assert vote(client, zielbild, HTTP_ACCEPT="application/json").status_code == 429
    touched = " ".join(query["sql"] for query in refused.captured_queries)
    assert "participation_vote" not in touched
    assert "participation_statement" not in touched


def test_the_comment_limit_as_json(client, citizen, zielbild):
    client.force_login(citizen)
    for text in ("Eins.", "Zwei."):
        client.post(f"/beteiligung/aussagen/{zielbild.pk}/kommentieren/", {"text": text})
    response = client.post(
        f"/beteiligung/aussagen/{zielbild.pk}/kommentieren/",
        {"text": "Drei."},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 429
    assert "schon 2 Kommentare" in response.json()["error"]
    assert Comment.objects.count() == 2


def test_the_second_proposal_of_the_day_is_refused_and_keeps_its_text(client, citizen, theme_page):
    client.force_login(citizen)
    url = f"/beteiligung/themen/{theme_page.theme.slug}/vorschlagen/"
    client.post(url, {"kind": "zielbild", "text": TEXT, "action": "einreichen"})
    response = client.post(
        url, {"kind": "zielbild", "text": TEXT + " Auch nachts.", "action": "einreichen"}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert "heute schon 1 Vorschläge eingereicht" in html
    assert "Auch nachts." in html
    assert Proposal.objects.count() == 1


def test_the_second_flag_within_an_hour_is_refused(client, citizen, zielbild):
    first, second = factories.comment(zielbild), factories.comment(zielbild)
    client.force_login(citizen)
    client.post(f"/beteiligung/kommentare/{first.pk}/melden/", {"reason": "insult"})
    response = client.post(
        f"/beteiligung/kommentare/{second.pk}/melden/", {"reason": "insult", "note": "Getippt."}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert "in der letzten Stunde schon 1 Meldungen" in html
    assert "Getippt." in html
    assert Flag.objects.count() == 1
