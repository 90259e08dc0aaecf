"""Open discussion questions (no key)."""

from __future__ import annotations

from vocabsphere.core.quizzes.candidates import Candidate
from vocabsphere.core.quizzes.entities import Cast
from vocabsphere.core.quizzes.model import QuestionKind

__all__ = ["discussion_candidates"]

_GENERAL = (
    "What was the most surprising thing in this story for you? Why?",
    "Would you like to find out more about this story? What would you like to know?",
)


def discussion_candidates(cast: Cast) -> list[Candidate]:
    """Open questions for the class: no key, so nothing in them can be wrong about the story."""
    asked = list(_GENERAL)
    if cast.speakers:  # someone the story quotes: alive and part of the story when it was written
        asked.insert(1, f"If you could ask {cast.speakers[0]} one question, what would you ask?")
    return [Candidate(QuestionKind.DISCUSSION, q, (), None, "", None) for q in asked[:2]]
