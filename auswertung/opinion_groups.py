"""Opinion groups of a theme, as Polis forms them (issue #5, item 5).

From the agree / disagree / neutral votes on a theme's statements, participants who vote alike
are put into groups, and every statement gets the agreement per group, a consensus score
(all groups agree) and a divisiveness score (the groups differ).

The method, step by step (each step is a function of its own, so that `bench/opinion_groups`
can time it):

1. `build_matrix`: participants × statements, agree = +1, disagree = −1, neutral = 0. Only
   participants with at least `min_votes` votes are grouped; the others are reported as
   `excluded`, their votes still count in a statement's totals. A statement a participant did
   not vote on is filled in with the statement's mean vote (as Polis does), so a missing vote
   pulls nobody anywhere: the matrix holds vote − column mean for the votes cast and 0 for the
   rest, which is sparse and centred at the same time.
2. `project`: PCA of that matrix (exact, from the statements' Gram matrix, up to
   `GRAM_LIMIT` statements; a randomised truncated SVD of the sparse matrix beyond). A
   participant's projection is scaled by √(statements / own votes), as Polis does, so that
   someone with few votes is not pulled to the centre. The first two components are the
   chart's coordinates; k-means works on the first `max(2, max_groups)` components (k groups
   need k − 1 dimensions to be told apart).
3. `choose_groups`: k-means for k = 2 … `max_groups`, k with the best silhouette score wins
   (ties: the smaller k). Groups are numbered by size, largest first.
4. Per statement and group the agree / disagree / neutral counts and the agree share, then

   - consensus = Polis's "group-aware consensus" exactly as Polis computes it: the PRODUCT over
     the groups of (agree + 1) / (votes + 2), each group's agree share with a Laplace prior
     ("+1 acts as a dumb prior"), votes counting neutral ones too (Polis's S, "seen").
     compdemocracy/polis, math/src/polismath/math/conversation.clj, `:group-aware-consensus`
     (read at commit ef4f6669943b27d8ec7de0f65fcaadd023fd03fa): `(/ (+ A 1.0) (+ S 2.0))` per
     group, then `(reduce *)` over the groups; a group without votes on a statement counts
     1/2, as in Polis. 0..1: the estimated probability that every group agrees, high only if
     all do. (Before format version 2 this was the geometric mean, the product to the power
     1/k; `polis_consensus` gives the product from any stored run's group counts.)
   - divisiveness = (max − min) / 2 over the groups that voted on it of
     (agree − disagree) / (votes + 2), the smoothed net agreement. 0..1; near 1 if one group
     agrees and another disagrees, 0 if there are fewer than two such groups.

   Which statements the pages list as "Größte Einigkeit" and "Größte Spaltung" is decided
   when they are shown (zielbilder.analysis.highlighted): only statements every group cast
   at least `settings.OPINION_GROUPS_MIN_GROUP_VOTES` votes on.

Pure computation with numpy and scikit-learn; `votes_of_theme` reads the votes from the
database.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from scipy import sparse

AGREE, DISAGREE, NEUTRAL = "agree", "disagree", "neutral"
_CODES = {AGREE: 0, DISAGREE: 1, NEUTRAL: 2}
_VALUES = np.array([1.0, -1.0, 0.0])  # by code

# Up to this many statements the PCA is exact, from the statements × statements Gram matrix
# (300 statements: a few milliseconds); beyond, a randomised truncated SVD of the sparse
# matrix.
GRAM_LIMIT = 2_000
# The silhouette score costs participants²; beyond this many it is taken on a sample.
SILHOUETTE_SAMPLE = 5_000
KMEANS_RUNS = 10
# BLAS and OpenMP threads for the PCA and the k search. The matrices are small enough that
# more threads hardly help, and numpy's OpenBLAS, scipy's and scikit-learn's OpenMP spinning
# on the same cores slowed the 100,000-vote benchmark down by seconds (bench/opinion_groups).
# One thread also keeps a Celery worker from taking every core of the machine.
THREADS = 1

# OpinionGroups.status
OK = "ok"
ONE_GROUP = "one_group"  # everybody votes alike, or too few distinct participants for 2 groups
TOO_FEW_PARTICIPANTS = "too_few_participants"  # fewer than 2 with at least min_votes votes


@dataclass(frozen=True)
class Group:
    id: int  # 0, 1, … by size, largest first
    size: int
    members: tuple[int, ...]  # participant ids, ascending
    centroid: tuple[float, float]  # in the chart's coordinates


@dataclass(frozen=True)
class Participant:
    id: int
    x: float
    y: float
    group: int
    votes: int


@dataclass(frozen=True)
class GroupVotes:
    agree: int
    disagree: int
    neutral: int
    agree_share: float | None  # agree / votes of the group's members; None if none voted

    @property
    def votes(self) -> int:
        return self.agree + self.disagree + self.neutral


@dataclass(frozen=True)
class StatementResult:
    id: int
    votes: int  # all votes on it, of excluded participants too
    agree: int
    disagree: int
    neutral: int
    groups: tuple[GroupVotes, ...]  # in group order
    consensus: float | None  # 0..1, None without groups
    divisiveness: float | None  # 0..1, None without groups


@dataclass(frozen=True)
class OpinionGroups:
    status: str  # OK, ONE_GROUP or TOO_FEW_PARTICIPANTS
    k: int  # number of groups, 0 if there are none
    silhouette: float | None  # of the chosen k; None for fewer than 2 groups
    groups: tuple[Group, ...]
    participants: tuple[Participant, ...]  # the grouped ones, by id
    excluded: tuple[int, ...]  # participant ids with fewer than min_votes votes
    statements: tuple[StatementResult, ...]  # by id
    explained_variance: tuple[float, float]  # share of the variance shown by x and y
    min_votes: int
    seed: int

    def statement(self, statement_id: int) -> StatementResult:
        for result in self.statements:
            if result.id == statement_id:
                return result
        raise KeyError(statement_id)

    def group_of(self, participant_id: int) -> int | None:
        for participant in self.participants:
            if participant.id == participant_id:
                return participant.group
        return None

    def by_consensus(self) -> list[StatementResult]:
        return sorted(
            (s for s in self.statements if s.consensus is not None),
            key=lambda s: (-s.consensus, s.id),
        )

    def by_divisiveness(self) -> list[StatementResult]:
        return sorted(
            (s for s in self.statements if s.divisiveness is not None),
            key=lambda s: (-s.divisiveness, s.id),
        )

    # --- storing ---------------------------------------------------------------------------

    def to_json(self) -> dict:
        """A JSON-compatible dict (for a JSONField or json.dumps); compact lists per row."""
        return {
            # 2: consensus is Polis's product over the groups (1: its geometric mean).
            "version": 2,
            "status": self.status,
            "k": self.k,
            "silhouette": self.silhouette,
            "explained_variance": list(self.explained_variance),
            "min_votes": self.min_votes,
            "seed": self.seed,
            "excluded": list(self.excluded),
            "groups": [
                {
                    "id": g.id,
                    "size": g.size,
                    "members": list(g.members),
                    "centroid": list(g.centroid),
                }
                for g in self.groups
            ],
            # [id, x, y, group, votes]
            "participants": [[p.id, p.x, p.y, p.group, p.votes] for p in self.participants],
            # [id, votes, agree, disagree, neutral, consensus, divisiveness,
            #  [[agree, disagree, neutral, agree_share] per group]]
            "statements": [
                [
                    s.id,
                    s.votes,
                    s.agree,
                    s.disagree,
                    s.neutral,
                    s.consensus,
                    s.divisiveness,
                    [[g.agree, g.disagree, g.neutral, g.agree_share] for g in s.groups],
                ]
                for s in self.statements
            ],
        }

    @classmethod
    def from_json(cls, data: dict | str) -> OpinionGroups:
        if isinstance(data, str):
            data = json.loads(data)
        return cls(
            status=data["status"],
            k=data["k"],
            silhouette=data["silhouette"],
            groups=tuple(
                Group(
                    id=g["id"],
                    size=g["size"],
                    members=tuple(g["members"]),
                    centroid=tuple(g["centroid"]),
                )
                for g in data["groups"]
            ),
            participants=tuple(
                Participant(id=i, x=x, y=y, group=group, votes=votes)
                for i, x, y, group, votes in data["participants"]
            ),
            excluded=tuple(data["excluded"]),
            statements=tuple(
                StatementResult(
                    id=i,
                    votes=votes,
                    agree=agree,
                    disagree=disagree,
                    neutral=neutral,
                    consensus=consensus,
                    divisiveness=divisiveness,
                    groups=tuple(GroupVotes(*g) for g in groups),
                )
                for i, votes, agree, disagree, neutral, consensus, divisiveness, groups in data[
                    "statements"
                ]
            ),
            explained_variance=tuple(data["explained_variance"]),
            min_votes=data["min_votes"],
            seed=data["seed"],
        )


def polis_consensus(groups: Iterable[tuple[int, int]]) -> float | None:
    """Polis's group-aware consensus of one statement from (agree, votes) per group: the
    product of (agree + 1) / (votes + 2); None without groups. See the module's docstring."""
    product = None
    for agree, votes in groups:
        product = (1.0 if product is None else product) * ((agree + 1.0) / (votes + 2.0))
    return product


