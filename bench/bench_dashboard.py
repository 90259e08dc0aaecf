"""Class dashboard latency: 40 learners x 20 assignments (quizzes of 10 questions, most submitted, reading
sessions, extensions), on SQLite and PostgreSQL, through the shipped service (services.dashboard).

Usage: python bench/bench_dashboard.py [--postgres URL] [--learners 40] [--assignments 20] [--runs 200]
The PostgreSQL run creates and drops its own database through the given server URL.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

# the same throw-away databases and steady state as the review bench
from bench_due_queue import on_each_database, settle
from sqlalchemy import insert, select

from vocabsphere.services import dashboard
from vocabsphere.services.accounts import UserView, user_view
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database
from vocabsphere.store.tables import (
    Assignment,
    AssignmentException,
    ClassMember,
    Quiz,
    QuizQuestion,
    ReadingSession,
    SchoolClass,
    Story,
    StoryVersion,
    Submission,
    User,
)

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
QUESTIONS = 10
LEVELS = ("A2", "B1", "B2", "orig")


def _user(name: str, role: str, level: str) -> dict[str, object]:
    return {
        "username": name,
        "password_hash": "x",  # these users never log in
        "role": role,
        "display_name": name.title(),
        "native_language": "es",
        "cefr_level": level,
        "daily_goal": 20,
        "time_zone": "Europe/Madrid",
        "is_active": True,
        "created_at": NOW,
    }


def _stories(connection: object, count: int) -> list[int]:
    ids = []
    for i in range(count):
        story_id = connection.execute(  # type: ignore[attr-defined]
            insert(Story)
            .values(title=f"Story {i}", word_count=600, created_at=NOW, updated_at=NOW)
            .returning(Story.id)
        ).scalar_one()
        connection.execute(  # type: ignore[attr-defined]
            insert(StoryVersion),
            [
                {
                    "story_id": story_id,
                    "level": level,
                    "text": "A text.",
                    "word_count": 600,
                    "measured_level": level[:2].upper(),
                    "measured_score": 3.0,
                    "hit_target": True,
                    "created_at": NOW,
                }
                for level in LEVELS
            ],
        )
        ids.append(story_id)
    return ids


def fill(db: Database, learners: int, assignments: int) -> tuple[UserView, int]:
    rng = random.Random(7)
    with db.engine.begin() as connection:
        teacher_id = connection.execute(
            insert(User).values(_user("teacher", "teacher", "C1")).returning(User.id)
        )
        teacher_id = teacher_id.scalar_one()
        connection.execute(
            insert(User),
            [_user(f"learner{i:02d}", "learner", rng.choice(["A2", "B1", "B2"])) for i in range(learners)],
        )
        learner_ids = list(connection.execute(select(User.id).where(User.role == "learner")).scalars())
        class_id = connection.execute(
            insert(SchoolClass)
            .values(
                teacher_id=teacher_id,
                name="Bench",
                cefr_level="B1",
                join_code="BENCH234",
                join_code_expires_at=NOW + timedelta(days=30),
                created_at=NOW,
            )
            .returning(SchoolClass.id)
        ).scalar_one()
        connection.execute(
            insert(ClassMember), [{"class_id": class_id, "user_id": u, "joined_at": NOW} for u in learner_ids]
        )
        for n, story_id in enumerate(_stories(connection, assignments)):
            created = NOW - timedelta(days=40 - 2 * n)
            quiz_id = connection.execute(
                insert(Quiz)
                .values(
                    story_id=story_id,
                    owner_id=teacher_id,
                    title=f"Quiz {n}",
                    created_at=created,
                    updated_at=created,
                )
                .returning(Quiz.id)
            ).scalar_one()
            questions = [
                {
                    "quiz_id": quiz_id,
                    "position": q,
                    "kind": "fact",
                    "stem": f"Question {q}?",
                    "options_json": json.dumps(["One", "Two", "Three", "Four"]),
                    "answer": "One",
                    "evidence": "A sentence of the story.",
                    "levels_json": json.dumps(["A2", "B1", "B2"]),
                }
                for q in range(QUESTIONS)
            ]
            connection.execute(insert(QuizQuestion), questions)
            assignment_id = connection.execute(
                insert(Assignment)
                .values(
                    class_id=class_id,
                    story_id=story_id,
                    quiz_id=quiz_id,
                    level_rule=rng.choice(["learner", "class", "fixed"]),
                    fixed_level="B1",
                    opens_at=created,
                    due_at=created + timedelta(days=7),
                    created_at=created,
                )
                .returning(Assignment.id)
            ).scalar_one()
            sessions, submissions, exceptions = [], [], []
            for user_id in learner_ids:
                if rng.random() < 0.85:
                    for _ in range(rng.randint(1, 3)):
                        started = created + timedelta(hours=rng.randint(1, 150))
                        sessions.append(
                            {
                                "user_id": user_id,
                                "story_id": story_id,
                                "level": "B1",
                                "word_count": 600,
                                "active_seconds": rng.randint(30, 900),
                                "started_at": started,
                                "last_seen_at": started,
                            }
                        )
                if rng.random() < 0.75:
                    answers = [
                        {
                            "question_id": q,
                            "kind": "fact",
                            "stem": f"Question {q}?",
                            "options": ["One", "Two", "Three", "Four"],
                            "answer": rng.choice(["One", "Two"]),
                            "correct": rng.random() < 0.7,
                            "key": "One",
                            "evidence": "A sentence of the story.",
                        }
                        for q in range(QUESTIONS)
                    ]
                    submissions.append(
                        {
                            "assignment_id": assignment_id,
                            "user_id": user_id,
                            "level": "B1",
                            "answers_json": json.dumps(answers),
                            "score": sum(a["correct"] for a in answers),  # type: ignore[misc]
                            "max_score": QUESTIONS,
                            "submitted_at": created + timedelta(days=rng.uniform(1, 9)),
                        }
                    )
                if rng.random() < 0.05:
                    exceptions.append(
                        {
                            "assignment_id": assignment_id,
                            "user_id": user_id,
                            "due_at": created + timedelta(days=10),
                            "excused": rng.random() < 0.5,
                        }
                    )
            for table, rows in (
                (ReadingSession, sessions),
                (Submission, submissions),
                (AssignmentException, exceptions),
            ):
                if rows:
                    connection.execute(insert(table), rows)
    with db.unit_of_work(read_only=True) as session:
        teacher = session.get(User, teacher_id)
        assert teacher is not None
        return user_view(teacher), int(class_id)


def measure(db: Database, teacher: UserView, class_id: int, runs: int) -> tuple[float, float, float, int]:
    board = dashboard.class_dashboard(db, teacher, class_id=class_id, now=NOW)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        board = dashboard.class_dashboard(db, teacher, class_id=class_id, now=NOW)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    cells = len(board.cells)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1], cells


def report(name: str, db: Database, args: argparse.Namespace) -> None:
    upgrade_database(db.engine)
    teacher, class_id = fill(db, args.learners, args.assignments)
    settle(db)
    p50, p95, worst, cells = measure(db, teacher, class_id, args.runs)
    print(
        f"{name:10} class dashboard, {args.learners} learners x {args.assignments} assignments "
        f"({cells} cells): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms over {args.runs} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--assignments", type=int, default=20)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    on_each_database(args.postgres, lambda name, db: report(name, db, args))


if __name__ == "__main__":
    main()
