"""The tap score is the same number whatever order a set of keys comes in."""

from __future__ import annotations

import random

from vocabsphere.core.lexicon.sense_ranking import SHIPPED, ContextWord, Evidence, overlap


def test_gloss_overlap_does_not_depend_on_the_order_of_the_keys() -> None:
    # A set's iteration order follows PYTHONHASHSEED: summed in that order, the score of "glimmer"
    # through its glosses differed in the last digit from one process to the next.
    keys = ["lantern", "harbour", "pebble", "violin", "meadow", "saddle", "anchor", "thimble", "orchard"]
    sig = {k: 0.1 * (i + 1) / 7 for i, k in enumerate(keys)}
    glimmer = (ContextWord("glimmer", "glimmer", "v"),)
    scores = set()
    for seed in range(12):
        order = keys[:]
        random.Random(seed).shuffle(order)
        evidence = Evidence(expansions={"glimmer": order})  # type: ignore[dict-item]  # a set, in this order
        scores.add(overlap(glimmer, sig, "shine", evidence, SHIPPED))
    assert len(scores) == 1 and next(iter(scores)) > 0
