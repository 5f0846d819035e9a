"""Rankings that measure agreement (issue 15, point 6): "Meiste Zustimmung" ranks by the
agree share among agree and disagree votes, cautiously estimated (the Wilson lower bound), and
"Am umstrittensten" by how evenly the votes split with enough votes to know; no statement is
in both lists, and no statement under 50 % agreement is "most agreed"."""

import random

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from participation.models import Statement, Vote
from participation.rankings import (
    agreement,
    agreement_sql,
    controversy,
    controversy_sql,
    is_clearly_agreed,
    is_contested,
    wilson_lower_bound,
)
from participation.results import most_agreed, most_controversial, theme_summary
from participation.votes import recount_votes
from tests import factories


def with_counts(theme, agree: int, disagree: int, neutral: int = 0, *, text: str = ""):
    """A statement holding these counts and the measures the recount would store, without
    casting every vote (the recount itself is tested below against real votes)."""
    return factories.statement(
        theme,
        text=text or f"{agree} dafür, {disagree} dagegen, {neutral} neutral.",
        agree_count=agree,
        disagree_count=disagree,
        neutral_count=neutral,
        agreement=agreement(agree, disagree),
        controversy=controversy(agree, disagree),
    )


def cast(statement, agree: int = 0, disagree: int = 0, neutral: int = 0, voters=None):
    voters = voters or factories_users(agree + disagree + neutral)
    choices = ["agree"] * agree + ["disagree"] * disagree + ["neutral"] * neutral
    Vote.objects.bulk_create(
        Vote(statement=statement, user=user, choice=choice)
        for user, choice in zip(voters, choices, strict=True)
    )
    return recount_votes(statement)


def factories_users(count: int):
    from accounts.models import User

    start = User.objects.count()
    return User.objects.bulk_create(
        User(email=f"waehlerin{start + n}@example.org", display_name=f"W {start + n}")
        for n in range(count)
    )


# --- the measures ------------------------------------------------------------------------------


def test_92_percent_of_300_ranks_above_70_percent_of_1000():
    assert agreement(276, 24) > agreement(700, 300)
    assert agreement(276, 24) == pytest.approx(0.8837, abs=1e-4)
    assert agreement(700, 300) == pytest.approx(0.6709, abs=1e-4)


def test_three_votes_prove_little():
    assert agreement(3, 0) < 0.5 < agreement(20, 2)
    assert not is_clearly_agreed(3, 0)


@pytest.mark.parametrize("successes,trials", [(1, 2), (3, 3), (81, 263), (700, 1000), (9, 10)])
def test_the_wilson_lower_bound_is_scipys(successes, trials):
    from scipy.stats import binomtest

    # scipy takes z = 1.95996…, the bound here z = 1.96: equal to four places.
    reference = binomtest(successes, trials).proportion_ci(0.95, method="wilson").low
    assert wilson_lower_bound(successes, trials) == pytest.approx(reference, abs=1e-4)
    assert wilson_lower_bound(0, 0) == 0.0


def test_controversy_needs_an_even_split_and_enough_votes():
    assert controversy(100, 100) > controversy(10, 10) > controversy(1, 1) > 0
    assert controversy(500, 500) > controversy(60, 40) > 0
    # Outside 35 … 65 % agreement nothing is contested, however many voted.
    assert controversy(10_000, 4_000) == 0 and controversy(4, 10) == 0
    assert controversy(10, 0) == 0 == controversy(0, 0)


@given(st.integers(0, 5_000), st.integers(0, 5_000))
def test_no_pair_of_counts_is_both_clearly_agreed_and_contested(agree, disagree):
    assert not (is_clearly_agreed(agree, disagree) and is_contested(agree, disagree))
    if is_clearly_agreed(agree, disagree):
        assert agree / (agree + disagree) > 0.5
        assert controversy(agree, disagree) == 0
    assert 0 <= agreement(agree, disagree) <= 1 and 0 <= controversy(agree, disagree) <= 1


# --- stored as computed ------------------------------------------------------------------------


def _in_sql(agree: int, disagree: int) -> tuple[float, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {agreement_sql('c.a', 'c.d')}, {controversy_sql('c.a', 'c.d')} "
            "FROM (SELECT %s AS a, %s AS d) AS c",
            [agree, disagree],
        )
        return tuple(cursor.fetchone())


