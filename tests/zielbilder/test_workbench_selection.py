"""In the workbench the team selects inputs and makes a Zielbild of them, or merges them into
one it already has."""

import pytest

from auswertung.models import ThemeAnalysis
from tests import factories
from zielbilder.consolidation import MAX_SELECTION
from zielbilder.models import ConsolidatedZielbild, InputOutcome

pytestmark = pytest.mark.django_db


ADDRESSES = {"new_zielbild": "neues-zielbild", "merge": "zusammenfuehren"}


def act(client, theme, action, statements, **data):
    """The workbench's action at its own address, as its button posts it."""
    return client.post(
        f"/admin/werkbank/{theme.slug}/{ADDRESSES[action]}/",
        {"auswahl": [s.pk for s in statements], **data},
        follow=True,
    )


def test_a_new_zielbild_from_the_selection_starts_as_a_draft_made_of_its_sources(
    client, strategist, theme
):
    first = factories.statement(theme, text="Busse fahren nachts alle 15 Minuten.")
    second = factories.statement(theme, text="Auch die Vororte haben nachts Anschluss.")
    response = act(client, theme, "new_zielbild", [first, second])
    zielbild = ConsolidatedZielbild.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"/{zielbild.pk}/")
    assert "Entwurf angelegt aus 2 Eingaben" in response.content.decode()
    assert not zielbild.live and zielbild.revisions.count() == 1
    assert first.text in zielbild.text and second.text in zielbild.text
    assert set(zielbild.sources.values_list("kind", flat=True)) == {"merged"}
    # A draft is the team's business: the public hears only that the input is in work.
    client.logout()
    assert zielbild.text not in client.get(first.get_absolute_url()).content.decode()


def test_a_single_selected_input_is_taken_up_rather_than_merged(client, strategist, theme):
    statement = factories.statement(theme)
    act(client, theme, "new_zielbild", [statement])
    assert InputOutcome.objects.get(statement=statement).kind == "taken_up"


def test_the_selection_is_merged_into_an_existing_zielbild(client, strategist, theme):
    target = ConsolidatedZielbild.objects.create(theme=theme, text="Ziel.", live=True)
    statements = [factories.statement(theme) for _ in range(3)]
    response = act(client, theme, "merge", statements, zielbild=target.pk)
    assert "3 Eingaben zusammengeführt" in response.content.decode()
    assert target.sources.count() == 3


def test_an_empty_or_too_large_selection_is_refused_and_changes_nothing(client, strategist, theme):
    target = ConsolidatedZielbild.objects.create(theme=theme, text="Ziel.", live=True)
    empty = act(client, theme, "new_zielbild", [])
    assert "mindestens eine Eingabe" in empty.content.decode()
    statements = [factories.statement(theme) for _ in range(MAX_SELECTION + 1)]
    too_many = act(client, theme, "merge", statements, zielbild=target.pk)
    assert f"höchstens {MAX_SELECTION}" in too_many.content.decode()
    assert ConsolidatedZielbild.objects.count() == 1
    assert not InputOutcome.objects.exists()


def test_inputs_of_another_theme_or_unpublished_ones_are_not_taken(client, strategist, theme):
    foreign = factories.statement(factories.theme_page("Wohnen").theme)
    draft = factories.statement(theme, state="draft")
    response = act(client, theme, "new_zielbild", [foreign, draft])
    assert "mindestens eine Eingabe" in response.content.decode()
    assert not ConsolidatedZielbild.objects.exists()


def test_merging_needs_a_zielbild_of_the_theme(client, strategist, theme):
    foreign = ConsolidatedZielbild.objects.create(
        theme=factories.theme_page("Wohnen").theme, text="Anderes Ziel.", live=True
    )
    statement = factories.statement(theme)
    response = act(client, theme, "merge", [statement], zielbild=foreign.pk)
    assert "Bitte wählen Sie das Zielbild" in response.content.decode()
    assert not InputOutcome.objects.exists()


@pytest.mark.parametrize("role", ["Redaktion", "Moderation", "Konferenzteam", "Ratsmitglieder"])
def test_only_the_strategy_team_uses_the_selection(client, theme, role):
    client.force_login(factories.UserFactory(roles=[role]))
    statement = factories.statement(theme)
    response = client.post(
        f"/admin/werkbank/{theme.slug}/neues-zielbild/", {"auswahl": [statement.pk]}
    )
    assert response.status_code in (302, 403)
    assert not ConsolidatedZielbild.objects.exists()


@pytest.mark.parametrize("address", ["auswerten", "neues-zielbild", "zusammenfuehren", "ergebnis"])
def test_each_action_has_its_own_address_that_answers_only_a_post(
    client, strategist, theme, address
):
    assert client.get(f"/admin/werkbank/{theme.slug}/{address}/").status_code == 405


@pytest.mark.parametrize("address", ["auswerten", "neues-zielbild", "zusammenfuehren", "ergebnis"])
def test_an_editor_is_refused_every_action_and_nothing_is_recorded(client, theme, address):
    statement = factories.statement(theme=theme)
    client.force_login(factories.UserFactory(roles=["Redaktion"]))
    response = client.post(
        f"/admin/werkbank/{theme.slug}/{address}/",
        {"auswahl": [statement.pk], "statement": statement.pk, "kind": "taken_up"},
    )
    assert response.status_code in (302, 403) and "/admin/werkbank/" not in response.get(
        "Location", ""
    )
    assert not ConsolidatedZielbild.objects.exists() and not InputOutcome.objects.exists()
    assert not ThemeAnalysis.objects.exists()