# --- step 1: the matrix ---------------------------------------------------------------------


@dataclass
class VoteMatrix:
    participant_ids: np.ndarray  # every participant, ascending
    statement_ids: np.ndarray  # every statement voted on, ascending
    participant: np.ndarray  # per vote: index into participant_ids
    statement: np.ndarray  # per vote: index into statement_ids
    choice: np.ndarray  # per vote: 0 agree, 1 disagree, 2 neutral
    votes_per_participant: np.ndarray  # per participant
    eligible: np.ndarray  # indices of the participants with at least min_votes votes
    matrix: sparse.csr_matrix  # eligible × statements: vote − statement mean, 0 if no vote


def build_matrix(votes: Iterable[tuple[int, int, str]], *, min_votes: int = 3) -> VoteMatrix:
    rows = votes if isinstance(votes, list) else list(votes)
    if rows:
        users, statements, choices = zip(*rows, strict=True)
    else:
        users, statements, choices = (), (), ()
    users = np.asarray(users, dtype=np.int64)
    statements = np.asarray(statements, dtype=np.int64)
    choices = np.asarray(choices, dtype=str)
    code = np.full(len(choices), -1, dtype=np.int8)
    for name, number in _CODES.items():
        code[choices == name] = number
    if (code < 0).any():
        raise ValueError(f"unknown vote choice: {choices[code < 0][0]!r}")

    participant_ids, participant = np.unique(users, return_inverse=True)
    statement_ids, statement = np.unique(statements, return_inverse=True)
    participant = participant.reshape(-1)
    statement = statement.reshape(-1)
    # One vote per participant and statement: the last one given wins.
    key = participant * max(len(statement_ids), 1) + statement
    _, last_reversed = np.unique(key[::-1], return_index=True)
    last = len(key) - 1 - last_reversed
    participant, statement, code = participant[last], statement[last], code[last]

    per_participant = np.bincount(participant, minlength=len(participant_ids))
    eligible = np.flatnonzero(per_participant >= min_votes)

    # Rows of the eligible participants only, renumbered 0 … n − 1.
    row_of = np.full(len(participant_ids), -1, dtype=np.int64)
    row_of[eligible] = np.arange(len(eligible))
    row = row_of[participant]
    counted = row >= 0
    value = _VALUES[code[counted]]
    column = statement[counted]
    n_statements = len(statement_ids)
    cast = np.bincount(column, minlength=n_statements)
    mean = np.bincount(column, weights=value, minlength=n_statements) / np.maximum(cast, 1)
    matrix = sparse.csr_matrix(
        (value - mean[column], (row[counted], column)), shape=(len(eligible), n_statements)
    )
    return VoteMatrix(
        participant_ids=participant_ids,
        statement_ids=statement_ids,
        participant=participant,
        statement=statement,
        choice=code,
        votes_per_participant=per_participant,
        eligible=eligible,
        matrix=matrix,
    )


