"""Similar statements (`auswertung.similarity`): which pairs of statements are offered to the
strategy team to merge. Pure computation, no database."""

import random

import pytest

from auswertung import similarity as module
from auswertung.similarity import SIMILARITY_THRESHOLD, SimilarPair, similar_pairs
from auswertung.stopwords_de import GERMAN_STOP_WORDS

# Statements on Mobilität as citizens write them. Three pairs say the same in other words;
# the rest share a subject, a place or a word with one of them but make another demand.
MOBILITAET = {
    1: "Mehr sichere Radwege in der Innenstadt, getrennt vom Autoverkehr.",
    2: "Busse sollen nachts öfter fahren, auch am Wochenende.",
    3: "Tempo 30 vor allen Schulen und Kitas einführen",
    4: "Fahrradstraßen in der Weststadt ausweisen",
    5: "Die Parkgebühren in der Innenstadt deutlich erhöhen",
    6: "Die Buslinie 12 sollte tagsüber im 10-Minuten-Takt fahren.",
    7: "Sichere, vom Autoverkehr getrennte Radwege für die Innenstadt!",
    8: "Barrierefreie Haltestellen für Rollstuhlfahrer und Kinderwagen",
    9: "Vor Schulen und Kitas sollte überall Tempo 30 gelten.",
    10: "Ein günstiges Jahresticket für Bus und Bahn",
    11: "Weniger Durchgangsverkehr in den Wohngebieten",
    12: "Buslinie 12 tagsüber bitte alle 10 Minuten fahren lassen",
    13: "Zebrastreifen vor der Grundschule am Marktplatz",
    14: "Tempo 30 in der ganzen Stadt",
}
PLANTED = {(1, 7), (3, 9), (6, 12)}


def score(first: str, second: str) -> float | None:
    """The score of two statements on their own, None if they are not paired."""
    pairs = similar_pairs([(1, first), (2, second)])
    return pairs[0].score if pairs else None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mehr sichere Radwege in der Innenstadt", "Sichere Radwege für die Innenstadt"),
        ("Sicherer Radweg zur Schule", "Sichere Radwege zu den Schulen"),
        ("Mehr Fahrradstraßen", "Eine Fahrradstraße bitte"),
        (
            "Fahrradstraßen in der Weststadt ausweisen",
            "In der Weststadt eine Fahrradstraße einrichten",
        ),
        (
            "Die Straßenbahn soll bis zum Hauptbahnhof fahren",
            "Straßenbahnlinie zum Hauptbahnhof verlängern",
        ),
    ],
)
def test_rewordings_with_other_inflections_and_compounds_are_paired(first, second):
    assert score(first, second) >= SIMILARITY_THRESHOLD


def test_statements_on_different_things_are_not_paired():
    assert score("Mehr Bäume in der Nordstadt pflanzen", "Busse sollen nachts öfter fahren") is None


def test_shared_stop_words_do_not_make_statements_similar(monkeypatch):
    kita = "Die der und für mit auch noch: Kita"
    parkhaus = "Die der und für mit auch noch: Parkhaus"
    assert score(kita, parkhaus) is None
    # It is the list that keeps them apart: without it the shared words pair them.
    monkeypatch.setattr(module, "_STOP_WORDS", frozenset())
    assert score(kita, parkhaus) >= SIMILARITY_THRESHOLD


def test_the_stop_word_list_has_the_german_function_words():
    assert {"für", "über", "daß", "dass", "müssen", "können", "würde", "auch", "mehr"} <= (
        GERMAN_STOP_WORDS
    )
    assert all(word == word.lower() for word in GERMAN_STOP_WORDS)
    # Negations decide what a statement demands, so they are not stop words.
    assert not {"nicht", "kein", "keine", "ohne"} & GERMAN_STOP_WORDS


def test_a_negation_keeps_statements_from_being_identical():
    # Still offered as a pair: the team decides, and TF-IDF cannot tell one side from the other.
    assert score("Keine Autos in der Altstadt", "Autos in der Altstadt") < 1.0


def test_statements_that_are_the_same_after_normalisation_score_1():
    assert score("Mehr Radwege!", "mehr   RADWEGE") == 1.0
    assert score("Sichere Radwege in der Innenstadt", "Sichere Radwege für die Innenstadt") == 1.0
    assert score("Fahrradstraße an der Schule", "FAHRRADSTRASSE an der Schule") == 1.0
    # An umlaut typed as a + combining diaeresis, as some keyboards send it.
    assert score("Grüne Welle für Radfahrer", "Gru\u0308ne Welle fu\u0308r Radfahrer") == 1.0


def test_statements_of_stop_words_only_are_left_out():
    assert similar_pairs([(1, "Und die auch noch?"), (2, "und die auch noch")]) == []
    assert similar_pairs([(1, "Mehr Radwege"), (2, "   "), (3, ""), (4, "mehr Radwege")]) == [
        SimilarPair(1, 4, 1.0)
    ]


