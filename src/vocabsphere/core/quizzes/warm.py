"""Load, before the first teacher asks, what the first quiz and worksheet would load on the request path.

The server's start-up already loads the pipeline, the lexicon and the sense vectors (services.dictionary);
a quiz also reads word frequencies, the word-level model, inflection tables, the worksheet's fonts. One quiz
on a short made-up story and its worksheet load them all (measured: bench/bench_quiz.py, first call).
"""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.quizzes.generator import generate_quiz
from vocabsphere.core.quizzes.worksheet import GlossaryEntry, Worksheet, render_worksheet

__all__ = ["warm_up"]

_STORY = (
    "Maria Lopez, the head teacher, said the new garden would give the children fresh vegetables.",
    "The children planted 120 tomato plants in April because the weather was warm.",
    "Tom Baker, a local farmer, helped the school with the soil and the seeds.",
    "Anna Reid said the project was very popular with parents.",
)


def warm_up(lexicon: Lexicon | None, nlp: Language | None = None) -> None:
    text = "\n".join(_STORY)
    quiz = generate_quiz({"A2": text, "orig": text}, lexicon=lexicon, nlp=nlp)
    render_worksheet(Worksheet("Warm-up", "A2", _STORY, (GlossaryEntry("soil", "earth", "sɔɪl"),), quiz))
