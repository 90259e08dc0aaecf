"""False highlight claims of round read13 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.levels.grammar import GrammarMatch, detect_grammar
from vocabsphere.core.text import load_pipeline
from vocabsphere.core.text.pipeline import ModelNotFoundError


@pytest.fixture(scope="module")
def nlp() -> Language:
    try:
        return load_pipeline()
    except ModelNotFoundError as exc:
        pytest.skip(str(exc))


def _points(nlp: Language, text: str, point: str) -> list[GrammarMatch]:
    return [m for m in detect_grammar(nlp(text)) if m.point.id == point]


@pytest.mark.parametrize(
    "text",
    [
        "The storm made such a loud noise that the children woke up.",
        "There were so many boats that the harbour closed.",
        "It is so hard to find a taxi that we often walk home.",
        "It is so unusual to meet a bear that seeing its tracks makes it a good trip.",
    ],
)
def test_the_that_of_so_or_such_is_no_relative_clause(nlp: Language, text: str) -> None:
    # "such a ... noise that ..." is the result clause of such ... that, not "which noise"
    assert not _points(nlp, text, "relative_defining")
    assert _points(nlp, "The storm made a noise that the children heard.", "relative_defining")
    assert _points(nlp, "It is so hard to find a taxi that takes cards.", "relative_defining")
