"""Faults of round read13 (issue 14: a reading of train 91-100, Intermediate texts, A2 and B1), pinned
on our own invented sentences: each shows the fault the teacher found, not the story's text."""

from __future__ import annotations

from tests.core.adapt_checks import sentence_needs
from vocabsphere.core.adapt.coherence import dependencies
from vocabsphere.core.adapt.content import Unit


def test_a_sentence_that_announces_ways_keeps_the_next_one() -> None:
    # "... will help the town in two ways." kept without the sentences that give the ways
    lead = "The new bridge opened on Monday."
    for told in (
        "The mayor says it will help the town in two ways.",
        "Locals think the bridge changes their lives in several ways.",
        "The bridge differs from the old one in three important ways:",
    ):
        assert 2 in sentence_needs(lead, told, "First, the trip to school is shorter.")[1], told
    # "in many ways" closes a claim of its own; "two ways" inside the sentence announces nothing
    assert 2 not in sentence_needs(lead, "In many ways, it is a better town.", "It opened late.")[1]
    assert 2 not in sentence_needs(lead, "There are two ways across the river now.", "It opened late.")[1]


def test_a_short_sentence_that_sets_its_subject_apart_keeps_the_one_before() -> None:
    # "Sam's sister is different." says nothing without what it is different from
    first = "Most children in the village leave school at fifteen."
    for apart in (
        "Sam's sister is different.",
        "But the new school is very different.",
        "Now things are different.",
    ):
        assert 0 in sentence_needs(first, apart)[1], apart
    # ... and the next sentence of its paragraph, which tells how (not one of the next paragraph)
    how = "She has started an art course."
    units = [
        Unit(0, first, 9),
        Unit(1, "Sam's sister is different.", 4),
        Unit(1, how, 6),
        Unit(2, "The bus was late.", 4),
    ]
    assert dependencies(units)[1] == {0, 2}
    # a comparison that names its partner stands alone
    assert 0 not in sentence_needs(first, "A bee is different from a wasp.")[1]
    assert 0 not in sentence_needs(first, "Bees like different flowers.")[1]
