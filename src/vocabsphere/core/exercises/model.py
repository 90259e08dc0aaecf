"""An exercise item: one gap or question with exactly one right answer, and why it is right."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["CHOICE_KINDS", "GAP", "ExerciseItem", "ExerciseKind", "PatternRef"]


class ExerciseKind(StrEnum):
    PART_OF_SPEECH = "part_of_speech"  # what is the word doing here (noun, verb ...)
    WORD_FAMILY = "word_family"  # choose, or type, the member of the word's family that fits the gap
    WORD_FORM = "word_form"  # type the word in the form the gap needs
    SENTENCE_ROLE = "sentence_role"  # is this phrase the subject, the verb or the object
    WORD_ORDER = "word_order"  # put the phrases of a sentence, or the words of a noun phrase, in order
    CLOZE = "cloze"  # choose the saved word for the gap among words that do not fit
    COLLOCATION = "collocation"  # the particle, preposition, verb or adjective that goes with a word
    VOICE = "voice"  # the same sentence in the active or the passive voice
    RELATIVE_CLAUSE = "relative_clause"  # two sentences joined with a relative clause
    QUESTION = "question"  # a statement turned into a yes/no question


# Kinds answered by choosing among ``options``; the others are typed (word forms) or ordered. A
# word-family item without options is typed (the stem in capitals: :attr:`ExerciseItem.typed`).
CHOICE_KINDS = frozenset(
    {
        ExerciseKind.PART_OF_SPEECH,
        ExerciseKind.WORD_FAMILY,
        ExerciseKind.SENTENCE_ROLE,
        ExerciseKind.CLOZE,
        ExerciseKind.COLLOCATION,
        ExerciseKind.VOICE,
        ExerciseKind.RELATIVE_CLAUSE,
        ExerciseKind.QUESTION,
    }
)


@dataclass(frozen=True)
class PatternRef:
    """The grammar point or sentence pattern an item practises (catalogue id where one exists)."""

    id: str
    level: str


@dataclass(frozen=True)
class ExerciseItem:
    kind: ExerciseKind
    prompt: str  # the question; a gap is written GAP
    answer: str  # the key, as the learner should give it
    explanation: str  # why the key is right, in plain words
    source_sentence: str  # the sentence the item was made from, unchanged
    word: str  # the learner's word (lemma)
    options: tuple[str, ...] = ()  # for choice and ordering items, in the order shown
    accepted: tuple[str, ...] = ()  # every answer graded right (the key first)
    grammar_point: PatternRef | None = None
    gapped: str = field(default="")  # the sentence with the gap, when the item has one
    # The story's sentence when ``source_sentence`` is a shorter sentence made of it (too long itself).
    shortened_from: str = ""

    @property
    def key(self) -> str:
        """A stable id of the item's content: the same item made twice has the same key."""
        text = "\x1f".join((self.kind.value, self.source_sentence, self.word, self.prompt, self.answer))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    @property
    def typed(self) -> bool:
        """Answered by typing a word: word forms, and word families shown without options."""
        return self.kind is ExerciseKind.WORD_FORM or (
            self.kind is ExerciseKind.WORD_FAMILY and not self.options
        )

    @property
    def question(self) -> str:
        """The instruction and, for gap items, the sentence with its gap."""
        return f"{self.prompt} {self.gapped}" if self.gapped else self.prompt

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "prompt": self.question,
            "gapped": self.gapped,
            "options": list(self.options),
            "answer": self.answer,
            "accepted": list(self.accepted or (self.answer,)),
            "explanation": self.explanation,
            "grammar_point": (
                {"id": self.grammar_point.id, "level": self.grammar_point.level}
                if self.grammar_point
                else None
            ),
            "source_sentence": self.source_sentence,
            "shortened_from": self.shortened_from,
            "word": self.word,
        }


GAP = "_____"
