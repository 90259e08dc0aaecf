"""Sense ranking by sentence-definition similarity (the optional ``senses`` extra).

The model tests run only where the extra is installed; the rest check the ranking arithmetic,
the caches and the off switch without it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

import numpy as np
import pytest

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon import sense_embedding as se
from vocabsphere.core.lexicon.context import lookup_in_context
from vocabsphere.core.lexicon.lookup import Sense
from vocabsphere.core.lexicon.sense_ranking import (
    SHIPPED,
    WITHOUT_EMBEDDINGS,
    Evidence,
    rank_senses,
)

MONEY_BANK = {"08420278-n", "02787772-n"}


def sense(synset_id: str, definition: str, tags: int = 0) -> Sense:
    return Sense(synset_id, "noun", definition, (), (), (), 1, tags)


class BagOfWordsEncoder:
    """A real (if crude) embedding: hashed word counts, unit length. Counts its calls."""

    def __init__(self) -> None:
        self.encoded: Counter[str] = Counter()

    def encode(
        self, texts: list[str], *, normalize_embeddings: bool, batch_size: int, show_progress_bar: bool
    ) -> Any:
        assert normalize_embeddings and not show_progress_bar
        self.encoded.update(texts)
        vectors = np.zeros((len(texts), 64))
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                vectors[row, sum(map(ord, word)) % 64] += 1.0
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def test_similarity_decides_between_senses_lesk_cannot_tell_apart() -> None:
    senses = [sense("1-n", "sloping land beside a body of water", tags=5), sense("2-n", "an institution")]
    # No context words: overlap is zero, so the SemCor prior picks the river bank...
    assert rank_senses(senses, (), "bank")[0].sense.synset_id == "1-n"
    # ...unless the sentence is far closer to the other definition.
    evidence = Evidence(similarity={"1-n": 0.05, "2-n": 0.55})
    assert rank_senses(senses, (), "bank", evidence, SHIPPED)[0].sense.synset_id == "2-n"
    assert rank_senses(senses, (), "bank", evidence, WITHOUT_EMBEDDINGS)[0].sense.synset_id == "1-n"


def test_embedder_cosines_and_caches_every_text_once() -> None:
    encoder = BagOfWordsEncoder()
    embedder = se.SenseEmbedder(encoder)
    definitions = ["money kept in a bank", "land beside a river"]
    first = embedder.similarities("the river flooded the land", definitions)
    again = embedder.similarities("the river flooded the land", definitions)
    assert first == again and first[1] > first[0]
    assert all(-1.0 <= c <= 1.0 + 1e-9 for c in first)
    assert math.isclose(embedder.similarities("land beside a river", ["land beside a river"])[0], 1.0)
    assert max(encoder.encoded.values()) == 1  # each distinct text encoded exactly once


def test_off_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(se.OFF_SWITCH, "off")
    assert not se.embeddings_available()


@pytest.fixture()
def embedder() -> se.SenseEmbedder:
    pytest.importorskip(se.MODEL_PACKAGE, reason="the 'senses' extra is not installed")
    if not se.embeddings_available():
        pytest.skip(f"{se.OFF_SWITCH} switches embeddings off")
    loaded = se.load_sense_embedder()
    assert loaded is not None
    return loaded


def test_model_prefers_the_definition_that_means_the_sentence(embedder: se.SenseEmbedder) -> None:
    cosines = embedder.similarities(
        "He asked the bank for a loan to start his bakery.",
        [
            "sloping land (especially the slope beside a body of water)",
            "a financial institution that accepts deposits and channels the money into lending activities",
        ],
    )
    assert cosines[1] > cosines[0] + 0.1


def test_lookup_uses_the_sentence_meaning(embedder: se.SenseEmbedder, real_lexicon: Lexicon) -> None:
    # No word of this sentence is in the institution's gloss ("deposits", "lending" are not).
    result = lookup_in_context(
        real_lexicon, "bank", "The bank refused to lend the family any more cash.", None
    )
    assert result.senses and result.senses[0].synset_id in MONEY_BANK
