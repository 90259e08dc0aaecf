"""Quizzes and their ordered questions."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import Quiz, QuizQuestion


class QuizRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, quiz: Quiz) -> Quiz:
        self._session.add(quiz)
        self._session.flush()
        return quiz

    def get(self, quiz_id: int) -> Quiz | None:
        return self._session.get(Quiz, quiz_id)

    def owned(self, owner_id: int | None, *, limit: int = 200) -> list[Quiz]:
        """A teacher's quizzes (everyone's for None), newest first."""
        query = select(Quiz).order_by(Quiz.updated_at.desc(), Quiz.id.desc()).limit(limit)
        if owner_id is not None:
            query = query.where(Quiz.owner_id == owner_id)
        return list(self._session.scalars(query))

    def questions(self, quiz_id: int) -> list[QuizQuestion]:
        query = select(QuizQuestion).where(QuizQuestion.quiz_id == quiz_id).order_by(QuizQuestion.position)
        return list(self._session.scalars(query))

    def question_counts(self, quiz_ids: list[int]) -> dict[int, int]:
        if not quiz_ids:
            return {}
        query = (
            select(QuizQuestion.quiz_id, func.count())
            .where(QuizQuestion.quiz_id.in_(quiz_ids))
            .group_by(QuizQuestion.quiz_id)
        )
        return {quiz_id: count for quiz_id, count in self._session.execute(query)}

    def add_question(self, question: QuizQuestion) -> QuizQuestion:
        self._session.add(question)
        self._session.flush()
        return question

    def delete_question(self, question: QuizQuestion) -> None:
        self._session.execute(delete(QuizQuestion).where(QuizQuestion.id == question.id))
