"""Faults the integrator found reading 100 dev items on exercises-10 (issue 17), pinned on our own
invented sentences: a perfect infinitive called the present perfect, and a gerund after 'is' keyed as
a verb "after 'is'"."""

from __future__ import annotations

from spacy.language import Language

from tests.core.exercise_checks import items
from vocabsphere.core.lexicon import Lexicon


def test_a_perfect_infinitive_is_no_present_perfect(real_lexicon: Lexicon, nlp: Language) -> None:
    # "was thought to have broken a world record": the item said "'have broken' is the present perfect"
    for sentence, word in (
        ("The old dog was thought to have broken the fence before it ran away.", "break"),
        ("The company seems to have lost most of its customers this year.", "lose"),
    ):
        form = items(real_lexicon, nlp, sentence, word).get("word_form")
        if form is not None:
            assert "present perfect" not in form.explanation, form.explanation
            assert form.grammar_point is None
    # the present perfect itself keeps its note
    perfect = "The company has lost most of its customers this year."
    assert "present perfect" in items(real_lexicon, nlp, perfect, "lose")["word_form"].explanation


def test_an_ing_word_naming_what_the_subject_is_gets_no_part_of_speech_item(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "Part of the solution is planning for every situation": keyed 'verb' because "it comes after 'is'"
    made = items(real_lexicon, nlp, "Part of the answer is planning for every kind of weather.", "plan")
    assert "part_of_speech" not in made
    # a continuous tense still has its item
    made = items(real_lexicon, nlp, "The team is planning a trip to the coast.", "plan")
    assert made["part_of_speech"].answer == "verb"
