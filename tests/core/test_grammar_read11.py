"""False highlight claims of round read11 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.levels.grammar import detect_grammar
from vocabsphere.core.lexicon.substitutes import plain_text


def _points(nlp: Language, sentence: str) -> set[str]:
    return {m.point.id for m in detect_grammar(nlp(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        # "languages are learnt by rote": the note said "the words after 'by' say who does it"
        "Many poems are learnt by rote in village schools.",
        "Most songs are learnt by heart.",
        "The money was paid by cheque.",
    ],
)
def test_by_and_a_bare_noun_of_means_is_no_agent(nlp: Language, sentence: str) -> None:
    assert "passive_with_agent" not in _points(nlp, sentence)


def test_a_real_agent_is_still_one(nlp: Language) -> None:
    assert "passive_with_agent" in _points(nlp, "The song was written by a young teacher.")


@pytest.mark.parametrize(
    "sentence",
    [
        # "Don't blame the attendant if your tea isn't great": advice, not "true whenever"
        "Don't blame the waiter if your soup is cold.",
    ],
)
def test_an_order_with_if_is_no_zero_conditional(nlp: Language, sentence: str) -> None:
    assert "conditional_zero" not in _points(nlp, sentence)


def test_a_zero_conditional_is_still_one(nlp: Language) -> None:
    assert "conditional_zero" in _points(nlp, "If water is heated, it boils.")


def test_a_verb_gloss_whose_object_is_in_brackets_is_not_shortened() -> None:
    # "'Cleaning up' ... meaning 'put  in order'": the bracket held the verb's object
    assert plain_text("make (a room or a desk) neat", "tidy up", 2) is None
    assert plain_text("a (usually) large box", "crate", 2) == "a large box"
