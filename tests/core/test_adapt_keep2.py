"""Round keep2: a version that keeps more of the story keeps its sentences with their partners.

Invented sentences showing the three classes the reading of round b1keep found: a sentence that
announces the reply the next one gives, a quotation answering the stance the sentence before reports,
a set-up whose point is the "Instead," sentence after it, and an "Instead of ..." sentence whose
contrast the sentence before sets up.
"""

from __future__ import annotations

import pytest

from vocabsphere.core.adapt.coherence import dependencies
from vocabsphere.core.adapt.content import Unit


def _units(*texts: str, paragraphs: tuple[int, ...] | None = None) -> list[Unit]:
    where = paragraphs or tuple(0 for _ in texts)
    return [Unit(p, t, len(t.split())) for p, t in zip(where, texts, strict=True)]


# (sentences, the sentence, the one it needs)
NEEDED = [
    (  # announces the reply, which the next sentence gives
        (
            "The mayor's plan to close the old library angered many readers in the town.",
            "Last week the town's children gave their own answer.",
            "A letter signed by 300 pupils asked the council to keep the library open.",
        ),
        1,
        2,
    ),
    (
        (
            "The coach was criticised on television after the team lost its third game.",
            "On Monday, he stood in front of the cameras to deliver a sharp riposte.",
            '"We lost three games, not the whole season," he said.',
        ),
        1,
        2,
    ),
    (  # a quotation answering the stance the sentence before reports
        (
            "Critics say the minister's remarks about teachers were unfair.",
            "But she has refused to apologise for any of them.",
            '"I said what many parents think, and I would say it again," Harlow told reporters.',
        ),
        2,
        1,
    ),
    (  # a set-up whose point is the sentence after it
        (
            "In the 1990s, a new kind of school bus was introduced, designed to make journeys safer.",
            "Instead, it became known for breaking down on steep roads.",
        ),
        0,
        1,
    ),
    (  # what "Instead of ..." sets against, the sentence before sets up
        (
            "For a tenth birthday, it was a strange one.",
            "Instead of opening presents, Tom spent the day in a hospital waiting room.",
        ),
        1,
        0,
    ),
    (
        (
            "Workers in the region are entitled to four weeks of paid holiday a year.",
            "In reality, most of them take fewer than ten days.",
        ),
        0,
        1,
    ),
]


@pytest.mark.parametrize(("texts", "index", "needed"), NEEDED)
def test_needs_its_partner(texts: tuple[str, ...], index: int, needed: int) -> None:
    assert needed in dependencies(_units(*texts))[index]


# Sentences these links must leave alone.
NOT_NEEDED = [
    (  # a reply told in full, or a response that names what it is
        (
            "The mice were given a small electric shock to produce a fear response.",
            "Later, the researchers shone light into their brains.",
        ),
        0,
        1,
    ),
    (  # "Instead of ..." opens a sentence of its own
        (
            "The party was held in a small hall near the river.",
            "Instead of a cake, the guests were given fruit.",
        ),
        0,
        1,
    ),
    (  # a new paragraph: not the set-up's sequel
        (
            "The bridge was designed to carry trains across the valley.",
            "Instead, it became known for breaking down on steep roads.",
        ),
        0,
        1,
    ),
    (  # a quotation after a sentence that reports no stance
        (
            "The minister visited three schools in the north on Tuesday.",
            '"I was impressed by what I saw," Harlow told reporters.',
        ),
        1,
        0,
    ),
]


@pytest.mark.parametrize(("texts", "index", "other"), NOT_NEEDED)
def test_leaves_alone(texts: tuple[str, ...], index: int, other: int) -> None:
    paragraphs = (0, 1) if texts[1].startswith("Instead, it became") else None
    assert other not in dependencies(_units(*texts, paragraphs=paragraphs))[index]