@pytest.mark.django_db
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2_000_000), st.integers(0, 2_000_000))
def test_the_sql_of_the_recount_computes_what_python_computes(agree, disagree):
    assert _in_sql(agree, disagree) == (agreement(agree, disagree), controversy(agree, disagree))


@pytest.mark.django_db
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60))
def test_small_counts_in_sql_equal_python(agree, disagree):
    assert _in_sql(agree, disagree) == (agreement(agree, disagree), controversy(agree, disagree))


@pytest.mark.parametrize(
    "agree,disagree,neutral", [(0, 0, 0), (3, 0, 1), (0, 2, 0), (7, 3, 0), (5, 5, 2), (13, 7, 4)]
)
def test_the_recount_stores_both_measures_of_the_votes(zielbild, agree, disagree, neutral):
    returned = cast(zielbild, agree, disagree, neutral)
    stored = Statement.objects.get(pk=zielbild.pk)
    expected = (agreement(agree, disagree), controversy(agree, disagree))
    assert (returned.agreement, returned.controversy) == expected
    assert (stored.agreement, stored.controversy) == expected


def test_a_changed_vote_moves_the_measures_with_the_counts(client, citizen, zielbild):
    cast(zielbild, agree=4, disagree=1)
    client.force_login(citizen)
    client.post(f"/beteiligung/aussagen/{zielbild.pk}/bewerten/", {"choice": "disagree"})
    zielbild.refresh_from_db()
    assert zielbild.agreement == agreement(4, 2)
    assert zielbild.controversy == controversy(4, 2)


def test_the_migration_measures_the_statements_that_were_there(theme_page):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("participation.migrations.0008_statement_agreement")
    statement = factories.statement(
        theme_page.theme, agree_count=276, disagree_count=24, controversy=123.0
    )
    balanced = factories.statement(theme_page.theme, agree_count=50, disagree_count=50)

    class Editor:  # what the migration asks of a schema editor (SQLite's refuses atomic use)
        quote_name = staticmethod(connection.ops.quote_name)

        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    migration.measure_existing_statements(apps, Editor())
    statement.refresh_from_db()
    balanced.refresh_from_db()
    assert (statement.agreement, statement.controversy) == (agreement(276, 24), 0.0)
    assert balanced.controversy == controversy(50, 50) > 0


def test_the_benchmarks_data_builder_stores_what_the_recount_stores(theme_page):
    """bench/harness/dataset.py fills the counters of its generated volume in raw SQL on
    PostgreSQL; it must rank that data as the site does."""
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark builds its data on PostgreSQL")
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "harness" / "dataset.py"
    spec = importlib.util.spec_from_file_location("bench_dataset", path)
    dataset = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = dataset  # its dataclasses look their module up
    spec.loader.exec_module(dataset)
    counts = [(276, 24, 3), (700, 300, 0), (11, 9, 2), (3, 0, 0)]
    statements = [factories.statement(theme_page.theme) for _ in counts]
    voters = factories_users(max(a + d + n for a, d, n in counts))
    for statement, (agree, disagree, neutral) in zip(statements, counts, strict=True):
        choices = ["agree"] * agree + ["disagree"] * disagree + ["neutral"] * neutral
        Vote.objects.bulk_create(
            Vote(statement=statement, user=user, choice=choice)
            for user, choice in zip(voters, choices, strict=False)
        )
    dataset._counters(connection.connection)
    for statement, (agree, disagree, _neutral) in zip(statements, counts, strict=True):
        statement.refresh_from_db()
        assert (statement.agreement, statement.controversy) == (
            agreement(agree, disagree),
            controversy(agree, disagree),
        )


# --- the lists ---------------------------------------------------------------------------------


def test_a_37_percent_statement_with_many_votes_is_not_most_agreed(theme_page):
    theme = theme_page.theme
    # The demo's case: many votes, 37 % agreement and 53 % rejection.
    popular = with_counts(theme, 370, 530, 100, text="Viel gesehen, wenig Zustimmung.")
    liked = with_counts(theme, 40, 5, 2, text="Wenig gesehen, viel Zustimmung.")
    summary = theme_summary(theme)
    assert summary.most_agreed == [liked]
    assert popular not in summary.most_agreed
    assert popular in summary.most_controversial


