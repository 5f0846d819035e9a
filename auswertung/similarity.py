"""Similar statements of a theme, offered to the strategy team as pairs to merge.

A statement is casefolded ("Straße" = "Strasse"), cut into words and stripped of German stop
words (`stopwords_de`), which would make any two sentences look alike. The rest is weighted by
TF-IDF over character 3- to 5-grams within words, so that inflections and compounds ("Radwege"
/ "Radweg", "Fahrradstraßen" / "Fahrradstraße") share most n-grams while n-grams that half the
theme uses weigh little; a pair scores the cosine of its two vectors. The threshold 0.45 is set
on the Mobilität statements in tests/zielbilder/test_similarity.py: rewordings score 0.55 to
0.94, other pairs 0.25 at most. It leans to a pair too many, since the team decides and a missed
duplicate is never shown; nor can a bag of words tell "mehr" from "weniger Parkplätze" (0.78).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .stopwords_de import GERMAN_STOP_WORDS

SIMILARITY_THRESHOLD = 0.45
# The similarity matrix grows with the square of the statements: 5,000 are 12.5 million pairs,
# about 1.5 s for short statements, 20–30 s if every one has 1,000 characters. A larger theme
# compares only its newest MAX_STATEMENTS (highest ids): the older ones met while it was smaller.
MAX_STATEMENTS = 5_000
# Entries of the similarity matrix computed at once. Statements share common n-grams ("en "),
# so a block of rows is nearly dense: 2,000,000 entries take a few tens of MB.
_BLOCK_ENTRIES = 2_000_000
_SCORE_DIGITS = 3

# The texts are casefolded before the look-up, so the list's "daß" and "muß" must be too.
_STOP_WORDS = frozenset(word.casefold() for word in GERMAN_STOP_WORDS)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SimilarPair:
    first: int  # statement id, first < second
    second: int
    score: float  # cosine similarity 0..1, rounded to 3 places


def similar_pairs(
    statements: Iterable[tuple[int, str]],
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    limit: int = 100,
) -> list[SimilarPair]:
    """The pairs of statements (id, text) that score at least `threshold`, best first (ties
    by ids), at most `limit` of them. Statements without a word beyond stop words are left
    out; of more than MAX_STATEMENTS the newest (highest ids) are compared."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    texts: dict[int, str] = {}
    for statement_id, text in statements:
        if statement_id in texts:
            raise ValueError(f"statement {statement_id} given twice")
        texts[statement_id] = normalise(text or "")
    # Sorted by id, so that the order given changes nothing, not even the last digit of a
    # score: the float sums always run in the same order.
    ids = sorted(i for i, text in texts.items() if text)[-MAX_STATEMENTS:]
    if len(ids) < 2 or limit <= 0:
        return []

    # Imported here: scikit-learn takes seconds to import, which every web and worker
    # process would otherwise pay when it starts (the admin's hooks import this module).
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        lowercase=False,  # done by normalise, with casefold
        # A word said three times ("Radwege, Radwege, Radwege!") should not decide alone.
        sublinear_tf=True,
        dtype=np.float64,
    )
    vectors = vectorizer.fit_transform([texts[i] for i in ids])  # rows L2-normalised
    columns = vectors.T.tocsc()

    n = len(ids)
    step = max(1, _BLOCK_ENTRIES // n)
    best = (np.empty(0), np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
    for start in range(0, n, step):
        # Only the columns from `start` on: the pairs left of them came in an earlier block.
        block = (vectors[start : start + step] @ columns[:, start:]).tocoo()
        rows = block.row.astype(np.int64) + start
        cols = block.col.astype(np.int64) + start
        keep = (rows < cols) & (block.data >= threshold)
        scores = np.minimum(np.round(block.data[keep], _SCORE_DIGITS), 1.0)
        best = _top(
            np.concatenate((best[0], scores)),
            np.concatenate((best[1], rows[keep])),
            np.concatenate((best[2], cols[keep])),
            limit,
        )
    return [
        SimilarPair(first=ids[i], second=ids[j], score=float(s))
        for s, i, j in zip(*best, strict=True)
    ]


def normalise(text: str) -> str:
    """The words of a text that carry content, casefolded, separated by single spaces."""
    # NFKC first: an umlaut typed as "a" + combining diaeresis would otherwise split the word,
    # since \w does not match the combining mark.
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return " ".join(word for word in words if word not in _STOP_WORDS)


def _top(scores, rows, cols, limit):
    # Rows and columns are positions in the id-sorted list, so sorting by them sorts by id.
    order = np.lexsort((cols, rows, -scores))[:limit]
    return scores[order], rows[order], cols[order]
