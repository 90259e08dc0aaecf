"""False highlight claims of round read15 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.learnables.collocations import find_collocations
from vocabsphere.core.levels.grammar import detect_grammar
from vocabsphere.core.lexicon import Lexicon


def _points(nlp: Language, sentence: str) -> set[str]:
    return {m.point.id for m in detect_grammar(nlp(sentence))}


def _bases(nlp: Language, lexicon: Lexicon, sentence: str) -> set[str]:
    return {c.base for c in find_collocations(nlp(sentence)[:], lexicon)}


@pytest.mark.parametrize(
    ("sentence", "base"),
    [
        # "put dynamite down a toilet": "down" opens the place the thing went, no "put down"
        ("She said that the boys put paint down a hotel sink to block it.", "put down"),
        # "Paris has dropped down the table": a direction, no "drop down"
        ("The club has dropped down the league this season.", "drop down"),
    ],
)
def test_a_particle_before_a_place_is_a_preposition(
    nlp: Language, real_lexicon: Lexicon, sentence: str, base: str
) -> None:
    assert base not in _bases(nlp, real_lexicon, sentence)


def test_a_phrasal_verb_with_its_object_is_still_one(nlp: Language, real_lexicon: Lexicon) -> None:
    assert "put down" in _bases(nlp, real_lexicon, "He put the phone down.")
    assert "pick up" in _bases(nlp, real_lexicon, "She picked it up the next day.")


@pytest.mark.parametrize(
    ("sentence", "base"),
    [
        # "needed a good night to pay their rent": a night of work, not the farewell "good night"
        ("The singers need a good night to pay for the hall.", "good night"),
        ("On a good night, the bar makes a profit.", "good night"),
        # "things change very fast": the two words, nothing to learn as one unit
        ("Prices in the town change very fast.", "very fast"),
    ],
)
def test_free_word_pairs_are_no_fixed_combination(
    nlp: Language, real_lexicon: Lexicon, sentence: str, base: str
) -> None:
    assert base not in _bases(nlp, real_lexicon, sentence)


def test_hard_to_say_how_much_is_no_reported_speech(nlp: Language) -> None:
    # "It's hard to say how much I earned a shift": nobody reports what was said
    assert "reported_speech" not in _points(nlp, "It's hard to say how much we spent a week.")
    assert "reported_speech" in _points(nlp, "She said how much she had spent on the trip.")


def test_more_before_an_adjective_and_its_noun_counts_the_noun(nlp: Language) -> None:
    # "There are more southern white rhinos": more rhinos, no comparative of "southern"
    assert "comparative_more" not in _points(nlp, "There are more northern brown bears and black bears.")
    assert "comparative_more" in _points(nlp, "The northern towns are more expensive than the coast.")


def test_if_and_it_is_because_is_no_zero_conditional(nlp: Language) -> None:
    # "If it sounds familiar, it's because ...": explains one situation, not "true whenever"
    reason = "If the song sounds old, it's because the band wrote it in 1970."
    assert "conditional_zero" not in _points(nlp, reason)
    assert "conditional_zero" in _points(nlp, "If you heat ice, it melts.")


def test_most_importantly_set_off_by_commas_is_no_superlative(nlp: Language) -> None:
    # "Fildes believes that, most importantly, people are starting to ...": "the top of a group"
    assert "superlative_most" not in _points(nlp, "She thinks that, most importantly, the town is safe.")
    assert "comparative_more" not in _points(nlp, "More importantly, the plan is cheap.")
    assert "superlative_most" in _points(nlp, "It is the most important day of the year.")
