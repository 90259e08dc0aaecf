"""Behaviour of the CEFR word level: list look-up, model estimates, the cefrpy gate, input checks."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pytest

from vocabsphere.core.levels import (
    UPOS_TAGS,
    WordLevel,
    assess_word,
    level_of_score,
    word_level,
    word_level_score,
)
from vocabsphere.core.levels.cefr import LEVELS
from vocabsphere.core.levels.cefrpy_feature import cefrpy_levels, cefrpy_table
from vocabsphere.core.levels.word_features import Lexicon, count_syllables, word_features, zipf
from vocabsphere.core.levels.word_level import estimate, load_lexicon, load_model, score_features

# Derived words absent from the list, with an easier listed base (checked in the test).
DERIVED = [
    ("unkindness", "NOUN", "kindness"),
    ("reusable", "ADJ", "use"),
    ("teachable", "ADJ", "teach"),
    ("rethink", "VERB", "think"),
    ("reopen", "VERB", "open"),
    ("cheaply", "ADV", "cheap"),
    ("helpfulness", "NOUN", "helpful"),
    ("uncomfortably", "ADV", "uncomfortable"),
]


def _index(level: str) -> int:
    return LEVELS.index(level) + 1


def test_every_listed_word_gets_its_list_level() -> None:
    lexicon = load_lexicon()
    for word, senses in lexicon.entries.items():
        for upos, level in senses.items():
            assert assess_word(word, upos) == WordLevel(LEVELS[level - 1], float(level), "list")


def test_senses_of_another_pos_are_kept_apart() -> None:
    # The data README's own example: house is A1 as a noun, C1 as a verb.
    assert word_level("house", "NOUN") == "A1"
    assert word_level("house", "VERB") == "C1"


def test_lexicon_takes_lowest_sense_and_falls_back_to_any_pos() -> None:
    lexicon = Lexicon.from_triples([("run", "VERB", 3), ("run", "VERB", 1), ("run", "NOUN", 2)])
    assert lexicon.level("run", "VERB") == 1
    assert lexicon.level("Run", "ADJ") == 1
    assert lexicon.level("run", "ADJ", strict=True) is None
    assert lexicon.level("walk", "VERB") is None


@pytest.mark.parametrize(("word", "upos", "base"), DERIVED)
def test_unknown_derived_word_stays_near_its_base(word: str, upos: str, base: str) -> None:
    lexicon = load_lexicon()
    base_level = lexicon.level(base)
    assert lexicon.level(word) is None and base_level is not None
    result = assess_word(word, upos)
    assert result.source == "model"
    assert base_level <= _index(result.level) <= base_level + 2


def test_knowing_the_base_makes_derived_words_easier() -> None:
    lexicon = load_lexicon()
    with_base = sum(estimate([w], u, lexicon).score for w, u, _ in DERIVED)
    without = sum(estimate([w], u, Lexicon()).score for w, u, _ in DERIVED)
    assert with_base < without


@pytest.mark.parametrize(
    ("easy", "hard"),
    [
        (("cat", "NOUN"), ("ubiquitous", "ADJ")),
        (("dog", "NOUN"), ("epistemology", "NOUN")),
        (("house", "NOUN"), ("meander", "VERB")),
        (("big", "ADJ"), ("mellifluous", "ADJ")),
    ],
)
def test_common_words_rank_below_rare_ones(easy: tuple[str, str], hard: tuple[str, str]) -> None:
    assert word_level_score(*easy) < word_level_score(*hard)
    assert _index(word_level(*easy)) < _index(word_level(*hard))


# Rare words (Zipf < 3.1) that cefrpy puts at A1-A2; "tenacious" is listed, so it goes via estimate().
CEFRPY_TRAPS = [
    ("tenacious", "ADJ"),
    ("figment", "NOUN"),
    ("funereal", "ADJ"),
    ("sate", "VERB"),
    ("downplay", "VERB"),
]
# Unlisted mid-frequency words (Zipf 3.5-4) cefrpy puts at A1-A2; ungated, the model follows it.
CEFRPY_MID_TRAPS = [
    ("systemic", "ADJ"),
    ("manually", "ADV"),
    ("cater", "VERB"),
    ("fortress", "NOUN"),
    ("designation", "NOUN"),
]
# Unlisted words cefrpy has no entry for.
NO_CEFRPY = [("blorfity", "NOUN"), ("doomscroll", "VERB"), ("zoomable", "ADJ"), ("unfriendable", "ADJ")]
# Unlisted words of all frequencies, for the bound on cefrpy's influence.
UNLISTED = [
    ("tractor", "NOUN"),
    ("systemic", "ADJ"),
    ("hometown", "NOUN"),
    ("cheaply", "ADV"),
    ("rethink", "VERB"),
    ("obfuscate", "VERB"),
    ("verdigris", "NOUN"),
    ("cower", "VERB"),
    *CEFRPY_TRAPS,
    *CEFRPY_MID_TRAPS,
]


def _gate_closed(word: str, upos: str) -> float:
    """The score with cefrpy switched off: the base model alone."""
    closed = replace(load_model(), max_shift=0.0, rare_zipf=0.0)
    return score_features(closed, word_features([word], upos, load_lexicon()))


@pytest.mark.parametrize(("word", "upos"), CEFRPY_TRAPS)
def test_cefrpy_cannot_make_a_rare_word_easy(word: str, upos: str) -> None:
    _, lowest = cefrpy_levels(word, upos)
    assert lowest is not None and lowest <= 2.0 and zipf(word) < 3.1  # rare, and cefrpy says A1-A2
    assert _index(estimate([word], upos, load_lexicon()).level) >= 4


@pytest.mark.parametrize(("word", "upos"), CEFRPY_MID_TRAPS)
def test_cefrpy_cannot_make_an_unlisted_word_a1_a2(word: str, upos: str) -> None:
    _, lowest = cefrpy_levels(word, upos)
    assert lowest is not None and lowest <= 2.0 and load_lexicon().level(word) is None
    assert _index(word_level(word, upos)) >= 3


def test_cat_is_a1() -> None:
    assert word_level("cat", "NOUN") == "A1"


@pytest.mark.parametrize(("word", "upos"), NO_CEFRPY)
def test_words_without_cefrpy_entry_get_the_base_models_level(word: str, upos: str) -> None:
    assert cefrpy_table(word) == ()
    result = assess_word(word, upos)
    assert result.source == "model" and result.level in LEVELS
    assert result.score == _gate_closed(word, upos)


@pytest.mark.parametrize(("word", "upos"), UNLISTED)
def test_cefrpy_moves_an_estimate_by_at_most_max_shift(word: str, upos: str) -> None:
    model = load_model()
    assert 0.0 < model.max_shift <= 1.0  # a retrain must not ungate cefrpy
    assert abs(word_level_score(word, upos) - _gate_closed(word, upos)) <= model.max_shift + 1e-9


def test_cefrpy_pos_mapping() -> None:
    assert dict(cefrpy_table("run"))["VB"] == cefrpy_levels("run", "VERB")[0]
    assert cefrpy_levels("run", "PUNCT") == (None, min(level for _, level in cefrpy_table("run")))
    assert cefrpy_levels("blorfity", "NOUN") == (None, None)


def test_non_word_gets_an_advanced_level() -> None:
    result = assess_word("blorfity", "NOUN")
    assert result.source == "model" and _index(result.level) >= 4


def test_names_and_numbers_are_neutral() -> None:
    assert assess_word("Obama", "PROPN") == WordLevel("A1", 1.0, "name")
    # A name that is also a listed common noun must not take the noun's level.
    assert assess_word("bush", "NOUN").source == "list"
    assert assess_word("Bush", "PROPN") == WordLevel("A1", 1.0, "name")
    assert assess_word("1984", "NUM") == WordLevel("A1", 1.0, "number")
    for token, upos in [(",", "PUNCT"), ("%", "SYM"), ("http://x.example", "X")]:
        assert assess_word(token, upos) == WordLevel("A1", 1.0, "symbol")


def test_listed_capitalised_words_keep_their_level_as_propn() -> None:
    assert assess_word("Monday", "PROPN").source == "list"
    assert assess_word("two", "NUM").source == "list"


def test_input_is_normalised() -> None:
    assert assess_word("  House ", "noun") == assess_word("house", "NOUN")
    assert assess_word("Ubiquitous", "ADJ") == assess_word("ubiquitous", "ADJ")


def test_hyphen_and_space_spellings_share_a_list_entry() -> None:
    lexicon = load_lexicon()
    assert lexicon.level("ice cream", "NOUN") is not None and lexicon.level("ice-cream") is None
    assert assess_word("ice-cream", "NOUN") == assess_word("ice cream", "NOUN")
    assert assess_word("ice-cream", "NOUN").source == "list"


@pytest.mark.parametrize(
    ("lemma", "pos"),
    [("", "NOUN"), ("   ", "NOUN"), ("cat", "FOO"), ("cat", ""), (None, "NOUN"), ("cat", 3)],
)
def test_invalid_input_raises_value_error(lemma: object, pos: object) -> None:
    with pytest.raises(ValueError):
        assess_word(lemma, pos)  # type: ignore[arg-type]


@pytest.mark.parametrize("upos", sorted(UPOS_TAGS))
def test_score_and_level_agree_for_every_tag(upos: str) -> None:
    for lemma in ("cat", "ubiquitous", "reopen", "mellifluous", "the"):
        result = assess_word(lemma, upos)
        assert 1.0 <= result.score <= 6.0
        assert result.level == level_of_score(result.score)


def test_level_of_score_boundaries() -> None:
    assert [level_of_score(s) for s in (1.0, 1.49, 1.5, 3.2, 5.5, 6.0)] == [
        "A1",
        "A1",
        "A2",
        "B1",
        "C2",
        "C2",
    ]


def test_syllable_heuristic() -> None:
    assert [count_syllables(w) for w in ("cat", "table", "make", "ubiquitous", "ice cream")] == [
        1,
        2,
        1,
        4,
        2,
    ]


def test_shipped_artefacts_are_small() -> None:
    folder = resources.files("vocabsphere.models").joinpath("word_level")
    total = sum(len(folder.joinpath(n).read_bytes()) for n in ("model.json", "known_words.tsv"))
    assert total < 2_000_000


def test_a_word_cefrpy_cannot_search_is_rated_not_an_error() -> None:
    # cefrpy's binary search ran off its table on this WordNet word: the look-up of a text holding it
    # (and the lexicon build, which rates every WordNet word) failed with IndexError.
    assert cefrpy_table("uvulopalatopharyngoplasty") == ()
    result = assess_word("uvulopalatopharyngoplasty", "NOUN")
    assert result.source == "model" and result.level in ("B2", "C1", "C2")
    assert result.score == _gate_closed("uvulopalatopharyngoplasty", "NOUN")
