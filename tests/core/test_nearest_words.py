"""The simpler-word ranker's nearest words: a partition instead of a full sort, same answer."""

from __future__ import annotations

import numpy as np

from vocabsphere.core.lexicon.substitute_ranking import NEIGHBOURS, _unit_vectors, nearest


def test_nearest_is_the_head_of_the_full_sort() -> None:
    _, unit, words = _unit_vectors()
    rng = np.random.default_rng(7)
    for row in rng.choice(len(words), size=300, replace=False):
        cosines = unit @ unit[row]
        full = np.argsort(-cosines)[: NEIGHBOURS + 1]
        fast = nearest(cosines, NEIGHBOURS + 1)
        assert list(cosines[fast]) == list(cosines[full])  # the same values in the same order
        assert set(fast) == set(full) or len(set(cosines[full])) < len(full)  # the same words unless tied
        assert fast[0] == row  # the word itself first: the ranker skips it


def test_nearest_of_fewer_words_than_asked() -> None:
    cosines = np.array([0.1, 0.9, 0.5], dtype=np.float32)
    assert list(nearest(cosines, 5)) == [1, 2, 0]
    assert list(nearest(cosines, 2)) == [1, 2]
