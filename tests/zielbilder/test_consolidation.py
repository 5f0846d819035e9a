"""The strategy team says what became of every input; the public can follow its input there."""

import pytest

from tests import factories
from zielbilder.models import ConsolidatedZielbild, InputOutcome

pytestmark = pytest.mark.django_db


def zielbild(theme, *, live=True, text="Alle kommen ohne Auto gut durch die Stadt."):
    item = ConsolidatedZielbild.objects.create(theme=theme, text=text, live=live)
    return item


def decide(client, theme, statement, **data):
    return client.post(
        f"/admin/werkbank/{theme.slug}/ergebnis/", {"statement": statement.pk, **data}, follow=True
    )


def test_the_team_takes_an_input_up_into_a_zielbild_and_the_public_follows_it(
    client, strategist, theme
):
    statement = factories.statement(theme, stage=3, kind="zielbild")
    target = zielbild(theme)
    workbench = client.get(f"/admin/werkbank/{theme.slug}/").content.decode()
    assert f"Nr. {statement.pk}" in workbench
    response = decide(client, theme, statement, kind="taken_up", zielbild=target.pk)
    assert "gespeichert" in response.content.decode()
    assert InputOutcome.objects.get(statement=statement).zielbild == target

    client.logout()
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Was daraus wurde" in page and target.text in page
    public = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert target.text in public and statement.get_absolute_url() in public


def test_not_taking_an_input_up_needs_a_reason_that_the_public_reads(client, strategist, theme):
    statement = factories.statement(theme, stage=3, kind="zielbild")
    refused = decide(client, theme, statement, kind="not_taken_up", reason="")
    assert "Bitte begründen Sie" in refused.content.decode()
    assert not InputOutcome.objects.exists()
    decide(
        client, theme, statement, kind="not_taken_up", reason="Liegt nicht in der Hand der Stadt."
    )
    client.logout()
    assert (
        "Liegt nicht in der Hand der Stadt."
        in client.get(statement.get_absolute_url()).content.decode()
    )
    public = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert "Liegt nicht in der Hand der Stadt." in public


def test_taking_up_needs_a_zielbild_of_the_same_theme(client, strategist, theme):
    statement = factories.statement(theme, stage=3, kind="zielbild")
    other_theme = factories.theme_page("Wohnen").theme
    foreign = zielbild(other_theme)
    assert (
        "Bitte wählen Sie das Zielbild"
        in decide(client, theme, statement, kind="taken_up").content.decode()
    )
    decide(client, theme, statement, kind="merged", zielbild=foreign.pk)
    assert not InputOutcome.objects.exists()


def test_a_draft_zielbild_is_not_shown_to_the_public(client, strategist, theme):
    statement = factories.statement(theme, stage=3, kind="zielbild")
    draft = zielbild(theme, live=False, text="Noch ein Entwurf des Teams.")
    decide(client, theme, statement, kind="taken_up", zielbild=draft.pk)
    client.logout()
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Noch ein Entwurf" not in page and "noch nicht entschieden" in page
    assert (
        "Noch ein Entwurf"
        not in client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    )


def test_the_theme_page_counts_what_became_of_the_inputs(
    client, strategist, theme, django_capture_on_commit_callbacks
):
    taken, merged, rejected, _open = (
        factories.statement(theme, stage=3, kind="zielbild", text=f"Aussage {n}") for n in range(4)
    )
    target = zielbild(theme)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, theme, taken, kind="taken_up", zielbild=target.pk)
        decide(client, theme, merged, kind="merged", zielbild=target.pk)
        decide(client, theme, rejected, kind="not_taken_up", reason="Doppelt.")
    from zielbilder.consolidation import traceability

    trace = traceability(theme)
    assert (trace.inputs, trace.taken_up, trace.merged, trace.not_taken_up, trace.open) == (
        4, 1, 1, 1, 1,
    )  # fmt: skip


def test_the_counts_are_kept_between_requests_and_follow_every_change(
    client, strategist, theme, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from participation.importing import save_rows
    from zielbilder.consolidation import traceability

    first, second = (factories.statement(theme, stage=3, kind="zielbild") for _ in range(2))
    assert traceability(theme).inputs == 2
    with django_assert_num_queries(0):
        assert traceability(theme).inputs == 2

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, theme, first, kind="not_taken_up", reason="Doppelt.")
    assert traceability(theme).not_taken_up == 1

    with django_capture_on_commit_callbacks(execute=True):
        second.state = "draft"
        second.save()
    assert traceability(theme).inputs == 1

    # The import creates statements in bulk, without model signals.
    row = {"theme": theme.pk, "sector": first.sector_id, "kind": "zielbild", "text": "Neu."}
    with django_capture_on_commit_callbacks(execute=True):
        save_rows({"rows": [row], "stage": 3, "publish": True})
    assert traceability(theme).inputs == 2


def test_every_saved_version_of_a_zielbild_is_kept(client, strategist, theme):
    url = "/admin/snippets/zielbilder/consolidatedzielbild/"
    client.post(url + "add/", {"theme": theme.pk, "text": "Erste Fassung."})
    item = ConsolidatedZielbild.objects.get()
    client.post(f"{url}edit/{item.pk}/", {"theme": theme.pk, "text": "Zweite Fassung."})
    item.refresh_from_db()
    assert item.revisions.count() == 2
    assert [r.content["text"] for r in item.revisions.order_by("created_at")] == [
        "Erste Fassung.",
        "Zweite Fassung.",
    ]


@pytest.mark.parametrize("role", [None, "Redaktion", "Moderation", "Konferenzteam"])
def test_only_the_strategy_team_consolidates(client, theme, role):
    statement = factories.statement(theme, stage=3, kind="zielbild")
    target = zielbild(theme)
    client.force_login(factories.UserFactory(roles=[role] if role else []))
    assert client.get(f"/admin/werkbank/{theme.slug}/").status_code in (302, 403)
    decide(client, theme, statement, kind="taken_up", zielbild=target.pk)
    assert not InputOutcome.objects.exists()


def test_a_garbled_form_is_a_404_not_an_error(client, strategist, theme):
    assert (
        client.post(f"/admin/werkbank/{theme.slug}/ergebnis/", {"statement": "abc"}).status_code
        == 404
    )
