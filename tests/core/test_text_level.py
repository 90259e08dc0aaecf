"""Behaviour of the CEFR text level: ordering, bad input, features, bounds, normalisation."""

from __future__ import annotations

import math
import time

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.levels.readability import count_syllables, fkgl, flesch_kincaid_grade, normalise_text
from vocabsphere.core.levels.text_features import LEVELS, extract_features
from vocabsphere.core.levels.text_level import (
    MAX_WORDS,
    InvalidText,
    TextLevel,
    calibrate,
    level_of_score,
    load_text_model,
    parse_texts,
    text_level,
    text_level_of_doc,
    text_levels,
)

EASY = (
    "My name is Anna. I am ten years old. I live in a small house with my mum and dad. "
    "We have a cat. Her name is Lily. She is black and white. Every day I go to school. "
    "I like my teacher. She is very nice. After school I play with my friends in the park. "
    "On Sunday we eat lunch with my grandmother. I love her cakes."
)
HARD = (
    "Notwithstanding the considerable institutional resistance that had accompanied its drafting, "
    "the legislation, which critics characterised as an unprecedented encroachment on judicial "
    "independence, was ultimately ratified by a narrow parliamentary majority. Constitutional "
    "scholars, whose analyses had been largely disregarded during the deliberations, have since "
    "contended that the provisions governing the appointment of adjudicators are fundamentally "
    "incompatible with the separation of powers. Were the measure to be implemented in its present "
    "form, they argue, the ramifications for the accountability of the executive would be profound."
)
MIDDLE = (
    "Scientists say that the number of wild bees in Europe has fallen sharply over the last twenty "
    "years. They believe that pesticides used on farms are one of the main causes. Bees are important "
    "because they help plants to grow, and many farmers depend on them. The government has promised "
    "to reduce the use of these chemicals, although some farmers are worried about the cost."
)


@pytest.fixture(scope="module")
def results() -> dict[str, TextLevel]:
    easy, middle, hard = text_levels([EASY, MIDDLE, HARD])
    return {"easy": easy, "middle": middle, "hard": hard}


def test_easy_text_scores_lower_than_hard_text(results: dict[str, TextLevel]) -> None:
    easy, middle, hard = results["easy"], results["middle"], results["hard"]
    assert easy.score < middle.score < hard.score
    assert easy.level in {"A1", "A2"}
    assert hard.level in {"B2", "C1", "C2"}
    assert LEVELS.index(easy.level) < LEVELS.index(hard.level)


def test_score_and_level_agree(results: dict[str, TextLevel]) -> None:
    for result in results.values():
        assert 1.0 <= result.score <= 6.0
        assert result.level == level_of_score(result.score)
        assert result.model_version == load_text_model().version


@pytest.mark.parametrize("bad", ["", "   ", "\n\t \u00a0\u2003", "... !!! --", "\u201c\u201d"])
def test_empty_input_raises_a_clear_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="empty") as info:
        text_level(bad)
    assert isinstance(info.value, InvalidInput)
    assert isinstance(info.value, InvalidText)


def test_non_string_input_is_rejected() -> None:
    with pytest.raises(InvalidText):
        text_level(None)  # type: ignore[arg-type]


def test_bad_text_in_a_batch_fails_before_parsing() -> None:
    with pytest.raises(InvalidText):
        text_levels([EASY, "  "])


