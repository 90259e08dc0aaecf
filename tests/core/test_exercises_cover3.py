"""Issue #17 round cover3: sentence-role items for the object of a verb without a subject of its
own ("to" + verb, preposition + -ing form), and for the subject of "be" before a name, each on an
invented sentence with the real pipeline and lexicon; the refusals keep the checks that make the
object claim sure."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.test_exercises_inner_roles import role
from vocabsphere.core.lexicon import Lexicon


@pytest.mark.parametrize(
    ("sentence", "word", "phrase", "part", "verb"),
    [
        # "to" + verb after a verb, a noun and as a purpose
        ("The council decided to close the old library.", "library", "the old library", "to close", "close"),
        ("The young birds need quiet places to find their food.", "food", "their food", "to find", "find"),
        (
            "People are buying electric bikes to avoid the heavy traffic.",
            "traffic",
            "the heavy traffic",
            "to avoid",
            "avoid",
        ),
        # a preposition + -ing form
        ("She saved money by selling her old car.", "car", "her old car", "by selling", "selling"),
    ],
)
def test_the_object_of_a_verb_without_a_subject(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, phrase: str, part: str, verb: str
) -> None:
    item = role(real_lexicon, nlp, sentence, word)
    assert item is not None and item.answer == "object"
    assert f"\u2018{phrase}\u2019 in \u2018{part} {phrase}\u2019" in item.prompt
    assert f"\u2018{verb}\u2019 is the verb and \u2018{phrase}\u2019 is its object" in item.explanation
    assert item.grammar_point is not None and item.grammar_point.id == "verb_object"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The town is going to close the small museum.", "museum"),  # "is going to close": one verb group
        ("They wanted to give the children warm clothes.", "clothes"),  # two objects
        ("He tried to pick up the heavy box.", "box"),  # a verb and its particle
        ("We need to make the streets safer.", "streets"),  # an adjective after the object
        ("The farmers hope to take part in the show.", "part"),  # "take part": one verb
        # "a week" says how often, and is no part of the object
        ("Gym fans can benefit by doing three strength sessions and three short runs a week.", "sessions"),
        # two noun phrases the parse ran into one object; a verb joined by "and"; a measure
        ("Many parents cannot afford to give their children money for a new flat.", "money"),
        ("The police had no time to give bars warnings and fines.", "warnings"),
        ("It is hard to copy and store software before it dies.", "software"),
        ("A small cloud would take a year to fall one metre.", "metre"),
        ("The teacher urged the pupils to reject pessimism and interact with other people.", "pessimism"),
    ],
)
def test_no_object_claim_where_it_is_in_doubt(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    assert role(real_lexicon, nlp, sentence, word) is None


def test_the_subject_of_be_before_a_name(real_lexicon: Lexicon, nlp: Language) -> None:
    item = role(real_lexicon, nlp, "The name of the old ship is the Blue Star.", "ship")
    assert item is not None and item.answer == "subject"
    assert "\u2018The name of the old ship\u2019 is the subject" in item.explanation
    assert "Blue Star" not in item.explanation  # what follows "be" is no object, and is not named


@pytest.mark.parametrize(
    ("sentence", "word", "part"),
    [
        # the part quoted whole, not cut after the object
        (
            "But the government is not planning to put antisocial families together.",
            "families",
            "to put antisocial families together",
        ),
        # "and" inside the object: the part still ends with it, no "…"
        (
            "The new plan hopes to protect victims of crime and violence.",
            "victims",
            "to protect victims of crime and violence",
        ),
        # a long part: up to the object, and "…"
        (
            "Thousands of people went onto the streets to show their anger at violent police, "
            "poor public services and high costs.",
            "anger",
            "to show their anger \u2026",
        ),
        # a clause inside the part: not half of it ("to make electricity in what was")
        (
            "The town used the river to make electricity in what was then the biggest plant.",
            "electricity",
            "to make electricity \u2026",
        ),
    ],
)
def test_the_part_is_quoted_whole_or_marked_as_cut(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, part: str
) -> None:
    item = role(real_lexicon, nlp, sentence, word)
    assert item is not None and item.answer == "object"
    assert f"in \u2018{part}\u2019?" in item.prompt


@pytest.mark.parametrize(
    ("sentence", "word", "phrase"),
    [
        # a number with a possessive is a thing, not a measure
        ("Nobody knows how the busy nurse gets her eight hours.", "hours", "her eight hours"),
    ],
)
def test_sound_objects_are_still_named(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, phrase: str
) -> None:
    item = role(real_lexicon, nlp, sentence, word)
    assert item is not None and item.answer == "object"
    assert f"\u2018{phrase}\u2019 is the object" in item.explanation
