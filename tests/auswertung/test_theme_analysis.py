"""The opinion groups and similar statements of a theme: computed in the background, stored
with their date, shown to the team in the workbench and to the public on the results page."""

import datetime

import pytest
from django.utils import timezone

from auswertung import analysis, tasks
from auswertung.models import AnalysisState, ThemeAnalysis
from participation.models import Vote
from participation.votes import recount_votes
from tests import factories

pytestmark = pytest.mark.django_db


def two_camps(theme, *, voters=12, statements=8):
    """Half the voters agree with the even statements and reject the odd ones, the other
    half the other way round: two opinion groups to find."""
    people = [factories.UserFactory() for _ in range(voters)]
    items = [
        factories.statement(theme, text=f"Aussage {n} zum Verkehr in Dortmund Nummer {n}")
        for n in range(statements)
    ]
    Vote.objects.bulk_create(
        Vote(
            statement=item,
            user=person,
            choice="agree" if (p % 2) == (s % 2) else "disagree",
        )
        for p, person in enumerate(people)
        for s, item in enumerate(items)
    )
    for item in items:
        recount_votes(item)
    return people, items


def computed(theme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run, created = analysis.request_analysis(theme)
    assert created
    run.refresh_from_db()
    return run


def test_a_requested_analysis_is_computed_in_the_background_and_stored_with_its_date(
    theme, django_capture_on_commit_callbacks
):
    people, items = two_camps(theme)
    run = computed(theme, django_capture_on_commit_callbacks)
    assert run.state == AnalysisState.DONE
    assert run.computed_at is not None and run.computed_at <= timezone.now()
    assert run.votes == len(people) * len(items)
    assert run.participants == len(people)
    assert run.display["k"] == 2
    assert sorted(g["size"] for g in run.display["groups"]) == [6, 6]
    figures = analysis.statement_figures(run.display)[items[0].pk]
    # One camp agrees, the other disagrees: a divisive statement without consensus.
    assert sorted(g.percent for g in figures.groups) == [0, 100]
    assert figures.divisiveness >= 0.7  # 6 of 6 against 0 of 6, smoothed: 0.75
    assert analysis.latest(theme) == run


def test_a_second_request_while_one_runs_joins_it(theme):
    first, created = analysis.request_analysis(theme)
    assert created
    second, created_again = analysis.request_analysis(theme)
    assert not created_again and second == first
    assert ThemeAnalysis.objects.count() == 1


def test_a_finished_run_is_not_computed_again_but_a_lost_one_is(
    theme, django_capture_on_commit_callbacks
):
    two_camps(theme)
    run = computed(theme, django_capture_on_commit_callbacks)
    computed_at = run.computed_at
    assert analysis.run_analysis(run.pk) is None  # a repeated task changes nothing
    run.refresh_from_db()
    assert run.computed_at == computed_at
    # A worker died while running it: the run is computed again, and gives the same result.
    ThemeAnalysis.objects.filter(pk=run.pk).update(state=AnalysisState.RUNNING)
    again = analysis.run_analysis(run.pk)
    assert again.state == AnalysisState.DONE and again.display == run.display


def test_a_failing_run_is_marked_failed_with_its_reason_and_can_be_requested_again(
    theme, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("kaputt")

    monkeypatch.setattr(analysis, "opinion_groups", broken)
    with django_capture_on_commit_callbacks(execute=True):
        run, _ = analysis.request_analysis(theme)
    run.refresh_from_db()
    assert run.state == AnalysisState.FAILED and "kaputt" in run.error
    _again, created = analysis.request_analysis(theme)
    assert created


def test_runs_whose_task_was_lost_are_computed_by_the_sweep(theme):
    two_camps(theme)
    run, _ = analysis.request_analysis(theme)  # the broker never hears of it
    assert tasks.run_waiting_analyses() == 0  # not yet: it may still be on its way
    ThemeAnalysis.objects.filter(pk=run.pk).update(
        requested_at=timezone.now() - datetime.timedelta(minutes=6)
    )
    assert tasks.run_waiting_analyses() == 1
    run.refresh_from_db()
    assert run.state == AnalysisState.DONE


def test_every_night_the_themes_with_new_votes_are_evaluated_again(
    theme, django_capture_on_commit_callbacks
):
    people, items = two_camps(theme)
    quiet = factories.theme_page("Wohnen").theme
    assert analysis.themes_with_new_votes() == [theme]  # never evaluated; Wohnen has no votes
    computed(theme, django_capture_on_commit_callbacks)
    assert analysis.themes_with_new_votes() == []
    Vote.objects.filter(user=people[0], statement=items[0]).update(
        choice="neutral", updated_at=timezone.now() + datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.refresh_analyses() == 1
    assert ThemeAnalysis.objects.filter(theme=theme, state=AnalysisState.DONE).count() == 2
    assert not ThemeAnalysis.objects.filter(theme=quiet).exists()


def test_old_runs_are_pruned(theme, django_capture_on_commit_callbacks):
    two_camps(theme, voters=4, statements=3)
    for _ in range(analysis.KEEP_PER_THEME + 2):
        computed(theme, django_capture_on_commit_callbacks)
    assert ThemeAnalysis.objects.filter(theme=theme).count() == analysis.KEEP_PER_THEME


def test_the_map_draws_a_sample_but_the_groups_count_everybody():
    from auswertung.opinion_groups import opinion_groups

    votes = [
        (person, statement, "agree" if (person % 2) == (statement % 2) else "disagree")
        for person in range(1, 2001)
        for statement in range(1, 6)
    ]
    display = analysis.display_of(opinion_groups(votes))
    assert len(display["points"]) <= analysis.MAP_POINTS
    assert sum(g["size"] for g in display["groups"]) == 2000


# --- the workbench --------------------------------------------------------------------------


def test_the_strategy_team_starts_the_analysis_and_sees_each_statements_group_figures(
    client, theme, django_capture_on_commit_callbacks
):
    _people, items = two_camps(theme)
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    page = client.get(f"/admin/werkbank/{theme.slug}/").content.decode()
    assert "Noch keine Auswertung" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/werkbank/{theme.slug}/auswerten/")
    assert response.status_code == 302
    page = client.get(f"/admin/werkbank/{theme.slug}/").content.decode()
    assert "Die Auswertung ist angefordert" in page
    assert "Meinungslandkarte" in page and "Gruppe A" in page and "Gruppe B" in page
    assert "Spaltung 0,75" in page
    assert f"Nr. {items[0].pk}" in page


@pytest.mark.parametrize("role", ["Redaktion", "Moderation", "Konferenzteam", "Ratsmitglieder"])
def test_other_roles_can_neither_open_the_workbench_nor_start_an_analysis(client, theme, role):
    client.force_login(factories.UserFactory(roles=[role]))
    assert client.get(f"/admin/werkbank/{theme.slug}/").status_code in (302, 403)
    assert client.post(f"/admin/werkbank/{theme.slug}/auswerten/").status_code in (
        302,
        403,
    )
    assert not ThemeAnalysis.objects.exists()


def test_the_workbench_offers_similar_statements_as_merge_candidates(
    client, theme, django_capture_on_commit_callbacks
):
    first = factories.statement(theme, text="Mehr sichere Radwege in der Innenstadt bauen")
    second = factories.statement(theme, text="Sichere Radwege für die Innenstadt bauen")
    factories.statement(theme, text="Mehr Bäume in der Nordstadt pflanzen")
    computed(theme, django_capture_on_commit_callbacks)
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    page = client.get(f"/admin/werkbank/{theme.slug}/").content.decode()
    section = page[page.index('id="aehnlich"') : page.index('id="auswahl"')]
    assert f"Nr. {first.pk}" in section and f"Nr. {second.pk}" in section
    assert "Nordstadt" not in section
    response = client.post(
        f"/admin/werkbank/{theme.slug}/neues-zielbild/",
        {"auswahl": [first.pk, second.pk]},
    )
    assert response.status_code == 302 and "/edit/" in response["Location"]
    first.refresh_from_db()
    assert first.outcome.kind == "merged"


# --- the public results page ----------------------------------------------------------------


def test_the_results_page_shows_the_opinion_groups_as_chart_and_table(
    client, theme, django_capture_on_commit_callbacks
):
    assert (
        "noch nicht berechnet"
        in client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    )
    _people, items = two_camps(theme)
    run = computed(theme, django_capture_on_commit_callbacks)
    page = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    assert 'role="img"' in page and "Meinungslandkarte" in page
    assert page.count('<th class="kern-table__header" scope="row">Gruppe') == 2
    assert "Zustimmung je Gruppe, gruppenübergreifende Zustimmung und Spaltung" in page
    assert items[0].get_absolute_url() in page
    assert timezone.localtime(run.computed_at).strftime("%Y") in page


def test_the_results_page_keeps_its_query_count_as_votes_grow(
    client, theme, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    two_camps(theme, voters=6, statements=4)
    computed(theme, django_capture_on_commit_callbacks)
    url = f"/beteiligung/themen/{theme.slug}/ergebnisse/"
    client.get(url)
    # 16: the page's own queries plus the layout's (locale, footer, the navigation that grows
    # with the process); the point is the second measurement, which must not grow.
    with django_assert_max_num_queries(16) as small:
        client.get(url)
    two_camps(theme, voters=30, statements=20)
    computed(theme, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_withdrawn_statements_do_not_appear_in_the_public_chart(
    client, theme, django_capture_on_commit_callbacks
):
    _people, items = two_camps(theme)
    computed(theme, django_capture_on_commit_callbacks)
    hidden = items[0]
    hidden.state = "draft"
    hidden.save()
    page = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    assert hidden.get_absolute_url() not in page


def test_the_workbench_keeps_its_query_count_as_inputs_and_pairs_grow(
    client, theme, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    url = f"/admin/werkbank/{theme.slug}/"
    two_camps(theme, voters=4, statements=3)
    computed(theme, django_capture_on_commit_callbacks)
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    two_camps(theme, voters=10, statements=12)
    for n in range(6):  # near-duplicates: more merge candidates
        factories.statement(theme, text=f"Sichere Radwege in der Innenstadt bauen, Teil {n}")
    computed(theme, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url)
    assert "Kandidaten zum Zusammenführen" in page.content.decode()
