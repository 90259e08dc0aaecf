"""Issue #17 round nounkinds: more kinds for the due nouns. A plural countable noun with no
determiner is asked as a word form (a singular countable noun needs "a" or "the"), never where
English lets the singular stand bare or the noun is also uncountable (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.exercises import ExerciseItem, exercises_for_sentence
from vocabsphere.core.exercises.bare_plural import count_only
from vocabsphere.core.lexicon import Lexicon


def word_form(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> ExerciseItem | None:
    made = exercises_for_sentence(lexicon, nlp(sentence), word, "B1")
    return next((i for i in made if i.kind.value == "word_form"), None)


@pytest.mark.parametrize(
    ("sentence", "word", "key"),
    [
        ("Some poor families still live in damp basements under old houses.", "basements", "basements"),
        ("The new museum has attracted a new generation of visitors.", "visitors", "visitors"),
        ("The café gets all of its milk from local farmers.", "farmers", "farmers"),
    ],
)
def test_a_bare_plural_countable_noun_is_asked(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, key: str
) -> None:
    item = word_form(real_lexicon, nlp, sentence, word)
    assert item is not None and item.answer == key
    assert "countable noun" in item.explanation and "needs a word like ‘a’ or ‘the’" in item.explanation


def test_more_before_the_noun_is_named_as_the_reason(real_lexicon: Lexicon, nlp: Language) -> None:
    item = word_form(real_lexicon, nlp, "Our small town needs more doctors.", "doctors")
    assert item is not None and item.answer == "doctors"
    assert item.explanation == "After ‘more’ a countable noun is plural: ‘doctors’."


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The old walls were built of bricks from the river.", "bricks"),  # "built of brick"
        ("We ate roast chickens with our friends last night.", "chickens"),  # "ate roast chicken"
        ("She always travels to work by buses in the winter.", "buses"),  # "by bus"
        ("Both sick men were taken to hospitals in the city.", "hospitals"),  # "to hospital"
        ("The zoo keeps these kinds of birds in large cages.", "birds"),  # "kinds of bird"
        ("The other doctors stayed late at the clinic.", "doctors"),  # "the other doctor": a determiner
        ("He kept his glasses in the kitchen drawer.", "glasses"),  # "glasses" is a word of its own
        ("The students' rooms were cleaned every week.", "students"),  # "the student's rooms"
        ("They also mix it with cheaper cereals such as rice.", "cereals"),  # a food sense: "cheaper cereal"
        ("Moss grows through bricks and tiles in the old house.", "bricks"),  # a material: "through brick"
        ("People on the island sometimes eat turtles at festivals.", "turtles"),  # the meat: "eat turtle"
        ("The menu offers fried beetles and barbecued spiders.", "spiders"),  # "barbecued spider": a dish
        ("Many ex-prisoners of the old regime have asked for money.", "prisoners"),  # no gap inside "ex-"
        ("The report came from market analysts Brightline in London.", "analysts"),  # "analyst Brightline"
    ],
)
def test_no_plural_asked_where_the_singular_may_stand_bare(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    item = word_form(real_lexicon, nlp, sentence, word)
    assert item is None or "countable noun" not in item.explanation


def test_count_only_nouns(real_lexicon: Lexicon) -> None:
    assert count_only(real_lexicon, "basement", "basements")
    assert count_only(real_lexicon, "teacher", "teachers")  # a rare abstract sense does not count
    assert not count_only(real_lexicon, "paper", "papers")  # a material
    assert not count_only(real_lexicon, "chicken", "chickens")  # a food
    assert not count_only(real_lexicon, "glass", "glasses")


@pytest.mark.parametrize(
    ("sentence", "word", "cue"),
    [
        ("Each of the players has a new shirt for the final.", "players", "each of the"),
        ("Several of our neighbours helped us after the storm.", "neighbours", "several of our"),
    ],
)
def test_a_plural_after_each_of_the(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, cue: str
) -> None:
    item = word_form(real_lexicon, nlp, sentence, word)
    assert item is not None and item.answer == word
    assert item.explanation == f"After ‘{cue}’ the noun is plural: ‘{word}’."


def test_no_plural_cue_after_most_of_the(real_lexicon: Lexicon, nlp: Language) -> None:
    """ "most of the water": "most of the" takes an uncountable noun as well."""
    item = word_form(real_lexicon, nlp, "Most of the farmers sold their land last year.", "farmers")
    assert item is None or "most of the" not in item.explanation