# --- step 2: PCA ----------------------------------------------------------------------------


def project(
    votes: VoteMatrix, *, dimensions: int, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """(features for k-means, 2-D chart coordinates, explained variance of x and y)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=THREADS):
        return _project(votes, dimensions=dimensions, seed=seed)


def _project(
    votes: VoteMatrix, *, dimensions: int, seed: int
) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    matrix = votes.matrix
    n, m = matrix.shape
    dimensions = max(0, min(dimensions, n, m))
    total = float(matrix.multiply(matrix).sum()) if matrix.nnz else 0.0
    if dimensions == 0 or total <= 0:
        zeros = np.zeros((n, 2))
        return zeros, zeros, (0.0, 0.0)
    if m <= GRAM_LIMIT or min(n, m) <= 2 * dimensions:
        # Exact: eigenvectors of the statements × statements Gram matrix, from the sparse
        # matrix without ever making the participants × statements one dense.
        gram = (matrix.T @ matrix).toarray()
        eigenvalues, vectors = np.linalg.eigh(gram)
        top = np.argsort(eigenvalues)[::-1][:dimensions]
        s = np.sqrt(np.clip(eigenvalues[top], 0, None))
        vt = vectors[:, top].T
    else:
        from sklearn.utils.extmath import randomized_svd

        _, s, vt = randomized_svd(matrix, dimensions, n_oversamples=20, n_iter=7, random_state=seed)
    # Signs as a deterministic choice: each component's largest loading is positive.
    signs = np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])
    signs[signs == 0] = 1
    projection = np.asarray(matrix @ (vt * signs[:, None]).T)
    own_votes = votes.votes_per_participant[votes.eligible]
    projection *= np.sqrt(m / own_votes)[:, None]
    explained = s[:2] ** 2 / total
    coordinates = np.zeros((n, 2))
    shown = min(2, projection.shape[1])
    coordinates[:, :shown] = projection[:, :shown]
    explained = tuple(float(e) for e in np.pad(explained, (0, 2 - len(explained))))
    return projection, coordinates, explained


# --- step 3: k ------------------------------------------------------------------------------


def choose_groups(
    features: np.ndarray, *, max_groups: int = 5, seed: int = 0
) -> tuple[np.ndarray, int, float | None]:
    """(group per row, k, silhouette score). One group if no k ≥ 2 can be told apart."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=THREADS):
        return _choose_groups(features, max_groups=max_groups, seed=seed)


def _choose_groups(
    features: np.ndarray, *, max_groups: int, seed: int
) -> tuple[np.ndarray, int, float | None]:
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(features)
    distinct = len(np.unique(np.round(features, 9), axis=0)) if n else 0
    best: tuple[float, int, np.ndarray] | None = None
    for k in range(2, min(max_groups, distinct, n - 1) + 1):
        labels = KMeans(n_clusters=k, n_init=KMEANS_RUNS, random_state=seed).fit_predict(features)
        if len(np.unique(labels)) < 2:
            continue
        score = float(
            silhouette_score(
                features,
                labels,
                sample_size=SILHOUETTE_SAMPLE if n > SILHOUETTE_SAMPLE else None,
                random_state=seed,
            )
        )
        if best is None or score > best[0] + 1e-12:
            best = (score, k, labels)
    if best is None:
        return np.zeros(n, dtype=np.int64), 1, None
    score, _, labels = best
    # Number the groups by size, largest first; equal sizes by their first member.
    found = np.unique(labels)
    order = sorted(found, key=lambda g: (-int((labels == g).sum()), int(np.argmax(labels == g))))
    renumber = np.empty(int(found.max()) + 1, dtype=np.int64)
    renumber[order] = np.arange(len(order))
    return renumber[labels], len(order), score


# --- all together ---------------------------------------------------------------------------


def opinion_groups(
    votes: Iterable[tuple[int, int, str]],
    *,
    min_votes: int = 3,
    max_groups: int = 5,
    seed: int = 0,
) -> OpinionGroups:
    """Groups the participants of (participant id, statement id, choice) votes; see above."""
    data = build_matrix(votes, min_votes=min_votes)
    n = len(data.eligible)
    excluded = tuple(int(i) for i in data.participant_ids[data.votes_per_participant < min_votes])
    n_statements = len(data.statement_ids)
    totals = np.bincount(data.statement * 3 + data.choice, minlength=n_statements * 3).reshape(
        n_statements, 3
    )

    if n < 2:
        return OpinionGroups(
            status=TOO_FEW_PARTICIPANTS,
            k=0,
            silhouette=None,
            groups=(),
            participants=(),
            excluded=excluded,
            statements=tuple(
                StatementResult(
                    id=int(sid),
                    votes=int(t.sum()),
                    agree=int(t[0]),
                    disagree=int(t[1]),
                    neutral=int(t[2]),
                    groups=(),
                    consensus=None,
                    divisiveness=None,
                )
                for sid, t in zip(data.statement_ids, totals, strict=True)
            ),
            explained_variance=(0.0, 0.0),
            min_votes=min_votes,
            seed=seed,
        )

    features, coordinates, explained = project(data, dimensions=max(2, max_groups), seed=seed)
    labels, k, silhouette = choose_groups(features, max_groups=max_groups, seed=seed)

    # Per vote its voter's group (−1 for the excluded), then counts per group and statement.
    group_of = np.full(len(data.participant_ids), -1, dtype=np.int64)
    group_of[data.eligible] = labels
    group = group_of[data.participant]
    grouped = group >= 0
    counts = np.bincount(
        (group[grouped] * n_statements + data.statement[grouped]) * 3 + data.choice[grouped],
        minlength=k * n_statements * 3,
    ).reshape(k, n_statements, 3)
    agree, disagree = counts[..., 0], counts[..., 1]
    cast = counts.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(cast > 0, agree / cast, np.nan)
    consensus = ((agree + 1.0) / (cast + 2.0)).prod(axis=0)
    net = np.where(cast > 0, (agree - disagree) / (cast + 2), np.nan)
    voted_groups = (cast > 0).sum(axis=0)
    highest = np.where(cast > 0, net, -1.0).max(axis=0)
    lowest = np.where(cast > 0, net, 1.0).min(axis=0)
    divisiveness = np.where(voted_groups >= 2, (highest - lowest) / 2, 0.0)

    ids = data.participant_ids[data.eligible]
    own_votes = data.votes_per_participant[data.eligible]
    groups = []
    for g in range(k):
        members = np.flatnonzero(labels == g)
        centre = coordinates[members].mean(axis=0)
        groups.append(
            Group(
                id=g,
                size=len(members),
                members=tuple(int(i) for i in ids[members]),
                centroid=(float(centre[0]), float(centre[1])),
            )
        )
    participants = tuple(
        Participant(id=int(i), x=float(x), y=float(y), group=int(g), votes=int(v))
        for i, (x, y), g, v in zip(ids, coordinates, labels, own_votes, strict=True)
    )
    statements = tuple(
        StatementResult(
            id=int(data.statement_ids[j]),
            votes=int(totals[j].sum()),
            agree=int(totals[j, 0]),
            disagree=int(totals[j, 1]),
            neutral=int(totals[j, 2]),
            groups=tuple(
                GroupVotes(
                    agree=int(counts[g, j, 0]),
                    disagree=int(counts[g, j, 1]),
                    neutral=int(counts[g, j, 2]),
                    agree_share=None if math.isnan(share[g, j]) else float(share[g, j]),
                )
                for g in range(k)
            ),
            consensus=float(consensus[j]),
            divisiveness=float(divisiveness[j]),
        )
        for j in range(n_statements)
    )
    return OpinionGroups(
        status=OK if k >= 2 else ONE_GROUP,
        k=k,
        silhouette=silhouette,
        groups=tuple(groups),
        participants=participants,
        excluded=excluded,
        statements=statements,
        explained_variance=explained,
        min_votes=min_votes,
        seed=seed,
    )


def votes_of_theme(theme_id: int) -> Iterator[tuple[int, int, str]]:
    """(participant id, statement id, choice) of every vote on the theme's published
    statements, in one query read in chunks. A deleted account keeps its row and its votes
    stay grouped under its number (accounts.deletion); votes without any account (data from
    before that) are left out: they are nobody's to group."""
    # Imported here: everything above runs without Django (bench/opinion_groups).
    from participation.models import StatementState, Vote

    yield from (
        Vote.objects.filter(
            statement__theme_id=theme_id,
            statement__state=StatementState.PUBLISHED,
            user__isnull=False,
        )
        .values_list("user_id", "statement_id", "choice")
        .iterator(chunk_size=10_000)
    )
