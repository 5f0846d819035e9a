""" "Größte Einigkeit" of the opinion groups (issue 15, point 6): Polis's group-aware consensus
as Polis defines it (the product over the groups of (agree + 1) / (votes + 2)), named and
explained next to it; a group counts only where it cast the set minimum of votes on a
statement, else the statement is left out; the bars carry the statement's words."""

import random

import pytest
from django.utils import timezone

from auswertung import analysis
from auswertung.charts import first_words
from auswertung.models import AnalysisState, ThemeAnalysis
from auswertung.opinion_groups import opinion_groups, polis_consensus
from participation.models import Vote
from participation.votes import recount_votes
from tests import factories

pytestmark = pytest.mark.django_db

EXPLANATION = (
    "Gruppenübergreifende Zustimmung (nach Polis): die Wahrscheinlichkeit, dass jede Gruppe "
    "zustimmt, aus den Stimmen jeder Gruppe geschätzt."
)


def test_the_consensus_is_polis_product_on_a_hand_computed_example():
    # Two camps of 30 who split on statements 1 … 20 (one vote in ten at random); on
    # statement 99 six of camp A vote 5 agree and 1 disagree, six of camp B 2 agree,
    # 3 disagree and 1 neutral.
    rng = random.Random(1)
    camp_a, camp_b = list(range(1, 31)), list(range(101, 131))
    votes = [
        (
            person,
            statement,
            rng.choice(["agree", "disagree", "neutral"])
            if rng.random() < 0.1
            else "agree"
            if (person < 100) == (statement % 2 == 0)
            else "disagree",
        )
        for person in camp_a + camp_b
        for statement in range(1, 21)
    ]
    votes += [(p, 99, c) for p, c in zip(camp_a, ["agree"] * 5 + ["disagree"], strict=False)]
    votes += [
        (p, 99, c)
        for p, c in zip(camp_b, ["agree"] * 2 + ["disagree"] * 3 + ["neutral"], strict=False)
    ]
    result = opinion_groups(votes)
    assert {frozenset(g.members) for g in result.groups} == {frozenset(camp_a), frozenset(camp_b)}
    # (5 + 1) / (6 + 2) × (2 + 1) / (6 + 2) = 6/8 × 3/8 = 0.28125, in either group order.
    assert result.statement(99).consensus == pytest.approx(0.28125)
    assert polis_consensus([(5, 6), (2, 6)]) == pytest.approx(0.28125)
    # Not the geometric mean the site showed before (√0.28125 = 0.53).
    assert polis_consensus([(5, 6), (2, 6)]) != pytest.approx(0.28125**0.5)


def test_a_group_without_votes_counts_one_half_as_in_polis():
    assert polis_consensus([(4, 4), (0, 0)]) == pytest.approx(5 / 6 * 1 / 2)
    assert polis_consensus([]) is None


def display(*rows, k=2):
    """A stored run's display: rows of (statement id, [(agree, disagree, neutral) per group]);
    the stored consensus is the geometric mean, as runs before format version 2 hold it."""
    statements = []
    for statement_id, groups in rows:
        shares = [(a / (a + d + n) if a + d + n else None) for a, d, n in groups]
        product = polis_consensus((a, a + d + n) for a, d, n in groups)
        statements.append(
            [
                statement_id,
                sum(a + d + n for a, d, n in groups),
                sum(a for a, _d, _n in groups),
                sum(d for _a, d, _n in groups),
                sum(n for _a, _d, n in groups),
                product ** (1 / k),
                0.1,
                [[a, d, n, s] for (a, d, n), s in zip(groups, shares, strict=True)],
            ]
        )
    return {
        "status": "ok",
        "k": k,
        "silhouette": 0.5,
        "explained_variance": [0.4, 0.2],
        "excluded": 0,
        "min_votes": 3,
        "groups": [{"id": g, "size": 10, "centroid": [g - 0.5, 0.0]} for g in range(k)],
        "points": [[-1.0, 0.1, 0], [1.0, -0.1, 1]],
        "statements": statements,
    }


def stored_run(theme, display):
    return ThemeAnalysis.objects.create(
        theme=theme,
        state=AnalysisState.DONE,
        computed_at=timezone.now(),
        votes=100,
        participants=20,
        display=display,
        result={"version": 1},
    )


@pytest.fixture
def three_statements(theme):
    long_text = (
        "Busse und Stadtbahnen fahren 2030 in allen Stadtbezirken mindestens im "
        "10-Minuten-Takt, und an wichtigen Haltestellen stehen Leihräder für die letzte Meile."
    )
    return (
        factories.statement(theme, text=long_text),
        factories.statement(theme, text="Eine Gruppe hat kaum abgestimmt."),
        factories.statement(theme, text="Beide Gruppen sind sich mäßig einig."),
    )


