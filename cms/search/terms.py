"""What a search query means: its words, their German stems, and the full-text queries.

Only letters and digits count. Punctuation, quotes and brackets find nothing in a full-text
index, and they are syntax to PostgreSQL's to_tsquery and SQLite's FTS5 (a query like `">`
once answered with a database error), so they are never passed on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from .stopwords import STOP_WORDS

MAX_QUERY_LENGTH = 200
# More words only narrow the search further; each one costs an index lookup.
MAX_WORDS = 8
# Words at least this long also find the compounds they begin ("Radweg" → "Radwegenetz");
# shorter ones would find too much ("Bus" → "Business").
PREFIX_FROM = 4

WORD = re.compile(r"[^\W_]+")
# The endings of German inflection, longest first: enough to find "Radwege" with "Radweg" and
# "Ladepunkt" with "Ladepunkte" where PostgreSQL's Snowball stemmer is not at hand (SQLite),
# and to mark the words a result was found by.
ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s")
SHORTEST_STEM = 3


UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# What a folded letter stands for in a text: "baum" finds "Bäume", as Snowball's stem does.
SPELLINGS = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


def german_stem(word: str) -> str:
    """`word` in lower case, its umlauts folded and its inflection ending removed, as
    PostgreSQL's German stemmer does it in the large: "Ladepunkte" → "ladepunkt", "Bäume" →
    "baum"."""
    word = word.lower().translate(UMLAUTS)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Terms:
    """The words of a query; empty when it has none worth searching for."""

    text: str
    words: tuple[str, ...]
    # Words left out because they occur in nearly every text ("und", "die").
    stop_words: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Terms:
        text = " ".join(text.split())
        words: list[str] = []
        stop_words: list[str] = []
        seen: set[str] = set()
        for word in WORD.findall(text):
            lowered = word.lower()
            if lowered in seen:
                continue
            seen.add(lowered)
            if lowered in STOP_WORDS:
                stop_words.append(word)
            # A single letter says nothing (the "E" of "E-Autos"); a single digit may.
            elif len(word) >= 2 or word.isdigit():
                words.append(word)
        return cls(text=text, words=tuple(words[:MAX_WORDS]), stop_words=tuple(stop_words))

    def __bool__(self) -> bool:
        return bool(self.words)

    @cached_property
    def stems(self) -> tuple[str, ...]:
        return tuple(german_stem(word) for word in self.words)

    # --- PostgreSQL ------------------------------------------------------------------------

    @cached_property
    def tsquery(self) -> str:
        """For to_tsquery('german', …): every word, stemmed; long words also as the start of a
        compound. The words are letters and digits only, so the syntax is safe; a stop word
        drops out of the query rather than failing it."""
        parts = [f"{word}:*" if len(word) >= PREFIX_FROM else word for word in self.words]
        return " & ".join(parts)

    @cached_property
    def plain(self) -> str:
        """For plainto_tsquery('german', …): the words themselves, what ranks a whole word
        above a compound."""
        return " ".join(self.words)

    # --- Everywhere else -------------------------------------------------------------------

    def patterns(self) -> list[str]:
        """Per word, a regular expression for the words it finds where PostgreSQL is not at
        hand (SQLite): a long word's stem at the start of a word, a short word inflected."""
        endings = "|".join(ENDINGS)
        return [
            rf"(?i)\b{_spelled(stem)}"
            if len(word) >= PREFIX_FROM
            else rf"(?i)\b{_spelled(stem)}(?:{endings})?\b"
            for word, stem in zip(self.words, self.stems, strict=True)
        ]

    def matches(self, token: str) -> float:
        """1 when `token` is an inflected form of a query word, 0.5 when it is a compound
        that begins with a long one, else 0."""
        folded = token.lower().translate(UMLAUTS)
        stem_of_token = german_stem(folded)
        best = 0.0
        for word, stem in zip(self.words, self.stems, strict=True):
            if stem_of_token == stem:
                return 1.0
            if len(word) >= PREFIX_FROM and folded.startswith(stem):
                best = 0.5
        return best

    def score(self, *texts: str) -> float:
        """How well texts match, for ranking where PostgreSQL's ts_rank is not at hand: each
        matching word counts, an earlier text (a title) twice as much as a later one, and
        long texts are damped as ts_rank's normalisation 1 does."""
        total = 0.0
        for weight, text in zip((2.0, 1.0, 1.0, 1.0), texts, strict=False):
            tokens = WORD.findall(text or "")
            if not tokens:
                continue
            found = sum(self.matches(token) for token in tokens)
            total += weight * found / (1 + math.log(len(tokens)))
        return total


def _spelled(stem: str) -> str:
    """A folded stem as a pattern for the ways a text spells it: "strass" → str[aä](?:ss|ß)."""
    pattern = re.escape(stem).replace("ss", "(?:ss|ß)")
    return "".join(SPELLINGS.get(char, char) for char in pattern)
