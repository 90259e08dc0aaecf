"""Grading an answer to an item, with the kindness typed review answers get (core.srs.answers):
case, spacing and edge punctuation never matter; a typed word one slip of the finger away from an
accepted answer is right, with the spelling shown, unless the slip makes another form of the same
word (in a word-form item "rises" for "risen" is the mistake being practised, not a typo) or, in
a typed word-family item, another word ("wealthy" for "wealth": the member is what is practised)."""

from __future__ import annotations

from dataclasses import dataclass

from lemminflect import getAllInflections, getAllLemmas

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.srs.answers import check_typed_answer, normalise_answer

from .model import CHOICE_KINDS, ExerciseItem, ExerciseKind

__all__ = ["MAX_ANSWER_CHARS", "Grade", "grade_answer"]

MAX_ANSWER_CHARS = 300


@dataclass(frozen=True)
class Grade:
    correct: bool
    near_miss: bool  # right, with a spelling slip
    message: str


def _forms_of(lemma: str) -> set[str]:
    return {f.casefold() for forms in getAllInflections(lemma).values() for f in forms} | {lemma.casefold()}


def grade_answer(item: ExerciseItem, given: str) -> Grade:
    if len(given) > MAX_ANSWER_CHARS:
        raise InvalidInput(f"An answer has at most {MAX_ANSWER_CHARS} characters.", field="answer")
    answer = normalise_answer(given)
    if not answer:
        raise InvalidInput("Give an answer.", field="answer")
    accepted = item.accepted or (item.answer,)
    if answer in {normalise_answer(a) for a in accepted}:
        return Grade(True, False, "Correct!")
    if (item.kind in CHOICE_KINDS and not item.typed) or item.kind is ExerciseKind.WORD_ORDER:
        return Grade(False, False, f"The answer is \u201c{item.answer}\u201d.")
    # Typed: one typo is forgiven, but another form of the word is exactly what is being tested.
    if answer in _forms_of(item.word):
        return Grade(False, False, f"Another form of the word. The answer is \u201c{item.answer}\u201d.")
    if item.kind is ExerciseKind.WORD_FAMILY and getAllLemmas(answer):
        # a word of the dictionary is a choice, not a slip: "wealthy" for "wealth", the stem copied
        return Grade(False, False, f"That is another word. The answer is \u201c{item.answer}\u201d.")
    for expected in accepted:
        check = check_typed_answer(expected, given)
        if check.correct:
            return Grade(True, check.near_miss, check.message)
    return Grade(False, False, f"The answer is \u201c{item.answer}\u201d.")
