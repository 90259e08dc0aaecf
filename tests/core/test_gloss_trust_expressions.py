"""Meanings a B1 learner can trust (issue 13, round gloss-5): an expression's meaning checked as a
word's gloss is, no literal sense for a noun a domain makes figurative, no verb gloss whose object
would have to go inside it. Each fault pinned on an invented sentence."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from vocabsphere.core.learnables.words import define_expression
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.gloss_trust import leans_on_synonym
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitutes import simple_gloss, word_index


def test_an_expression_is_not_explained_by_an_archaic_use_of_its_synonym(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    doc = nlp("The festival took place in a small village near the river.")
    first = doc[word_index(doc, "took") or 0]
    assert real_lexicon.entries("take place").senses[0].definition == "come to pass"  # 'pass' = happen
    assert define_expression(real_lexicon, "take place", 8, first, "B1") == ""
    assert define_expression(real_lexicon, "take place", 8, first, "A2") == ""


def test_a_plain_expression_meaning_stays(real_lexicon: Lexicon, nlp: Language) -> None:
    doc = nlp("My sister will take part in the race on Sunday.")
    first = doc[word_index(doc, "take") or 0]
    assert define_expression(real_lexicon, "take part", 8, first, "B1") == "share in something"


def test_the_synonym_check() -> None:
    synonyms = ("happen", "occur", "pass", "come about")
    assert leans_on_synonym("come to pass", synonyms, "take place")
    assert not leans_on_synonym("share in something", ("participate",), "take part")
    assert not leans_on_synonym("pass", synonyms, "take place")  # a synonym alone is the plainest gloss


def test_a_noun_a_domain_makes_figurative_gets_no_literal_gloss(real_lexicon: Lexicon, nlp: Language) -> None:
    doc = nlp("The senator would commit political suicide if he backed the tax.")
    index = word_index(doc, "suicide")
    assert index is not None
    choice = choose_sense(real_lexicon, doc, index)
    assert choice.probability >= 0.8  # sure of the literal sense: "commit" backs it
    assert choice.senses[0].sense.definition == "the act of killing yourself"
    assert simple_gloss(real_lexicon, doc, index, "B1", choice=choice) is None


def test_a_verb_gloss_with_an_as_phrase_is_not_read_before_an_object(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    doc = nlp("The new manager promised to tackle the problem of late trains.")
    index = word_index(doc, "tackle")
    assert index is not None
    choice = choose_sense(real_lexicon, doc, index)
    assert choice.senses[0].sense.definition == "accept as a challenge"
    sure = replace(choice, probability=0.9)  # as sure as a story's sentence made it
    assert simple_gloss(real_lexicon, doc, index, "B1", choice=sure) is None


def test_an_expression_is_not_explained_with_its_own_noun(real_lexicon: Lexicon, nlp: Language) -> None:
    # WordNet's meaning of "take advantage" is "draw advantages from": the expression's own noun, in
    # a phrase no learner should copy. Said once in each spelling: "capitalize", not "capitalise" too.
    doc = nlp("Many firms take advantage of the new rules.")
    first = doc[word_index(doc, "take") or 0]
    assert "advantage" in real_lexicon.entries("take advantage").senses[0].definition
    for level in ("A2", "B1", "B2", None):
        meaning = define_expression(real_lexicon, "take advantage", 8, first, level)
        assert "advantage" not in meaning and "capitalise" not in meaning
    # no noun of the expression repeated: the meaning stays
    assert define_expression(real_lexicon, "take part", 8, first, "B1") == "share in something"
