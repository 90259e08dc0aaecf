"""Is a claim said by a version? The one judgement behind every key, distractor and level of a quiz.

A claim is a question's anchor words (from its stem) plus one option's own terms. A sentence supports it when
it holds every option term and enough anchors, and agrees in polarity. The key needs a sentence with most
anchors (KEY_SHARE); a distractor is refused as soon as a sentence holds it with fewer (DISTRACTOR_SHARE):
precision first, so a doubtful option drops the question rather than giving it two answers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from vocabsphere.core.quizzes.passages import Passage, Sentence

__all__ = ["DISTRACTOR_SHARE", "KEY_SHARE", "Claim", "answerable", "says", "supporting_sentence"]

KEY_SHARE = 0.67
DISTRACTOR_SHARE = 0.5


@dataclass(frozen=True)
class Claim:
    anchors: frozenset[str]  # words of the stem the evidence must share
    terms: frozenset[str]  # the option's own terms: all must be in the sentence
    negated: bool = False


def says(terms: frozenset[str], claim: Claim, share: float = KEY_SHARE, negated: bool = False) -> bool:
    """Words (a sentence's, or one event's) that say the claim: all its own terms, enough of its anchors,
    the same polarity."""
    if not claim.terms <= terms or negated != claim.negated:
        return False
    need = math.ceil(share * len(claim.anchors))
    return len(claim.anchors & terms) >= need


def _holds(sentence: Sentence, claim: Claim, share: float) -> bool:
    return says(sentence.terms, claim, share, sentence.negated)


def supporting_sentence(passage: Passage, claim: Claim, share: float = KEY_SHARE) -> Sentence | None:
    """The first sentence of the version that says the claim."""
    return next((s for s in passage.sentences if _holds(s, claim, share)), None)


def answerable(passage: Passage, key: Claim, distractors: Iterable[Claim]) -> bool:
    """The version supports the key and none of the distractors."""
    if supporting_sentence(passage, key) is None:
        return False
    return all(supporting_sentence(passage, d, DISTRACTOR_SHARE) is None for d in distractors)
