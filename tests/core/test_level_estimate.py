"""The level re-estimate: look-ups and saves per 100 words read, pace, retention and practice accuracy;
a move is suggested only when the signals agree, never with too little evidence."""

from __future__ import annotations

from dataclasses import replace

from vocabsphere.core.progress.level_estimate import UsageEvidence, suggest_level

# A B1 learner for whom B1 fits: 3,000 words read in 20 minutes, 3 look-ups and 2 saves per 100 words.
FITS = UsageEvidence(
    level="B1",
    words_read=3000,
    saves=60,
    minutes=20.0,
    reviews=100,
    recalled=90,
    target_retention=0.9,
    known_in_next_band=40,
    lookups=90,
    answers=40,
    answered_right=28,
)
EASY = replace(FITS, saves=15, lookups=30, known_in_next_band=200, answered_right=36)  # 1 per 100


def test_fitting_use_suggests_nothing_and_says_what_it_rests_on() -> None:
    found = suggest_level(FITS)
    assert found.suggested is None and found.enough_evidence
    assert "3.0 words looked up per 100 words read" in found.reasons
    assert "70% of 40 practice answers right" in found.reasons


def test_easy_texts_suggest_a_level_up_only_when_look_ups_agree() -> None:
    assert suggest_level(EASY).suggested == "B2"
    # Saves are few, but the learner looks up 3 words in 100: not easy.
    assert suggest_level(replace(EASY, lookups=90)).suggested is None
    # Most practice answers wrong: not easy either.
    assert suggest_level(replace(EASY, answered_right=20)).suggested is None
    # Too few practice answers to judge: they neither hold up nor hold back a move.
    assert suggest_level(replace(EASY, answers=5, answered_right=0)).suggested == "B2"


def test_many_look_ups_with_a_struggle_suggest_a_level_down() -> None:
    hard = replace(FITS, lookups=180, minutes=50.0)  # 6 per 100, 60 words a minute
    assert suggest_level(hard).suggested == "A2"
    assert suggest_level(hard).reasons[0] == "Texts at B1 look hard for you:"
    # Many look-ups at a good pace, good retention and practice: hard words, but no move.
    assert suggest_level(replace(hard, minutes=20.0)).suggested is None
    # Practice mostly wrong is a struggle too.
    assert suggest_level(replace(hard, minutes=20.0, answered_right=10)).suggested == "A2"


def test_too_little_reading_suggests_nothing() -> None:
    found = suggest_level(replace(FITS, words_read=800, lookups=400))
    assert found.suggested is None and not found.enough_evidence
