"""A quiz: questions with their key, the sentence that supports it, and the levels that can answer it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class QuestionKind(StrEnum):
    FACT = "fact"  # who / what / where / when / how many / why, multiple choice
    TRUE_FALSE = "true_false"
    VOCABULARY = "vocabulary"  # what does X mean here
    SEQUENCE = "sequence"  # which happened first
    MAIN_IDEA = "main_idea"  # which headline fits
    DISCUSSION = "discussion"  # open question, no key

    @property
    def has_key(self) -> bool:
        return self is not QuestionKind.DISCUSSION


@dataclass(frozen=True)
class Question:
    kind: QuestionKind
    stem: str
    options: tuple[str, ...] = ()  # empty for discussion questions; ("True", "False") for true/false
    answer: str | None = None  # the key, one of `options`; None for discussion questions
    evidence: str = ""  # the sentence of the text that supports the key
    # The versions ("orig", "A1".."C2") whose text supports the key and no distractor.
    levels: tuple[str, ...] = ()
    # (level, the sentence of that version that supports the key): a worksheet quotes its own version.
    evidence_at: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    model_versions: Mapping[str, str] = field(default_factory=dict)
