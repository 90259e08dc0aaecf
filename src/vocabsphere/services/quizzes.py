"""A teacher's quizzes: generated from a story or written by hand, then edited, reordered and printed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.quizzes.editing import check_question
from vocabsphere.core.quizzes.model import Question, QuestionKind
from vocabsphere.core.quizzes.model import Quiz as GeneratedQuiz
from vocabsphere.services import quiz_generation
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_quiz, teacher_scope
from vocabsphere.store.database import Database
from vocabsphere.store.tables import Quiz, QuizQuestion
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

MAX_QUESTIONS = 50


@dataclass(frozen=True)
class QuestionView:
    id: int
    position: int
    question: Question


@dataclass(frozen=True)
class QuizView:
    id: int
    story_id: int
    story_title: str
    story_available: bool  # False once the story was deleted
    owner_id: int
    title: str
    questions: tuple[QuestionView, ...]
    model_versions: dict[str, str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class QuestionDraft:
    kind: str
    stem: str
    options: Sequence[str] = ()
    answer: str | None = None
    evidence: str = ""


def question_of(row: QuizQuestion) -> Question:
    return Question(
        QuestionKind(row.kind),
        row.stem,
        tuple(json.loads(row.options_json or "[]")),
        row.answer,
        row.evidence,
        tuple(json.loads(row.levels_json or "[]")),
    )


def _view(uow: UnitOfWork, quiz: Quiz) -> QuizView:
    story = uow.stories.get(quiz.story_id)
    rows = uow.quizzes.questions(quiz.id)
    return QuizView(
        id=quiz.id,
        story_id=quiz.story_id,
        story_title=story.title if story else "",
        story_available=story is not None and story.deleted_at is None,
        owner_id=quiz.owner_id,
        title=quiz.title,
        questions=tuple(QuestionView(r.id, r.position, question_of(r)) for r in rows),
        model_versions=json.loads(quiz.model_versions_json or "{}"),
        created_at=quiz.created_at,
        updated_at=quiz.updated_at,
    )


def _row(quiz_id: int, position: int, question: Question) -> QuizQuestion:
    return QuizQuestion(
        quiz_id=quiz_id,
        position=position,
        kind=question.kind.value,
        stem=question.stem,
        options_json=json.dumps(list(question.options)),
        answer=question.answer,
        evidence=question.evidence,
        levels_json=json.dumps(list(question.levels)),
    )


def _check_title(raw: str) -> str:
    title = " ".join(raw.split())
    if not 1 <= len(title) <= 200:
        raise InvalidInput("A quiz title needs 1 to 200 characters.", field="title")
    return title


def create_quiz(
    db: Database,
    actor: UserView,
    *,
    story_id: int,
    title: str,
    now: datetime,
    generated: GeneratedQuiz | None = None,
) -> QuizView:
    """A quiz on a story the teacher can see (hidden ones included), empty or with generated questions."""
    questions = generated.questions[:MAX_QUESTIONS] if generated else ()
    with unit_of_work(db) as uow:
        story = uow.stories.get(story_id)
        if story is None or story.deleted_at is not None or not actor.is_teacher:
            raise NotFound("No such story.")
        quiz = uow.quizzes.add(
            Quiz(
                story_id=story_id,
                owner_id=actor.id,
                title=_check_title(title or story.title),
                model_versions_json=json.dumps(dict(generated.model_versions) if generated else {}),
                created_at=now,
                updated_at=now,
            )
        )
        for position, question in enumerate(questions):
            uow.quizzes.add_question(_row(quiz.id, position, question))
        return _view(uow, quiz)


def generate_quiz(
    db: Database, settings: Settings, actor: UserView, *, story_id: int, title: str, now: datetime
) -> QuizView:
    """Questions from the quiz generator, checked against every stored level version of the story."""
    with unit_of_work(db, read_only=True) as uow:
        story = uow.stories.get(story_id)
        if story is None or story.deleted_at is not None or not actor.is_teacher:
            raise NotFound("No such story.")
    generated = quiz_generation.generate_story_quiz(db, settings, story_id=story_id, levels=None)
    return create_quiz(db, actor, story_id=story_id, title=title, now=now, generated=generated)


def get_quiz(db: Database, actor: UserView, quiz_id: int) -> QuizView:
    with unit_of_work(db, read_only=True) as uow:
        return _view(uow, managed_quiz(uow, actor, quiz_id))


def list_quizzes(db: Database, actor: UserView, *, story_id: int | None = None) -> list[QuizView]:
    with unit_of_work(db, read_only=True) as uow:
        rows = uow.quizzes.owned(teacher_scope(actor))
        return [_view(uow, q) for q in rows if story_id is None or q.story_id == story_id]


def rename_quiz(db: Database, actor: UserView, *, quiz_id: int, title: str, now: datetime) -> QuizView:
    with unit_of_work(db) as uow:
        quiz = managed_quiz(uow, actor, quiz_id)
        quiz.title, quiz.updated_at = _check_title(title), now
        return _view(uow, quiz)


def add_question(
    db: Database, actor: UserView, *, quiz_id: int, draft: QuestionDraft, now: datetime
) -> QuizView:
    question = check_question(draft.kind, draft.stem, list(draft.options), draft.answer, draft.evidence)
    with unit_of_work(db) as uow:
        quiz = managed_quiz(uow, actor, quiz_id)
        rows = uow.quizzes.questions(quiz_id)
        if len(rows) >= MAX_QUESTIONS:
            raise InvalidInput(f"A quiz has at most {MAX_QUESTIONS} questions.", field="stem")
        uow.quizzes.add_question(_row(quiz_id, (rows[-1].position + 1) if rows else 0, question))
        quiz.updated_at = now
        return _view(uow, quiz)


def _question(uow: UnitOfWork, quiz_id: int, question_id: int) -> QuizQuestion:
    row = next((q for q in uow.quizzes.questions(quiz_id) if q.id == question_id), None)
    if row is None:
        raise NotFound("No such question in this quiz.")
    return row


def update_question(
    db: Database, actor: UserView, *, quiz_id: int, question_id: int, draft: QuestionDraft, now: datetime
) -> QuizView:
    """The teacher's wording replaces the question; the levels the generator checked it at no longer
    hold for new wording, so they are cleared unless stem, options and key are unchanged."""
    question = check_question(draft.kind, draft.stem, list(draft.options), draft.answer, draft.evidence)
    with unit_of_work(db) as uow:
        quiz = managed_quiz(uow, actor, quiz_id)
        row = _question(uow, quiz_id, question_id)
        before = question_of(row)
        same = (before.kind, before.stem, before.options, before.answer) == (
            question.kind,
            question.stem,
            question.options,
            question.answer,
        )
        fresh = _row(quiz_id, row.position, question)
        row.kind, row.stem, row.options_json = fresh.kind, fresh.stem, fresh.options_json
        row.answer, row.evidence = fresh.answer, fresh.evidence
        row.levels_json = row.levels_json if same else "[]"
        quiz.updated_at = now
        return _view(uow, quiz)


def delete_question(
    db: Database, actor: UserView, *, quiz_id: int, question_id: int, now: datetime
) -> QuizView:
    with unit_of_work(db) as uow:
        quiz = managed_quiz(uow, actor, quiz_id)
        uow.quizzes.delete_question(_question(uow, quiz_id, question_id))
        quiz.updated_at = now
        return _view(uow, quiz)


def reorder_questions(
    db: Database, actor: UserView, *, quiz_id: int, question_ids: Sequence[int], now: datetime
) -> QuizView:
    """The questions in the given order: every question of the quiz exactly once."""
    with unit_of_work(db) as uow:
        quiz = managed_quiz(uow, actor, quiz_id)
        rows = {r.id: r for r in uow.quizzes.questions(quiz_id)}
        if sorted(question_ids) != sorted(rows):
            raise InvalidInput("List every question of the quiz exactly once.", field="question_ids")
        for position, question_id in enumerate(question_ids):
            rows[question_id].position = position
        quiz.updated_at = now
        return _view(uow, quiz)


def move_question(
    db: Database, actor: UserView, *, quiz_id: int, question_id: int, offset: int, now: datetime
) -> QuizView:
    """One step up (-1) or down (+1); at either end nothing moves."""
    order = [q.id for q in get_quiz(db, actor, quiz_id).questions]
    if question_id not in order:
        raise NotFound("No such question in this quiz.")
    at = order.index(question_id)
    to = min(max(at + offset, 0), len(order) - 1)
    order.insert(to, order.pop(at))
    return reorder_questions(db, actor, quiz_id=quiz_id, question_ids=order, now=now)


def worksheet(db: Database, settings: Settings, actor: UserView, *, quiz_id: int, level: str) -> bytes:
    """The printable handout of the quiz's story at `level` (made by the quiz generator's worksheet)."""
    view = get_quiz(db, actor, quiz_id)
    if not view.story_available:
        raise NotFound("The story of this quiz was deleted.")
    quiz = GeneratedQuiz(tuple(q.question for q in view.questions), view.model_versions)
    return quiz_generation.worksheet_pdf(db, settings, story_id=view.story_id, level=level, quiz=quiz)
