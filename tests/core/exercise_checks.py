"""Test helpers shared by the exercise tests: the items made for one word of one sentence (or of a
longer text, which may first be shortened to the sentence it holds), by kind."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.exercises import ExerciseItem, exercises_for_sentence, exercises_for_text
from vocabsphere.core.lexicon import Lexicon


def items(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> dict[str, ExerciseItem]:
    """The B1 items `exercises_for_sentence` makes for `word` in `sentence`, by kind."""
    return {i.kind.value: i for i in exercises_for_sentence(lexicon, nlp(sentence), word, "B1")}


def from_text(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> dict[str, ExerciseItem]:
    """The B1 items `exercises_for_text` makes for `word` in `sentence`, by kind."""
    return {i.kind.value: i for i in exercises_for_text(lexicon, nlp, sentence, word, "B1")}
