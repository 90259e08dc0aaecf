"""Single articles (one outlet's report) for the API; learners read stories (services.stories)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.articles import paragraphs, web_link
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


def _summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published_at=article.published_at,
        word_count=article.word_count,
    )


def list_articles(db: Database, *, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
    with unit_of_work(db) as uow:
        return [_summary(a) for a in uow.articles.latest(limit=limit, offset=offset)]


def get_article(db: Database, article_id: int) -> ArticleView:
    with unit_of_work(db) as uow:
        article = uow.articles.get(article_id)
        if article is None:
            raise NotFound("No such article.")
        return ArticleView(
            summary=_summary(article), paragraphs=paragraphs(article.text), url=web_link(article.url)
        )
