"""A non-defining relative clause that ends its sentence is not "between commas" (dev reading)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.learnables.explain import grammar_sentence, style_for
from vocabsphere.core.levels.grammar import detect_grammar


@pytest.mark.parametrize("plain", [True, False])
def test_a_final_non_defining_clause_is_said_to_follow_a_comma(nlp: Language, plain: bool) -> None:
    text = "The bakery was sold last spring to Tom Hardy, who has run cafés in three towns."
    matches = [m for m in detect_grammar(nlp(text)) if m.point.id == "relative_non_defining"]
    assert matches, "the clause is found"
    style = style_for(1 if plain else 2)  # A2 plain, B1 full
    said = grammar_sentence(matches[0], style)
    assert "between commas" not in said
    assert "after a comma" in said
    assert "Tom Hardy" in said