def test_92_percent_of_300_tops_70_percent_of_1000_on_the_results_page(client, theme_page):
    theme = theme_page.theme
    with_counts(theme, 700, 300, text="Siebzig Prozent von tausend.")
    with_counts(theme, 276, 24, text="Zweiundneunzig Prozent von dreihundert.")
    html = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    agreed = html.split('id="zustimmung"')[1].split('id="umstritten"')[0]
    assert agreed.index("Zweiundneunzig") < agreed.index("Siebzig")
    assert "92 % Zustimmung</strong> bei 300 Ja/Nein-Stimmen" in agreed


def test_three_votes_do_not_top_the_list(theme_page):
    theme = theme_page.theme
    few = with_counts(theme, 3, 0)
    many = with_counts(theme, 45, 10)
    assert most_agreed(Statement.objects.filter(theme=theme)) == [many]
    assert few not in most_agreed(Statement.objects.filter(theme=theme))


def test_the_results_say_how_each_list_is_ranked(client, theme_page):
    with_counts(theme_page.theme, 260, 40, 12)
    html = client.get(f"/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/").content.decode()
    assert (
        "Gereiht nach dem Anteil der Ja-Stimmen unter allen Ja- und Nein-Stimmen, vorsichtig "
        "geschätzt: Aussagen mit wenigen Stimmen stehen weiter unten." in html
    )
    assert "zwischen 35 und 65 % ihrer Ja- und Nein-Stimmen zustimmen" in html
    assert "mindestens 10 Personen mit Ja oder Nein gestimmt haben" in html
    assert "87 % Zustimmung</strong> bei 300 Ja/Nein-Stimmen, dazu 12 neutral" in html
    assert "Noch keine umstrittene Aussage mit genügend Stimmen." in html


def test_the_english_results_say_it_in_english(client, theme_page):
    with_counts(theme_page.theme, 260, 40)
    html = client.get(f"/en/beteiligung/themen/{theme_page.theme.slug}/ergebnisse/").content
    html = html.decode()
    assert "Ranked by the share of yes votes among all yes and no votes" in html
    assert "87 % agreement</strong> from 300 yes/no votes" in html


def test_controversial_needs_the_minimum_of_votes_and_the_setting_sets_it(theme_page, settings):
    theme = theme_page.theme
    small = with_counts(theme, 4, 4)  # an even split of eight votes
    large = with_counts(theme, 30, 25)
    statements = Statement.objects.filter(theme=theme)
    assert most_controversial(statements) == [large]
    settings.PARTICIPATION_CONTROVERSIAL_MIN_VOTES = 8
    assert most_controversial(statements) == [large, small]
    settings.PARTICIPATION_CONTROVERSIAL_MIN_VOTES = 100
    assert most_controversial(statements) == []


def test_the_queries_select_what_the_python_rules_say(theme_page):
    """The lists' filters in SQL and is_clearly_agreed / is_contested on the same counts,
    for every split of up to 40 votes."""
    theme = theme_page.theme
    pairs = [(a, d) for total in range(0, 41, 3) for a in range(total + 1) for d in [total - a]]
    for agree, disagree in pairs:
        with_counts(theme, agree, disagree, text=f"{agree}:{disagree}")
    statements = Statement.objects.filter(theme=theme)
    agreed = {s.text for s in most_agreed(statements, count=10_000)}
    contested = {s.text for s in most_controversial(statements, count=10_000)}
    assert agreed == {f"{a}:{d}" for a, d in pairs if is_clearly_agreed(a, d)}
    assert contested == {f"{a}:{d}" for a, d in pairs if is_contested(a, d) and a + d >= 10}
    assert agreed and contested and not agreed & contested


# --- realistic volume and skew -----------------------------------------------------------------

STATEMENTS, VOTERS, TOTAL_VOTES = 200, 5_000, 50_000


