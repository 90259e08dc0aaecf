"""The distilled static vectors behind the default install's sentence-gloss similarity."""

from __future__ import annotations

import numpy as np

from vocabsphere.core.lexicon.lookup import Sense
from vocabsphere.core.lexicon.sense_vectors import MODEL_VERSION, load_static_vectors


def _sense(synset: str, definition: str) -> Sense:
    return Sense(synset, "noun", definition, (), (), (), 1, 0)


def test_text_vectors_are_unit_length_and_none_without_known_words() -> None:
    vectors = load_static_vectors()
    v = vectors.text_vector(["river", "water", "fishing"])
    assert v is not None and abs(float(np.linalg.norm(v)) - 1.0) < 1e-5
    assert vectors.text_vector(["the", "of", "qzxqzx"]) is None
    assert MODEL_VERSION.startswith("sense-vectors-")


def test_gloss_nearest_the_context_scores_highest() -> None:
    vectors = load_static_vectors()
    senses = [
        _sense("1-n", "sloping land beside a body of water"),
        _sense("2-n", "a financial institution that accepts deposits and lends money"),
    ]
    money = vectors.similarities(["loan", "mortgage", "interest", "payments"], senses, "bank")
    river = vectors.similarities(["fishing", "river", "grass", "boat"], senses, "bank")
    assert money["2-n"] > money["1-n"] and river["1-n"] > river["2-n"]
    assert vectors.similarities(["the", "and"], senses, "bank") == {}
