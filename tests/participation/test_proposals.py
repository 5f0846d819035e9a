"""Citizen proposals: during a stage's window a verified citizen proposes; first they see
the most similar statements; moderators accept (a published statement with source online)
or reject with a reason; the proposer is told by mail."""

from django.core import mail

from participation.models import Flag, Proposal, Statement
from participation.proposals import similar_statements
from tests import factories

TEXT = "Busse und Bahnen fahren 2030 in jedem Stadtteil mindestens alle zehn Minuten."


def propose(client, theme, **data):
    return client.post(f"/beteiligung/themen/{theme.slug}/vorschlagen/", data)


def test_similar_statements_are_shown_before_submitting(client, citizen, theme_page):
    theme = theme_page.theme
    similar = factories.statement(theme, text="Busse fahren in jedem Stadtteil alle zehn Minuten.")
    factories.statement(theme, text="Mehr Grün auf den Schulhöfen.")
    client.force_login(citizen)
    response = propose(client, theme, kind="zielbild", text=TEXT, action="pruefen")
    html = response.content.decode()
    assert "Ähnliche Aussagen" in html
    assert similar.get_absolute_url() in html
    assert "Schulhöfen" not in html
    assert not Proposal.objects.exists()
    assert TEXT in html  # the text stays in the form for the second step


def test_submitting_stores_the_proposal_for_moderation(client, citizen, theme_page):
    client.force_login(citizen)
    response = propose(client, theme_page.theme, kind="zielbild", text=TEXT, action="einreichen")
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.author, proposal.kind, proposal.stage, proposal.state) == (
        citizen,
        "zielbild",
        3,
        "submitted",
    )
    assert not Statement.objects.exists()
    html = client.get(f"/beteiligung/themen/{theme_page.theme.slug}/vorschlaege/").content.decode()
    assert TEXT in html and "in Prüfung" in html


def test_only_kinds_with_an_open_window_can_be_proposed(client, citizen, theme_page):
    client.force_login(citizen)
    response = propose(
        client, theme_page.theme, kind="ausgangsbild", text=TEXT, action="einreichen"
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_no_proposals_outside_every_window(client, citizen, today):
    factories.process_with_stages(today=today, running=5)
    theme = factories.theme_page().theme
    client.force_login(citizen)
    response = client.get(f"/beteiligung/themen/{theme.slug}/vorschlagen/")
    assert response.status_code == 403
    assert "war bis zum" in response.content.decode()
    assert (
        propose(client, theme, kind="zielbild", text=TEXT, action="einreichen").status_code == 403
    )


def test_an_unverified_account_cannot_propose(client, theme_page):
    client.force_login(factories.UserFactory(verified=False))
    response = propose(client, theme_page.theme, kind="zielbild", text=TEXT, action="einreichen")
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_a_too_short_proposal_says_why(client, citizen, theme_page):
    client.force_login(citizen)
    response = propose(client, theme_page.theme, kind="zielbild", text="Busse!", action="pruefen")
    assert response.status_code == 400
    assert "mindestens 30 Zeichen" in response.content.decode()


def test_a_moderator_accepts_and_the_proposal_becomes_an_online_statement(
    client, citizen, moderator, theme_page, django_capture_on_commit_callbacks
):
    proposal = Proposal.objects.create(
        theme=theme_page.theme, kind="zielbild", stage=3, text=TEXT, author=citizen
    )
    factories.sector("online")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/moderation/vorschlaege/{proposal.pk}/annehmen/", {"reason": ""}
        )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert (statement.text, statement.sector.slug, statement.state) == (TEXT, "online", "published")
    proposal.refresh_from_db()
    assert proposal.state == "accepted" and proposal.statement == statement
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert "angenommen" in message.body and statement.get_absolute_url() in message.body


def test_a_rejection_needs_a_reason_that_the_proposer_reads(
    client, citizen, moderator, theme_page, django_capture_on_commit_callbacks
):
    proposal = Proposal.objects.create(
        theme=theme_page.theme, kind="zielbild", stage=3, text=TEXT, author=citizen
    )
    client.force_login(moderator)
    url = f"/admin/moderation/vorschlaege/{proposal.pk}/"
    client.post(url + "ablehnen/", {"reason": ""})
    proposal.refresh_from_db()
    assert proposal.state == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url + "ablehnen/", {"reason": "Gibt es schon als Nr. 12."})
    proposal.refresh_from_db()
    assert proposal.state == "rejected"
    (message,) = mail.outbox
    assert "Gibt es schon als Nr. 12." in message.body
    html = client.get(f"/beteiligung/themen/{theme_page.theme.slug}/vorschlaege/").content.decode()
    assert "Gibt es schon als Nr. 12." in html


def test_citizens_cannot_decide_on_proposals(client, citizen, theme_page):
    proposal = Proposal.objects.create(
        theme=theme_page.theme, kind="zielbild", stage=3, text=TEXT, author=factories.UserFactory()
    )
    client.force_login(citizen)
    client.post(f"/admin/moderation/vorschlaege/{proposal.pk}/annehmen/", {})
    proposal.refresh_from_db()
    assert proposal.state == "submitted"


def test_a_proposal_can_be_flagged(client, citizen, theme_page):
    proposal = Proposal.objects.create(
        theme=theme_page.theme, kind="zielbild", stage=3, text=TEXT, author=factories.UserFactory()
    )
    client.force_login(citizen)
    client.post(f"/beteiligung/vorschlaege/{proposal.pk}/melden/", {"reason": "spam"})
    assert Flag.objects.get().proposal == proposal


def test_similar_statements_on_sqlite_and_postgresql_rank_shared_words(theme_page):
    theme = theme_page.theme
    best = factories.statement(theme, text="Radwege im Norden sind lückenhaft und gefährlich.")
    factories.statement(theme, text="Die Kitas brauchen mehr Personal.")
    found = similar_statements(
        theme=theme, kind="zielbild", text="Sichere Radwege im Dortmunder Norden"
    )
    assert found and found[0] == best
    assert len(found) == 1
