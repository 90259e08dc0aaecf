"""Where the key stands among a question's options, spread over the quiz.

Each generator orders its options by a hash of the question's text, which is unrelated to the key but, over
the few choice questions of one quiz, can still put the key first more often than not ("always pick A" then
beats chance). Test writers balance the key's place over the whole test; this does the same: the choice
questions take the key's place in turn (first, second, third, ...), starting where the quiz's text says, by
turning each question's options round, so their order otherwise stays the generator's. Options listed in
order of size (numbers and years, as tests list them) keep that order: there the key's place is the
generator's own, balanced by which side of the key the other numbers fall.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence

from vocabsphere.core.ingest.numbers import normalise_numbers
from vocabsphere.core.quizzes.model import Question, QuestionKind
from vocabsphere.core.quizzes.passages import NUMBER_WORDS

__all__ = ["spread_keys"]

_WORD_VALUE = {w: n for n, w in enumerate(NUMBER_WORDS)}


def _value(option: str) -> float | None:
    """The first number an option states (ingestion's reader of numbers: digits with their scale word,
    number words), or None; "one" and "zero", which it leaves alone in running text, by their word."""
    found = normalise_numbers(option)
    if found:
        return found[0].value
    for word in re.findall(r"[a-z]+", option.lower()):
        if word in _WORD_VALUE:
            return float(_WORD_VALUE[word])
    return None


def _in_order_of_size(options: Sequence[str]) -> bool:
    values = [_value(o) for o in options]
    if any(v is None for v in values):
        return False
    numbers = [v for v in values if v is not None]
    return numbers == sorted(numbers)


def _movable(question: Question) -> bool:
    return (
        question.kind is not QuestionKind.TRUE_FALSE
        and question.answer is not None
        and len(question.options) >= 2
        and question.answer in question.options
        and not _in_order_of_size(question.options)
    )


def _turned(question: Question, place: int) -> Question:
    """The question with its options turned round so that the key stands at ``place``."""
    options = question.options
    shift = (options.index(question.answer or "") - place) % len(options)
    return dataclasses.replace(question, options=options[shift:] + options[:shift])


def spread_keys(questions: Sequence[Question]) -> tuple[Question, ...]:
    """The questions with the keys of the choice questions at places taken in turn over the quiz."""
    movable = [q for q in questions if _movable(q)]
    if not movable:
        return tuple(questions)
    start = hashlib.sha256("\n".join(q.stem for q in movable).encode()).digest()[0]
    out: list[Question] = []
    turn = 0
    for question in questions:
        if _movable(question):
            question = _turned(question, (start + turn) % len(question.options))
            turn += 1
        out.append(question)
    return tuple(out)
