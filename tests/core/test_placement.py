"""The placement test's parts: its own pseudowords, the bank, scoring with a correction for guessing,
meaning checks from the lexicon, and the adaptive course of a test."""

from __future__ import annotations

import random
from itertools import islice

import pytest
from wordfreq import zipf_frequency

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.placement import plan, reading
from vocabsphere.core.placement.items import BANDS, load_bank
from vocabsphere.core.placement.meaning import meaning_questions
from vocabsphere.core.placement.pseudowords import candidates, inflection_stems
from vocabsphere.core.placement.scoring import Answer, estimate
from vocabsphere.services.placement import senses_from


def test_pseudowords_are_ours_deterministic_and_no_dictionary_knows_them(real_lexicon: Lexicon) -> None:
    bank = load_bank()
    assert len(bank.pseudowords) == len(set(bank.pseudowords)) >= 100
    assert list(islice(candidates(19), 50)) == list(islice(candidates(19), 50))
    for word in bank.pseudowords:
        assert word.isalpha() and word.islower() and 5 <= len(word) <= 10
        for stem in inflection_stems(word):
            assert zipf_frequency(stem, "en") == 0, stem
            assert not real_lexicon.entries(stem).found, stem


def test_bank_covers_ten_frequency_bands_getting_harder() -> None:
    bank = load_bank()
    per_band = [[w for w in bank.words if w.band == b] for b in range(1, BANDS + 1)]
    assert [len(words) for words in per_band] == [40] * BANDS
    mean = [sum(w.difficulty for w in words) / len(words) for words in per_band]
    assert mean[0] < 2.2 and mean[-1] > 3.5 and mean[0] < mean[4] < mean[-1]
    assert not set(bank.pseudowords) & {w.word for w in bank.words}


def _answers(threshold: float, pseudo_yes: int) -> list[Answer]:
    bank = load_bank()
    real = [Answer(w.word, w.band, w.difficulty, w.difficulty <= threshold) for w in bank.words[::4]]
    fake = [Answer(p, 0, 0.0, i < pseudo_yes) for i, p in enumerate(bank.pseudowords[:20])]
    return real + fake


def test_yes_to_words_up_to_b1_and_no_to_pseudowords_places_at_b1() -> None:
    result = estimate(_answers(3.5, 0), load_bank().difficulties())
    assert result.level == "B1" and result.low in ("A2", "B1") and result.high in ("B1", "B2")
    assert result.false_alarm_rate == 0.0
    assert result.vocabulary_low <= result.vocabulary_size <= result.vocabulary_high


def test_guessing_is_corrected_for() -> None:
    honest = estimate(_answers(3.5, 0), load_bank().difficulties())
    # The same real-word answers, plus "yes" to half of the pseudowords: less is believed.
    guesser = estimate(_answers(3.5, 10), load_bank().difficulties())
    assert guesser.false_alarm_rate == 0.5
    assert guesser.vocabulary_size < honest.vocabulary_size and guesser.ability < honest.ability
    assert guesser.ability_sd > honest.ability_sd
    # Band by band: hits minus false alarms over one minus false alarms.
    band = guesser.bands[0]
    assert band.known_share == pytest.approx(max(0.0, (band.claimed / band.asked - 0.5) / 0.5))


def test_meaning_checks_offer_one_sense_of_the_word_and_others_that_are_not(real_lexicon: Lexicon) -> None:
    bank = load_bank()
    claimed = [w for w in bank.words if w.band <= 3]
    senses_of = senses_from(real_lexicon)
    questions = meaning_questions(claimed, bank.words, senses_of, count=4, rng=random.Random(3))
    assert len(questions) == 4
    for q in questions:
        own = {s.definition for s in senses_of(q.word)}
        assert q.options[q.answer] in own
        assert len(set(q.options)) == 4 and not own & (set(q.options) - {q.options[q.answer]})


def test_a_test_runs_from_words_to_result_and_refuses_stray_answers() -> None:
    bank = load_bank()
    by_word = bank.by_word()
    state = plan.start(bank, seed=5)
    assert plan.start(bank, seed=5).batch == state.batch  # the same seed asks the same words
    assert len(state.batch) == 2 * BANDS + plan.FIRST_PSEUDO
    with pytest.raises(InvalidInput):
        plan.record_words(state, bank, ["notshown"])
    while state.stage == "words":
        state = plan.record_words(
            state, bank, [w for w in state.batch if w in by_word and by_word[w].difficulty <= 2.5]
        )
    assert plan.MIN_BATCHES <= state.batches_done <= plan.MAX_BATCHES
    state = plan.prepare_meanings(state, bank, None)  # no lexicon: no meaning checks
    assert state.stage == "reading" and state.meanings == []
    with pytest.raises(InvalidInput):
        plan.record_reading(state, [0])
    state = plan.record_reading(state, [q.answer for q in reading.QUESTIONS])
    outcome = plan.result(state, bank)
    assert outcome.level == "A2" and outcome.reading_right == 3 and outcome.pseudowords_claimed == 0
    assert 40 <= outcome.items_answered <= 100 and "made-up words" in outcome.notes[0]


def test_a_failed_meaning_check_takes_the_claim_back() -> None:
    bank = load_bank()
    state = plan.start(bank, seed=9)
    while state.stage == "words":
        state = plan.record_words(state, bank, [w for w in state.batch if w in bank.by_word()])
    first = plan.scored_answers(state, bank)
    word = next(a.word for a in first if a.band and a.said_yes)
    state.meanings = [{"word": word, "options": ["a", "b", "c", "d"], "answer": 0, "chosen": 2}]
    again = {a.word: a.said_yes for a in plan.scored_answers(state, bank)}
    assert again[word] is False