def test_features_are_present_and_sane(results: dict[str, TextLevel]) -> None:
    easy, hard = results["easy"], results["hard"]
    assert easy.sentence_count == 12
    assert 60 <= easy.word_count <= 75
    for result in results.values():
        f = result.features
        assert math.isclose(f.mean_sentence_length, f.word_count / f.sentence_count)
        assert math.isclose(sum(f.vocab_profile), 1.0, abs_tol=1e-9)
        assert set(result.vocab_profile) == set(LEVELS)
        assert 0.0 <= result.share_above_level <= 1.0
        for share in (f.passive_share, f.lexical_density, f.long_sentence_share, f.rare_word_share):
            assert 0.0 <= share <= 1.0
        assert f.clauses_per_sentence >= 1.0
        assert f.mean_parse_depth >= 1.0
        assert math.isfinite(f.fkgl)
        assert not result.truncated
        if f.grammar_points is not None:
            assert all(n > 0 for _, n in f.grammar_points)
    assert easy.features.fkgl < hard.features.fkgl
    assert easy.features.mean_sentence_length < hard.features.mean_sentence_length
    assert easy.features.share_from(3) < hard.features.share_from(3)  # B2 and above
    assert hard.features.passive_share > 0  # "was ratified", "had been disregarded"


def test_text_level_of_doc_matches_text_level() -> None:
    ((doc, truncated),) = parse_texts([MIDDLE])
    assert text_level_of_doc(doc, truncated=truncated) == text_level(MIDDLE)


def test_typography_does_not_change_the_result() -> None:
    plain = "She said: \"It's over - we've lost.\" Then she left."
    fancy = "She   said:\u00a0\u201cIt\u2019s over \u2014 we\u2019ve lost.\u201d\r\nThen she left."
    assert normalise_text(fancy) == normalise_text(plain).replace(" Then", "\nThen")
    assert text_level(fancy).score == text_level(plain.replace(" Then", "\nThen")).score


def test_feature_extraction_is_bounded_by_words() -> None:
    ((doc, _),) = parse_texts([EASY])
    bounded = extract_features(doc, max_words=20)
    assert bounded.truncated
    assert 0 < bounded.word_count <= 20
    assert not extract_features(doc).truncated


def test_one_endless_sentence_is_bounded_too() -> None:
    ((doc, _),) = parse_texts([" ".join(["and the cat sat on the mat"] * 40)])
    bounded = extract_features(doc, max_words=50)
    assert bounded.truncated
    assert bounded.word_count == 50
    assert bounded.sentence_count == 1


@pytest.mark.slow
def test_very_long_text_is_sampled_not_parsed_whole() -> None:
    huge = (MIDDLE + "\n") * (5_000_000 // len(MIDDLE))  # about 5 MB
    start = time.perf_counter()
    result = text_level(huge)
    assert time.perf_counter() - start < 120
    assert result.truncated
    assert 1_000 < result.word_count <= MAX_WORDS
    assert abs(result.score - text_level(MIDDLE).score) < 0.5  # same prose, same level


def test_model_json_matches_the_feature_extractor() -> None:
    model = load_text_model()
    assert load_text_model() is model  # loaded once
    ((doc, _),) = parse_texts([EASY])
    inputs = extract_features(doc, style_lexicon=model.lexicon).model_inputs()
    assert set(model.features) <= set(inputs)
    assert len(model.features) == len(model.weights) == len(model.mean) == len(model.scale)
    assert all(s > 0 for s in model.scale)
    assert list(model.cuts) == sorted(model.cuts)


def test_calibration_maps_cuts_to_level_boundaries() -> None:
    cuts = (0.0, 1.0, 2.0, 3.0, 4.0)
    assert [calibrate(c, cuts) for c in cuts] == [1.5, 2.5, 3.5, 4.5, 5.5]
    assert calibrate(-100.0, cuts) == 1.0 and calibrate(100.0, cuts) == 6.0
    assert level_of_score(2.49) == "A2" and level_of_score(2.5) == "B1"


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("table", 2),
        ("make", 1),
        ("wanted", 2),
        ("jumped", 1),
        ("boxes", 2),
        ("places", 2),
        ("science", 2),
        ("video", 3),
        ("beautiful", 3),
        ("university", 5),
        ("immediately", 5),
        ("mother-in-law", 4),
        ("", 0),
    ],
)
def test_syllable_counter(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_fkgl() -> None:
    assert fkgl(0, 0, 0) == 0.0
    assert math.isclose(fkgl(100, 10, 150), 0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert flesch_kincaid_grade(EASY) < flesch_kincaid_grade(HARD)
