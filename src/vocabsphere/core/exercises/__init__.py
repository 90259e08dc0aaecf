"""Exercises from the learner's own words and sentences: generators, validation and grading.

items = exercises_for_sentence(lexicon, nlp(sentence), "decision", "B1")
grade_answer(items[0], "decision").correct
"""

from .generate import ALL_KINDS, exercises_for_sentence, exercises_for_text, parse_kinds
from .grading import MAX_ANSWER_CHARS, Grade, grade_answer
from .model import CHOICE_KINDS, GAP, ExerciseItem, ExerciseKind, PatternRef

__all__ = [
    "ALL_KINDS",
    "CHOICE_KINDS",
    "GAP",
    "MAX_ANSWER_CHARS",
    "ExerciseItem",
    "ExerciseKind",
    "Grade",
    "PatternRef",
    "exercises_for_sentence",
    "exercises_for_text",
    "grade_answer",
    "parse_kinds",
]
