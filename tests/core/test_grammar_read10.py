"""False highlight claims of round read10 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.learnables.explain import grammar_sentence, style_for
from vocabsphere.core.levels.grammar import detect_grammar


def test_a_zero_conditional_with_if_second_is_not_read_in_order(nlp: Language) -> None:
    # "It's only possible if you are determined": the plain explanation said "When the first thing
    # happens, the second is true", which reads "when it is possible, you are determined"
    doc = nlp("It's only possible if you work hard and if you pay the costs.")
    matches = [m for m in detect_grammar(doc) if m.point.id == "conditional_zero"]
    assert matches
    said = grammar_sentence(matches[0], style_for(1))
    assert "first thing" not in said and "'if' part" in said, said
