"""Opinion groups (issue #5, item 5): participants who vote alike form a group, and every
statement gets the agreement per group, a consensus and a divisiveness score.

Most tests plant known groups in generated votes and check that the computation finds them;
only the last one needs the database.
"""

import json
import random

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from auswertung import opinion_groups as module
from auswertung.opinion_groups import (
    ONE_GROUP,
    TOO_FEW_PARTICIPANTS,
    OpinionGroups,
    opinion_groups,
    votes_of_theme,
)
from tests import factories

CHOICES = ("agree", "disagree", "neutral")
CONSENSUS = 1  # every group agrees
SPLIT = 2  # group 0 agrees, groups 1 and 2 disagree


def planted(*, per_group=60, statements=40, noise=0.1, turnout=0.85, seed=1):
    """3 × 60 participants over 40 statements; each group has its own view of a statement.

    Statement 1: all groups agree. Statement 2: group 0 agrees, the others disagree. Every
    other statement leans agree or disagree, and one or two groups are neutral on it instead,
    so that the groups differ on it but less than on statement 2. Each participant votes on
    about 85 % of the statements, giving the group's view or, with 10 % probability, a choice
    drawn at random. Returns the votes and the planted group of every participant.
    """
    rng = random.Random(seed)
    views = {CONSENSUS: ("agree",) * 3, SPLIT: ("agree", "disagree", "disagree")}
    for statement in range(3, statements + 1):
        lean = rng.choice(("agree", "disagree"))
        neutral = rng.sample(range(3), rng.choice((1, 2)))
        views[statement] = tuple("neutral" if g in neutral else lean for g in range(3))
    votes, group_of = [], {}
    participant = 100
    for group in range(3):
        for _ in range(per_group):
            participant += 1
            group_of[participant] = group
            for statement, view in views.items():
                if rng.random() < turnout:
                    choice = rng.choice(CHOICES) if rng.random() < noise else view[group]
                    votes.append((participant, statement, choice))
    return votes, group_of


def recovered(result, group_of):
    ids = sorted(group_of)
    return adjusted_rand_score([group_of[i] for i in ids], [result.group_of(i) for i in ids])


def test_planted_groups_are_recovered():
    votes, group_of = planted()

    result = opinion_groups(votes)

    assert result.status == "ok"
    assert result.k == 3
    assert result.silhouette > 0.3
    assert recovered(result, group_of) >= 0.9
    assert sorted(g.size for g in result.groups) == pytest.approx([60, 60, 60], abs=3)
    assert [g.size for g in result.groups] == sorted((g.size for g in result.groups), reverse=True)
    assert sum(g.size for g in result.groups) == len(result.participants) == 180


def test_the_sparse_path_finds_the_same_groups(monkeypatch):
    """Beyond GRAM_LIMIT statements the PCA is a randomised SVD of the sparse matrix."""
    votes, group_of = planted(per_group=150, statements=60)
    monkeypatch.setattr(module, "GRAM_LIMIT", 0)

    result = opinion_groups(votes)

    assert result.k == 3
    assert recovered(result, group_of) >= 0.9


def test_every_participant_has_chart_coordinates_near_their_group():
    votes, _ = planted()

    result = opinion_groups(votes)

    centroids = np.array([g.centroid for g in result.groups])
    for participant in result.participants:
        distances = np.linalg.norm(centroids - [participant.x, participant.y], axis=1)
        assert participant.group in np.argsort(distances)[:2]
    assert 0 < sum(result.explained_variance) <= 1


def test_agreement_per_group_is_counted_from_the_members_votes():
    votes, group_of = planted()
    result = opinion_groups(votes)

    split = result.statement(SPLIT)
    for group in result.groups:
        members = set(group.members)
        mine = [c for p, s, c in votes if s == SPLIT and p in members]
        counted = split.groups[group.id]
        assert (counted.agree, counted.disagree, counted.neutral) == (
            mine.count("agree"),
            mine.count("disagree"),
            mine.count("neutral"),
        )
        assert counted.agree_share == pytest.approx(mine.count("agree") / len(mine))
    assert split.votes == sum(1 for _, s, _ in votes if s == SPLIT)
    assert split.agree + split.disagree + split.neutral == split.votes


def test_a_statement_all_groups_agree_on_has_the_highest_consensus_and_little_division():
    votes, _ = planted()

    result = opinion_groups(votes)

    consensus = result.statement(CONSENSUS)
    assert result.by_consensus()[0].id == CONSENSUS
    assert consensus.consensus > 0.75
    assert all(g.agree_share > 0.8 for g in consensus.groups)
    assert consensus.divisiveness < 0.15
    assert all(0 <= s.consensus <= 1 and 0 <= s.divisiveness <= 1 for s in result.statements)


def test_a_statement_the_groups_split_on_is_the_most_divisive():
    votes, group_of = planted()

    result = opinion_groups(votes)

    split = result.statement(SPLIT)
    assert result.by_divisiveness()[0].id == SPLIT
    assert split.divisiveness > 0.6
    assert split.consensus < result.statement(CONSENSUS).consensus / 2
    agreeing = result.group_of(next(p for p, g in group_of.items() if g == 0))
    assert split.groups[agreeing].agree_share > 0.8
    assert all(g.agree_share < 0.2 for i, g in enumerate(split.groups) if i != agreeing)


