"""Issue #17: word order inside the noun phrase of the learner's adjective ("the polar bears"),
made only where no other order of the words is English (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.exercises import ExerciseItem, exercises_for_sentence, grade_answer
from vocabsphere.core.exercises.patterns import SVO
from vocabsphere.core.exercises.phrase_order import ADJECTIVE_BEFORE_NOUN
from vocabsphere.core.lexicon import Lexicon


def order(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> ExerciseItem | None:
    """The word-order item inside the noun phrase, if any (not the sentence's phrases)."""
    made = exercises_for_sentence(lexicon, nlp(sentence), word, "B1")
    return next((i for i in made if i.grammar_point == ADJECTIVE_BEFORE_NOUN), None)


def test_the_words_of_the_adjectives_noun_phrase_in_order(real_lexicon: Lexicon, nlp: Language) -> None:
    item = order(real_lexicon, nlp, "Scientists are worried about the polar bears of the north.", "polar")
    assert item is not None and item.answer == "the polar bears"
    assert item.gapped == "Scientists are worried about _____ of the north."
    assert sorted(item.options) == ["bears", "polar", "the"]
    assert list(item.options) != ["the", "polar", "bears"]  # shown out of order
    assert "\u2018polar\u2019 describes \u2018bears\u2019" in item.explanation
    assert grade_answer(item, "the polar bears").correct
    assert not grade_answer(item, "the bears polar").correct
    # The learner's adverb of the adjective: it stands right before the adjective.
    unusual = order(
        real_lexicon, nlp, "A highly unusual case was found near the small village last year.", "highly"
    )
    assert unusual is not None and unusual.answer == "A highly unusual case"
    assert "\u2018highly\u2019 tells us more about the adjective \u2018unusual\u2019" in unusual.explanation
    # A number or a quantifier opens the phrase as a determiner does.
    shops = order(real_lexicon, nlp, "Last year, two new shops opened near the station.", "shops")
    assert shops is not None and shops.answer == "two new shops"
    # An object, when neither the verb nor the adjective lets the adjective follow it.
    crowd = order(
        real_lexicon, nlp, "The crisis has created a widespread fear of prices among the people.", "fear"
    )
    assert crowd is not None and crowd.answer == "a widespread fear"
    # At the start of the sentence the determiner's tile is written small: no capital gives it away.
    house = order(real_lexicon, nlp, "Their huge house stands on a hill above the river.", "huge")
    assert house is not None and "their" in house.options and "Their" not in house.options
    assert house.answer == "Their huge house" and grade_answer(house, "their huge house").correct
    # The same after an opening quotation mark ("\u201cThis ..." gave a capital "This" tile).
    advert = order(
        real_lexicon,
        nlp,
        "\u201cThis inappropriate advert has hurt the company,\u201d he told reporters.",
        "advert",
    )
    assert advert is not None and "this" in advert.options and "This" not in advert.options


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # an object: the adjective may follow it ("found the case highly unusual", "painted the house red")
        ("The team found a highly unusual case near the small village last year.", "unusual"),
        ("They painted the red house before the long winter.", "red"),
        ("The children ate the raw fish during the long trip.", "raw"),  # "ate the fish raw"
        # after "with": "with the window open"
        ("She slept badly with the open window beside her bed.", "open"),
        # an adjective English also puts after its noun ("the rooms available")
        ("The available rooms were booked by a large family from Spain.", "available"),
        # a preposition after the noun that the adjective can take ("a glass full of water",
        # "the students new to the town")
        ("A full glass of water stood on the table in the kitchen.", "full"),
        ("The school welcomed the new students to the town last week.", "new"),
        # a compound: "the new water tank" / "the new tank water"
        ("The new water tank was built by the workers in two days.", "new"),
        # a second adjective: the order of two adjectives is a matter of degree
        ("They live in a large rural area near the coast of Spain.", "rural"),
        # both words can be adjective and noun: "the final total" / "the total final"
        ("The final total was much higher than the team had hoped.", "final"),
        # "such" is no adjective to a teacher, whatever its tag
        ("The police have little data on such crimes, and the public is worried.", "crimes"),
        # faults of the teacher's reading of dev: a noun taken for the adjective ("from app stores")
        # or for the noun ("a huge online following": the key was "a huge online"), and an ordinal
        # called an adjective ("the second quarter")
        ("The game was removed from app stores, and the fans were angry.", "app"),
        ("Kelly earned a huge online following with his funny videos.", "huge"),
        ("Prices fell in the second quarter of the year, the report said.", "second"),
        # "that" may be a conjunction the parse took for a determiner ("the rumour that cheap food ...")
        ("She heard the rumour that cheap food or bad water made the children sick.", "cheap"),
        # an adverb that moves: "quite a large garden" / "a quite large garden"
        ("She has a quite large garden behind her house in the city.", "large"),
    ],
)
def test_no_order_item_where_another_order_is_english(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    assert order(real_lexicon, nlp, sentence, word) is None


def test_the_phrases_of_a_sentence_whose_verb_tells_subject_from_object(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    def phrases(sentence: str, word: str) -> ExerciseItem | None:
        made = exercises_for_sentence(real_lexicon, nlp(sentence), word, "B1")
        return next((i for i in made if i.kind.value == "word_order" and i.grammar_point == SVO), None)

    # "sells" agrees with "The company", not with "cheap cars": one order; the adverbial stays put.
    cars = phrases("The company sells cheap cars in many countries.", "sells")
    assert cars is not None and cars.answer == "The company sells cheap cars"
    assert cars.gapped == "_____ in many countries."
    assert sorted(cars.options) == ["cheap cars", "sells", "the company"]
    wheat = phrases("In most villages, farmers grow wheat on small fields.", "wheat")
    assert wheat is not None and wheat.gapped == "In most villages, _____ on small fields."
    assert grade_answer(wheat, "farmers grow wheat").correct
    # "chased" agrees with both: "The big cat chased the small dog" is English too.
    assert phrases("The small dog chased the big cat in the garden.", "chased") is None
    # Both singular: "The team has won the cup" / "The cup has won the team" is grammar, if odd.
    assert phrases("The team has won the cup after a long season.", "team") is None
    # A group noun may take a plural verb in British English: "A new generation of fans have ...".
    assert phrases("Such cheap shows have attracted a new generation of fans.", "shows") is None
    # A contraction would come back as "we 've had" from the tiles.
    assert phrases("We've had a really warm welcome in the small town.", "welcome") is None
    # After "become" the noun is no object: "coach of the team" says what she became.
    assert phrases("In 1999, she became coach of the national team.", "coach") is None
