"""A transaction with the repositories services need, so services never touch SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from vocabsphere.store.accounts_repo import (
    ApiTokenRepository,
    LoginFailureRepository,
    UserRepository,
    WebSessionRepository,
)
from vocabsphere.store.classes_repo import ClassRepository
from vocabsphere.store.content_repo import ArticleRepository, JobRunRepository
from vocabsphere.store.database import Database
from vocabsphere.store.feeds_repo import FeedRepository
from vocabsphere.store.practice_repo import PracticeRepository
from vocabsphere.store.quizzes_repo import QuizRepository
from vocabsphere.store.reading_repo import ReadingRepository
from vocabsphere.store.stories_repo import StoryRepository
from vocabsphere.store.study_repo import StudyRepository
from vocabsphere.store.versions_repo import VersionRepository


class UnitOfWork:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.web_sessions = WebSessionRepository(session)
        self.api_tokens = ApiTokenRepository(session)
        self.login_failures = LoginFailureRepository(session)
        self.articles = ArticleRepository(session)
        self.jobs = JobRunRepository(session)
        self.stories = StoryRepository(session)
        self.feeds = FeedRepository(session)
        self.versions = VersionRepository(session)
        self.study = StudyRepository(session)
        self.reading = ReadingRepository(session)
        self.quizzes = QuizRepository(session)
        self.classes = ClassRepository(session)
        self.practice = PracticeRepository(session)

    def flush(self) -> None:
        self.session.flush()


@contextmanager
def unit_of_work(database: Database, *, read_only: bool = False) -> Iterator[UnitOfWork]:
    with database.unit_of_work(read_only=read_only) as session:
        yield UnitOfWork(session)
