"""False highlight claims of round read12 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.learnables.collocations import find_collocations
from vocabsphere.core.learnables.words import define_expression
from vocabsphere.core.lexicon import Lexicon


@pytest.mark.parametrize("level", ["A2", None])
def test_make_sure_with_a_clause_is_not_make_a_point_of_doing(
    nlp: Language, real_lexicon: Lexicon, level: str | None
) -> None:
    # "make sure their workforce is productive" is 'ensure'; WordNet's only "make sure" is "make a
    # point of doing something"
    doc = nlp("The firm wants to make sure its staff are paid on time.")
    first = next(t for t in doc if t.text == "make")
    assert "point" not in define_expression(real_lexicon, "make sure", 18, first, level)


def test_no_expression_is_taught_from_inside_a_title(nlp: Language, real_lexicon: Lexicon) -> None:
    # "Thunderball (as Never Say Never Again, in 1983)": "learn 'never again' as one unit"
    doc = nlp("A remake (as Never Say Never Again, in 1983) was released by a rival studio.")
    assert not any(c.base == "never again" for c in find_collocations(doc[:], real_lexicon))
    doc = nlp("She said she would never again trust the studio.")
    assert any(c.base == "never again" for c in find_collocations(doc[:], real_lexicon))