@pytest.mark.parametrize("statements", [[], [(1, "Mehr Radwege")], [(1, "Mehr"), (2, "Radwege")]])
def test_fewer_than_two_statements_give_no_pairs(statements):
    assert similar_pairs(statements) == []


def test_the_mobilitaet_statements_give_exactly_the_planted_pairs():
    pairs = similar_pairs(MOBILITAET.items())
    assert {(p.first, p.second) for p in pairs} == PLANTED


def test_the_threshold_lies_in_the_gap_with_a_margin():
    # Planted pairs scored 0.551, 0.841 and 0.942, the best other pair 0.243 ("Tempo 30 vor
    # allen Schulen …" against "Tempo 30 in der ganzen Stadt").
    everything = similar_pairs(MOBILITAET.items(), threshold=0.001, limit=1000)
    planted = [p.score for p in everything if (p.first, p.second) in PLANTED]
    others = [p.score for p in everything if (p.first, p.second) not in PLANTED]
    assert len(planted) == 3
    assert min(planted) >= SIMILARITY_THRESHOLD + 0.1
    assert max(others) <= SIMILARITY_THRESHOLD - 0.2


def test_pairs_come_best_first_then_by_ids_and_at_most_limit():
    statements = [(100 + i, text) for i, text in MOBILITAET.items()] + [
        (5, "Radwege ausbauen"),
        (1, "Radwege ausbauen"),
        (3, "Radwege ausbauen"),
    ]
    pairs = similar_pairs(statements, threshold=0.01, limit=1000)
    assert pairs[:3] == [SimilarPair(1, 3, 1.0), SimilarPair(1, 5, 1.0), SimilarPair(3, 5, 1.0)]
    keys = [(-p.score, p.first, p.second) for p in pairs]
    assert keys == sorted(keys)
    assert all(p.first < p.second for p in pairs)
    assert all(0 < p.score <= 1 and p.score == round(p.score, 3) for p in pairs)
    assert similar_pairs(statements, threshold=0.01, limit=4) == pairs[:4]
    assert similar_pairs(statements, limit=0) == []


def test_the_result_does_not_depend_on_the_order_of_the_statements():
    statements = list(MOBILITAET.items())
    expected = similar_pairs(statements, threshold=0.05)
    for seed in range(3):
        random.Random(seed).shuffle(statements)
        assert similar_pairs(statements, threshold=0.05) == expected


def test_beyond_max_statements_only_the_newest_are_compared(monkeypatch):
    statements = [
        (1, "Mehr Radwege"),
        (2, "Mehr Radwege"),
        (3, "Busse öfter fahren lassen"),
        (4, "Busse öfter fahren lassen"),
        (5, "Tempo 30"),
    ]
    assert [(p.first, p.second) for p in similar_pairs(statements)] == [(1, 2), (3, 4)]
    monkeypatch.setattr(module, "MAX_STATEMENTS", 3)
    assert [(p.first, p.second) for p in similar_pairs(statements)] == [(3, 4)]
    # Statements without content do not take a place among the newest.
    assert similar_pairs([*statements, (6, "und auch noch")]) == [SimilarPair(3, 4, 1.0)]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        similar_pairs([(1, "a"), (2, "b")], threshold=0)
    with pytest.raises(ValueError):
        similar_pairs([(1, "a"), (2, "b")], threshold=1.5)
    with pytest.raises(ValueError, match="twice"):
        similar_pairs([(1, "Radwege"), (1, "Busse")])


SUBJECTS = [
    "Radwege",
    "Busse",
    "Straßenbahnen",
    "Parkplätze",
    "Gehwege",
    "Ampeln",
    "Haltestellen",
    "Fahrradständer",
    "Zebrastreifen",
    "Ladesäulen",
    "Carsharing-Stationen",
    "Nachtbusse",
    "Spielstraßen",
    "Bänke",
    "Lastenräder",
]
ADJECTIVES = [
    "sichere",
    "breitere",
    "bessere",
    "günstigere",
    "barrierefreie",
    "beleuchtete",
    "neue",
    "leisere",
]
PLACES = (
    "in der Innenstadt",
    "in der Nordstadt",
    "am Hauptbahnhof",
    "vor den Schulen",
    "im Neubaugebiet",
    "an der Ringstraße",
    "am Marktplatz",
    "beim Klinikum",
)
VERBS = [
    "ausbauen",
    "schaffen",
    "planen",
    "fördern",
    "einrichten",
    "verbessern",
    "sanieren",
    "erweitern",
]


def generated(n, seed=7):
    rng = random.Random(seed)
    return [
        (
            i,
            f"{rng.choice(('Mehr', 'Bitte', 'Wir brauchen'))} {rng.choice(ADJECTIVES)} "
            f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(VERBS)} (Nr. {i})",
        )
        for i in range(1, n + 1)
    ]


def test_three_thousand_statements_are_compared():
    pairs = similar_pairs(generated(3_000), limit=50)
    assert 0 < len(pairs) <= 50
    assert all(p.first < p.second and p.score >= SIMILARITY_THRESHOLD for p in pairs)
