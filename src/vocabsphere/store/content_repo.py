"""Articles and background-job records."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vocabsphere.store.tables import Article, JobRun


class DuplicateArticle(Exception):
    """The same text or URL was stored by a concurrent request a moment ago."""


class ArticleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, article: Article) -> Article:
        savepoint = self._session.begin_nested()
        try:
            self._session.add(article)
            self._session.flush()
        except IntegrityError:
            savepoint.rollback()
            raise DuplicateArticle from None
        savepoint.commit()
        return article

    def get(self, article_id: int) -> Article | None:
        return self._session.get(Article, article_id)

    def by_content_hash(self, content_hash: str) -> Article | None:
        return self._session.scalar(select(Article).where(Article.content_hash == content_hash))

    def by_canonical_url(self, url: str) -> Article | None:
        return self._session.scalar(select(Article).where(Article.canonical_url == url))

    def latest(self, *, limit: int = 50, offset: int = 0) -> list[Article]:
        query = select(Article).order_by(Article.created_at.desc(), Article.id.desc())
        return list(self._session.scalars(query.limit(limit).offset(offset)))

    def count(self) -> int:
        return self._session.scalar(select(func.count(Article.id))) or 0


class JobRunRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, run: JobRun) -> JobRun:
        self._session.add(run)
        self._session.flush()
        return run

    def get(self, run_id: int) -> JobRun | None:
        return self._session.get(JobRun, run_id)

    def latest(self, *, limit: int = 50) -> list[JobRun]:
        query = select(JobRun).order_by(JobRun.id.desc()).limit(limit)
        return list(self._session.scalars(query))
