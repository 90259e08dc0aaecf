"""Quizzes and worksheets for a stored story (the generator lives in core.quizzes).

Contract shared by the quiz generator and the teacher's side; the generator's branch fills these in.
"""

from __future__ import annotations

from collections.abc import Sequence

from vocabsphere.config import Settings
from vocabsphere.core.quizzes.model import Quiz
from vocabsphere.store.database import Database


def generate_story_quiz(
    db: Database, settings: Settings, *, story_id: int, levels: Sequence[str] | None = None
) -> Quiz:
    """A quiz for the story, each question checked against the given level versions (all stored ones if None).

    Raises NotFound for a missing or deleted story, InvalidInput for a level the story has no version at.
    """
    raise NotImplementedError("filled in by the quiz generator")


def worksheet_pdf(db: Database, settings: Settings, *, story_id: int, level: str, quiz: Quiz) -> bytes:
    """A printable handout: the text at `level`, a glossary of its highlighted words, the questions, and the
    answer key on its own page."""
    raise NotImplementedError("filled in by the quiz generator")
