"""The class's pre-teaching list turned into a vocabulary quiz with one action.

The words are those most learners of the class looked up in the assignment's story (the report's list); each
becomes "what does X mean in this sentence?" where the sense is certain (core.quizzes.generate_word_quiz).
"""

from __future__ import annotations

from datetime import datetime

from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import quiz_generation
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_assignment
from vocabsphere.services.dashboard import TOP_LOOKUPS
from vocabsphere.services.quizzes import QuizView, create_quiz
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

__all__ = ["lookup_quiz"]


def lookup_quiz(
    db: Database, settings: Settings, actor: UserView, *, assignment_id: int, now: datetime
) -> QuizView:
    """A new quiz of the teacher's on the words the class looked up most in the assignment's story.

    Raises NotFound for another teacher's assignment, InvalidInput when nobody looked a word up or none of
    the words can be asked safely (uncertain sense, no plain word for it)."""
    with unit_of_work(db, read_only=True) as uow:
        row, _ = managed_assignment(uow, actor, assignment_id)
        story_id = row.story_id
        story = uow.stories.get(story_id)
        title = f"Words from “{story.title}”" if story is not None else "Words looked up"
        members = [user.id for _, user in uow.classes.members(row.class_id)]
        words = [lemma for lemma, _ in uow.classes.top_lookups(story_id, members, limit=TOP_LOOKUPS)]
    if not words:
        raise InvalidInput("Nobody in the class has looked up a word in this story yet.", field="words")
    generated = quiz_generation.generate_story_word_quiz(db, settings, story_id=story_id, words=words)
    if not generated.questions:
        raise InvalidInput(
            "None of the looked-up words could be asked safely: their meaning in the story is uncertain.",
            field="words",
        )
    return create_quiz(db, actor, story_id=story_id, title=title[:200], now=now, generated=generated)
