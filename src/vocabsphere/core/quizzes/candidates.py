"""A question before its levels are checked: the options and the claims each of them makes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import token_terms
from vocabsphere.core.quizzes.support import Claim

__all__ = ["Candidate", "anchor_terms", "mixed", "pick_distractors"]

_LIGHT = frozenset(
    {"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must"}
)


@dataclass(frozen=True)
class Candidate:
    kind: QuestionKind
    stem: str
    options: tuple[str, ...]  # in the order shown
    answer: str | None
    evidence: str
    key: Claim | None  # what the key says; None for a question without one
    distractors: tuple[Claim, ...] = ()
    source_level: str = ""
    position: int = 0  # the evidence sentence's index in its version


def anchor_terms(tokens: Iterable[Token | Span]) -> frozenset[str]:
    """Content terms of the stem's words (light verbs left out: every sentence has them)."""
    out: set[str] = set()
    for item in tokens:
        for t in item if isinstance(item, Span) else (item,):
            if t.lemma_.lower() not in _LIGHT:
                out |= {x for x in token_terms(t) if not x.startswith("#")}
    return frozenset(out)


def pick_distractors(key: str, pool: Sequence[str], count: int = 3) -> tuple[str, ...]:
    """Up to ``count`` options from ``pool`` closest in length to the key (ties: the story's order), so that
    length tells nothing about which option is the key."""
    others = [p for p in dict.fromkeys(pool) if p.lower() != key.lower()]
    return tuple(sorted(others, key=lambda p: (abs(len(p) - len(key)), others.index(p)))[:count])


def mixed(stem: str, options: Iterable[str]) -> tuple[str, ...]:
    """Options in an order fixed by the question's text but unrelated to which is the key (numbers and years
    are listed in order instead, as tests do)."""
    return tuple(sorted(options, key=lambda o: hashlib.sha256(f"{stem}\x00{o}".encode()).hexdigest()))
