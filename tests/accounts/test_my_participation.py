""" "Meine Beteiligung" on the account page: the person's votes with each statement's current
result, comments (deleted and hidden ones marked), proposals with their decisions, what they
follow and their conference registrations – each linked, a few per section with a link to
all, and never anyone else's."""

import pytest
from django.utils import timezone

from accounts import my_participation
from konferenzen import links
from participation.models import Vote
from participation.votes import recount_votes
from tests import factories
from tests.form_checks import soup


def registration_ids(page) -> set[int]:
    """The registrations the self-service links on the page lead to (a signed link carries
    its time, so the links are compared by what they open)."""
    found = set()
    for link in page.select("a[href^='/konferenzen/anmeldung/']"):
        token = link["href"].rstrip("/").rsplit("/", 1)[-1]
        found.add(links.read(token, salt=links.MANAGE_SALT).registration_id)
    return found


def section(page, key):
    return page.select_one(f"section[aria-labelledby=beteiligung-{key}]")


def test_every_section_lists_the_persons_things_with_links(client, everything):
    recount_votes(everything.statement)
    client.force_login(everything.person)
    page = soup(client.get("/konto/"))
    headings = [h.get_text(" ", strip=True) for h in page.select("#meine-beteiligung ~ * h3")]
    assert headings == [
        "Ihre Bewertungen (1)",
        "Ihre Kommentare (2)",
        "Ihre Vorschläge (1)",
        "Dem folgen Sie (2)",
        "Ihre Anmeldungen zu Stadtkonferenzen (3)",
    ]
    statement = everything.statement
    vote = section(page, "bewertungen").select_one("li")
    assert vote.a["href"] == statement.get_absolute_url()
    assert vote.a["lang"] == "de"
    assert "Ihre Bewertung: Zustimmung" in vote.text
    # The current result: one agrees, one disagrees.
    assert "Stand: 50 % Zustimmung, 50 % Ablehnung, 0 % neutral (2 Bewertungen)" in vote.text

    comments = section(page, "kommentare")
    hrefs = {a["href"] for a in comments.select("li > a")}
    assert hrefs == {
        everything.comment.get_absolute_url(),
        everything.reply.get_absolute_url(),
    }
    proposal = section(page, "vorschlaege").select_one("li")
    assert "abgelehnt" in proposal.text
    assert "Gibt es schon als Aussage." in proposal.text
    assert proposal.a["href"].endswith(f"#vorschlag-{everything.proposal.pk}")

    follows = section(page, "abonnements")
    assert statement.theme.name in follows.text
    assert statement.get_absolute_url() in {a["href"] for a in follows.select("li > a")}

    conferences = section(page, "konferenzen")
    assert registration_ids(conferences) == {
        everything.coming.pk,
        everything.past.pk,
        everything.by_second_address.pk,
    }
    assert "bestätigt" in conferences.text


def test_nobody_elses_things_are_listed(client, everything):
    client.force_login(everything.person)
    page = soup(client.get("/konto/"))
    assert "Wie soll das gehen?" not in page.text  # the neighbour's comment
    shown = registration_ids(page)
    assert everything.by_unconfirmed_address.pk not in shown
    assert everything.waiting.pk not in shown

    client.force_login(everything.other)
    page = soup(client.get("/konto/"))
    assert "Auch in den Außenbezirken!" not in page.text
    assert "Ihre Vorschläge (0)" in page.text
    assert "Ihre Anmeldungen zu Stadtkonferenzen (0)" in page.text
    assert "Sie haben noch keine eigene Aussage vorgeschlagen." in page.text


def test_a_deleted_or_hidden_comment_shows_as_such_to_its_author(client, everything):
    everything.comment.deleted_at = timezone.now()
    everything.comment.text = ""
    everything.comment.save()
    everything.reply.visibility = "hidden"
    everything.reply.moderation_reason = "Beleidigend."
    everything.reply.save()
    client.force_login(everything.person)
    comments = section(soup(client.get("/konto/")), "kommentare")
    items = {li.a.get_text(strip=True): li.get_text(" ", strip=True) for li in comments("li")}
    assert "gelöscht" in items["Gelöschter Kommentar"]
    assert "von der Moderation ausgeblendet" in items["Mit mehr Bussen."]
    assert "Grund: Beleidigend." in items["Mit mehr Bussen."]


def test_an_accepted_proposal_links_to_the_statement_it_became(client, everything):
    proposal = everything.proposal
    proposal.state, proposal.statement, proposal.decision_reason = (
        "accepted",
        everything.statement,
        "",
    )
    proposal.save()
    client.force_login(everything.person)
    item = section(soup(client.get("/konto/")), "vorschlaege").select_one("li")
    assert item.a["href"] == everything.statement.get_absolute_url()
    assert "angenommen" in item.text


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for path in ("/konto/", "/konto/beteiligung/bewertungen/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/?next=")


def test_an_unknown_section_is_not_found(client, citizen):
    client.force_login(citizen)
    assert client.get("/konto/beteiligung/gibt-es-nicht/").status_code == 404


def many_votes(person, count: int, theme_page):
    statements = [factories.statement(theme_page.theme) for _ in range(count)]
    Vote.objects.bulk_create(
        Vote(user=person, statement=statement, choice="agree") for statement in statements
    )
    return statements


@pytest.fixture
def theme_page(process):
    return factories.theme_page("Mobilität")


@pytest.mark.parametrize("count", [3, 300])
def test_the_account_page_costs_the_same_queries_for_3_or_300_votes(
    client, citizen, theme_page, count, django_assert_max_num_queries
):
    statements = many_votes(citizen, count, theme_page)
    for statement in statements[:count]:
        factories.comment(statement, author=citizen)
    client.force_login(citizen)
    client.get("/konto/")  # the site's chrome, cached from then on
    with django_assert_max_num_queries(30):
        page = soup(client.get("/konto/"))
    votes_section = section(page, "bewertungen")
    assert len(votes_section.select("li")) == min(count, my_participation.PREVIEW)
    assert f"Ihre Bewertungen ({count})" in votes_section.text
    if count > my_participation.PREVIEW:
        more = votes_section.select_one("a[href='/konto/beteiligung/bewertungen/']")
        assert more.get_text(" ", strip=True) == f"Alle {count} ansehen : Ihre Bewertungen"


def test_the_full_list_is_paginated_with_bounded_queries(
    client, citizen, theme_page, django_assert_max_num_queries
):
    many_votes(citizen, 45, theme_page)
    client.force_login(citizen)
    client.get("/konto/beteiligung/bewertungen/")
    with django_assert_max_num_queries(20):
        first = soup(client.get("/konto/beteiligung/bewertungen/"))
    assert len(first.select(".participation-list > li")) == my_participation.PER_PAGE
    assert "Seite 1 von 3" in first.text
    last = soup(client.get("/konto/beteiligung/bewertungen/?page=3"))
    assert len(last.select(".participation-list > li")) == 5
    # A page number that is no number shows the first page, not an error.
    assert client.get("/konto/beteiligung/bewertungen/?page=x").status_code == 200


def test_every_section_comes_from_the_hook_of_the_app_that_owns_it(db):
    keys = [found.key for found in my_participation.sources()]
    assert keys == ["bewertungen", "kommentare", "vorschlaege", "abonnements", "konferenzen"]