@pytest.fixture
def skewed_theme(theme_page):
    """200 statements written over 200 days; the early ones were seen far more (the number of
    votes falls with the square of the age rank: 744 for the first, 8 for the last), 5,000
    voters, 50,000 votes (10 % neutral) bulk-inserted and then recounted statement by
    statement, as an import does. Each statement's true agree share is drawn from Beta(4, 2).
    Returns the statements oldest first with their true shares."""
    import datetime

    from django.utils import timezone

    rng = random.Random(0)
    theme = theme_page.theme
    voters = factories_users(VOTERS)
    weights = [(STATEMENTS - i) ** 2 for i in range(STATEMENTS)]
    scale = TOTAL_VOTES / sum(weights)
    start = timezone.now() - datetime.timedelta(days=STATEMENTS)
    made, votes = [], []
    for index in range(STATEMENTS):
        statement = factories.statement(theme, text=f"Aussage {index:03d}.")
        Statement.objects.filter(pk=statement.pk).update(
            created_at=start + datetime.timedelta(days=index)
        )
        true = rng.betavariate(4, 2)
        for voter in rng.sample(voters, max(8, round(weights[index] * scale))):
            roll = rng.random()
            choice = "neutral" if roll < 0.1 else "agree" if roll < 0.1 + 0.9 * true else "disagree"
            votes.append(Vote(statement=statement, user=voter, choice=choice))
        made.append((statement, true))
    Vote.objects.bulk_create(votes, batch_size=5_000)
    for statement, _true in made:
        recount_votes(statement)
    return theme, made


def test_on_skewed_volume_the_top_is_the_truly_agreed_not_the_early(skewed_theme):
    theme, made = skewed_theme
    assert Vote.objects.filter(statement__theme=theme).count() >= TOTAL_VOTES
    true_share = {s.pk: t for s, t in made}
    age_rank = {s.pk: i for i, (s, _t) in enumerate(made)}
    threshold = sorted(true_share.values())[int(0.8 * STATEMENTS)]
    statements = Statement.objects.filter(theme=theme)

    top = most_agreed(statements, count=10)
    assert all(true_share[s.pk] > threshold for s in top[:5])
    assert any(age_rank[s.pk] >= STATEMENTS // 2 for s in top)  # late ones get there too
    # Ranked by the number of agree votes, as before, the first five are all early ones.
    by_count = statements.order_by("-agree_count")[:5]
    assert all(age_rank[s.pk] < STATEMENTS // 5 for s in by_count)
    assert {s.pk for s in top[:5]} != {s.pk for s in by_count}

    # Nothing under 50 % and nothing in both lists, on this volume as on the small examples.
    contested = most_controversial(statements, count=STATEMENTS)
    assert all(s.agree_count > s.disagree_count for s in top)
    assert not {s.pk for s in most_agreed(statements, count=STATEMENTS)} & {s.pk for s in contested}
    assert all(s.agree_count + s.disagree_count >= 10 for s in contested)


def test_on_skewed_volume_the_theme_sort_ranks_by_the_same_measure(client, skewed_theme):
    theme, made = skewed_theme
    html = client.get(f"/themen/{theme.slug}/?sort=zustimmung").content.decode()
    expected = [s.text for s in Statement.objects.filter(theme=theme).order_by("-agreement")[:20]]
    positions = [html.index(text) for text in expected]
    assert positions == sorted(positions)


# --- the demo ----------------------------------------------------------------------------------


def test_no_demo_theme_lists_a_statement_under_half_agreement_as_most_agreed(client, db):
    import io
    import re

    from django.core.management import call_command

    from participation.models import Theme

    call_command("demo_data", force=True, stdout=io.StringIO())
    listed = 0
    for theme in Theme.objects.all():
        html = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
        agreed = html.split('id="zustimmung"')[1].split('id="umstritten"')[0]
        contested = html.split('id="umstritten"')[1].split('id="meinungsgruppen"')[0]
        shown = [int(p) for p in re.findall(r"(\d+) % Zustimmung</strong>", agreed)]
        assert all(percent > 50 for percent in shown), theme.slug
        summary = theme_summary(theme)
        assert all(s.agree_count > s.disagree_count for s in summary.most_agreed), theme.slug
        assert not {s.pk for s in summary.most_agreed} & {s.pk for s in summary.most_controversial}
        for statement in summary.most_agreed:
            assert statement.get_absolute_url() not in contested
        listed += len(shown)
    assert listed >= Theme.objects.count()  # the demo has agreed statements to show
    mobility = client.get("/beteiligung/themen/mobilitaet/ergebnisse/").content.decode()
    assert re.search(r"\d+ % Zustimmung</strong>", mobility.split('id="umstritten"')[0])