def test_participants_with_fewer_than_min_votes_are_left_out_and_reported():
    votes, _ = planted()
    votes += [(1, 1, "agree"), (1, 2, "disagree"), (2, 3, "neutral")]

    result = opinion_groups(votes, min_votes=3)

    assert result.excluded == (1, 2)
    assert result.group_of(1) is None and result.group_of(2) is None
    assert len(result.participants) == 180
    # Their votes still count in the statements' totals, not in any group's.
    consensus = result.statement(CONSENSUS)
    assert consensus.votes == sum(1 for _, s, _ in votes if s == CONSENSUS)
    assert sum(g.votes for g in consensus.groups) == consensus.votes - 1


def test_fewer_than_two_participants_with_enough_votes_give_no_groups():
    for votes in (
        [],
        [(1, 1, "agree"), (1, 2, "agree"), (1, 3, "disagree"), (2, 1, "agree")],
    ):
        result = opinion_groups(votes)

        assert result.status == TOO_FEW_PARTICIPANTS
        assert result.k == 0 and result.groups == () and result.participants == ()
        assert result.silhouette is None
        assert all(s.consensus is None and s.groups == () for s in result.statements)
    assert result.excluded == (2,)
    assert result.statement(1).votes == 2


def test_participants_who_all_vote_alike_form_one_group():
    votes = [(p, s, "agree" if s % 2 else "disagree") for p in range(1, 21) for s in range(1, 9)]

    result = opinion_groups(votes)

    assert result.status == ONE_GROUP
    assert result.k == 1 and result.silhouette is None
    assert result.groups[0].members == tuple(range(1, 21))
    assert result.statement(1).consensus == pytest.approx(21 / 22)
    assert result.statement(1).divisiveness == 0


def test_a_statement_nobody_in_a_group_voted_on():
    votes, _ = planted()
    members = opinion_groups(votes).groups[0].members
    # Unanimous votes move nobody in the chart: the groups stay as they were.
    votes += [(p, 99, "agree") for p in members]

    result = opinion_groups(votes)

    assert result.groups[0].members == members
    statement = result.statement(99)
    assert statement.groups[0].agree_share == 1
    assert all(g.votes == 0 and g.agree_share is None for g in statement.groups[1:])
    assert 0 < statement.consensus < 1
    # Only one group voted on it: nothing to compare, so not divisive.
    assert statement.divisiveness == 0


def test_the_same_votes_and_seed_give_the_same_result_in_any_order():
    votes, _ = planted()
    shuffled = votes[:]
    random.Random(7).shuffle(shuffled)

    first = opinion_groups(votes, seed=3)

    assert opinion_groups(votes, seed=3) == first
    assert opinion_groups(iter(shuffled), seed=3) == first


def test_a_changed_vote_counts_once_the_last_one_wins():
    votes = [(p, s, "agree") for p in (1, 2, 3) for s in (1, 2, 3)]
    votes.append((1, 1, "disagree"))

    result = opinion_groups(votes)

    assert result.statement(1).votes == 3
    assert (result.statement(1).agree, result.statement(1).disagree) == (2, 1)


def test_an_unknown_choice_is_an_error():
    with pytest.raises(ValueError, match="maybe"):
        opinion_groups([(1, 1, "maybe")])


def test_the_result_survives_a_json_round_trip():
    votes, _ = planted()
    votes += [(1, 1, "agree")]
    result = opinion_groups(votes)

    stored = json.dumps(result.to_json())

    assert OpinionGroups.from_json(json.loads(stored)) == result
    assert OpinionGroups.from_json(stored) == result
    empty = opinion_groups([])
    assert OpinionGroups.from_json(json.dumps(empty.to_json())) == empty


@pytest.mark.django_db
def test_votes_of_theme_reads_the_votes_on_its_published_statements(process):
    from participation.models import Vote

    theme = factories.theme_page("Mobilität").theme
    other_theme = factories.theme_page("Wohnen").theme
    published = [factories.statement(theme) for _ in range(2)]
    draft = factories.statement(theme, state="draft")
    withdrawn = factories.statement(theme, state="withdrawn")
    elsewhere = factories.statement(other_theme)
    alice, bob = factories.UserFactory(), factories.UserFactory()
    for statement in [*published, draft, withdrawn, elsewhere]:
        Vote.objects.create(statement=statement, user=alice, choice="agree")
    Vote.objects.create(statement=published[0], user=bob, choice="neutral")
    Vote.objects.create(statement=published[1], user=bob, choice="disagree")

    votes = sorted(votes_of_theme(theme.pk))

    assert votes == sorted(
        [
            (alice.pk, published[0].pk, "agree"),
            (alice.pk, published[1].pk, "agree"),
            (bob.pk, published[0].pk, "neutral"),
            (bob.pk, published[1].pk, "disagree"),
        ]
    )