def test_a_group_with_fewer_than_five_votes_leaves_the_statement_out(theme, three_statements):
    agreed, sparse, moderate = three_statements
    run = display(
        (agreed.pk, [(9, 1, 0), (8, 1, 1)]),
        (sparse.pk, [(3, 0, 0), (10, 0, 0)]),  # "100 % von 3" in group A
        (moderate.pk, [(6, 3, 1), (6, 2, 2)]),
    )
    consensus, _divisive = analysis.highlighted(run)
    assert consensus == [agreed.pk, moderate.pk]
    assert sparse.pk not in analysis.highlighted(run)[1]


def test_the_setting_changes_the_threshold(theme, three_statements, settings):
    agreed, sparse, moderate = three_statements
    run = display(
        (agreed.pk, [(9, 1, 0), (8, 1, 1)]),
        (sparse.pk, [(3, 0, 0), (10, 0, 0)]),
        (moderate.pk, [(6, 3, 1), (6, 2, 2)]),
    )
    settings.OPINION_GROUPS_MIN_GROUP_VOTES = 3
    # With three votes enough, the sparse statement's product (4/5 × 11/12) leads.
    assert analysis.highlighted(run)[0] == [sparse.pk, agreed.pk, moderate.pk]
    settings.OPINION_GROUPS_MIN_GROUP_VOTES = 10
    assert analysis.highlighted(run)[0] == [agreed.pk, moderate.pk]
    settings.OPINION_GROUPS_MIN_GROUP_VOTES = 11
    assert analysis.highlighted(run) == ([], [])


def test_a_statement_one_group_rejects_is_no_consensus(theme, three_statements):
    agreed, _sparse, moderate = three_statements
    run = display((agreed.pk, [(9, 1, 0), (8, 1, 1)]), (moderate.pk, [(9, 1, 0), (2, 7, 1)]))
    consensus, divisive = analysis.highlighted(run)
    assert consensus == [agreed.pk] and divisive == [moderate.pk]


def test_the_results_page_names_and_explains_the_figure_and_labels_bars_with_words(
    client, theme, three_statements
):
    agreed, sparse, moderate = three_statements
    stored_run(
        theme,
        display(
            (agreed.pk, [(9, 1, 0), (8, 1, 1)]),
            (sparse.pk, [(3, 0, 0), (10, 0, 0)]),
            (moderate.pk, [(6, 3, 1), (6, 2, 2)]),
        ),
    )
    html = client.get(f"/beteiligung/themen/{theme.slug}/ergebnisse/").content.decode()
    groups = html[html.index('id="meinungsgruppen"') :]
    assert EXPLANATION in groups
    assert "jede Gruppe mindestens 5 Stimmen abgegeben hat" in groups
    # The figure a stored run of format 1 held as a geometric mean (0.87) is shown as Polis's
    # product of its group counts: 10/12 × 9/12 = 62.5 %.
    assert "Gruppenübergreifende Zustimmung: 62 %" in groups
    # Each bar group carries the statement's first words; the table the whole text.
    label = first_words(agreed.text)
    assert label.endswith(" …") and len(label) <= 92
    assert f'<span lang="de">{label}</span>' in groups
    assert f'<span lang="de">{agreed.text}</span>' in groups
    assert "Eine Gruppe hat kaum abgestimmt." not in groups
    assert "100 % von 3" not in groups


def test_the_workbench_shows_the_figure_and_marks_groups_with_too_few_votes(
    client, strategist, theme, three_statements
):
    agreed, sparse, _moderate = three_statements
    stored_run(
        theme, display((agreed.pk, [(9, 1, 0), (8, 1, 1)]), (sparse.pk, [(3, 0, 0), (10, 0, 0)]))
    )
    page = client.get(f"/admin/werkbank/{theme.slug}/").content.decode()
    row = page[page.index(f'id="aussage-{sparse.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "100 % von 3 (zu wenige Stimmen)" in row
    assert "Gruppenübergreifende Zustimmung (nach Polis): 73 %" in row  # 4/5 × 11/12
    assert EXPLANATION in page


def test_a_fresh_run_stores_the_product_and_the_page_shows_the_same(
    client, theme, django_capture_on_commit_callbacks
):
    people = [factories.UserFactory() for _ in range(12)]
    items = [factories.statement(theme, text=f"Aussage {n} zum Verkehr") for n in range(6)]
    Vote.objects.bulk_create(
        Vote(
            statement=item,
            user=person,
            choice="agree" if s == 5 or (p % 2) == (s % 2) else "disagree",
        )
        for p, person in enumerate(people)
        for s, item in enumerate(items)
    )
    for item in items:
        recount_votes(item)
    with django_capture_on_commit_callbacks(execute=True):
        run, _ = analysis.request_analysis(theme)
    run.refresh_from_db()
    assert run.result["version"] == 2
    shared = analysis.statement_figures(run.display)[items[5].pk]
    stored = next(row for row in run.display["statements"] if row[0] == items[5].pk)
    assert stored[5] == pytest.approx(shared.consensus) == pytest.approx((7 / 8) ** 2)
    assert analysis.highlighted(run.display)[0] == [items[5].pk]
