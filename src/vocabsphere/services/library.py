"""Articles in the library: idempotent import, listing and reading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from vocabsphere.core.articles import ArticleDraft, check_article, content_hash, count_words, paragraphs
from vocabsphere.core.errors import NotFound
from vocabsphere.store.database import Database
from vocabsphere.store.tables import Article
from vocabsphere.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    outlet: str
    published_at: datetime | None
    word_count: int


@dataclass(frozen=True)
class ArticleView:
    summary: ArticleSummary
    paragraphs: list[str]
    url: str | None


@dataclass(frozen=True)
class ImportResult:
    article_id: int
    created: bool


def _summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published_at=article.published_at,
        word_count=article.word_count,
    )


def add_article(
    db: Database, draft: ArticleDraft, *, now: datetime, created_by: int | None = None
) -> ImportResult:
    """Store an article once: the same text again returns the stored one."""
    clean = check_article(draft)
    digest = content_hash(clean.text)
    published = datetime.combine(clean.published, time(12), tzinfo=UTC) if clean.published else None
    with unit_of_work(db) as uow:
        existing = uow.articles.by_content_hash(digest)
        if existing is not None:
            return ImportResult(article_id=existing.id, created=False)
        article = uow.articles.add(
            Article(
                title=clean.title,
                outlet=clean.outlet,
                url=clean.url,
                published_at=published,
                text=clean.text,
                word_count=count_words(clean.text),
                content_hash=digest,
                created_at=now,
                created_by=created_by,
            )
        )
        return ImportResult(article_id=article.id, created=True)


def list_articles(db: Database, *, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
    with unit_of_work(db) as uow:
        return [_summary(a) for a in uow.articles.latest(limit=limit, offset=offset)]


def get_article(db: Database, article_id: int) -> ArticleView:
    with unit_of_work(db) as uow:
        article = uow.articles.get(article_id)
        if article is None:
            raise NotFound("No such article.")
        return ArticleView(summary=_summary(article), paragraphs=paragraphs(article.text), url=article.url)
