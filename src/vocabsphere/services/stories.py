"""Stories for readers: listing, search, and one story with its sources and cross-source notes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from vocabsphere.core.articles import paragraphs, web_link
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.store.database import Database
from vocabsphere.store.tables import Article, Story
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class SourceView:
    article_id: int
    outlet: str
    title: str
    url: str | None
    author: str | None
    published_at: datetime | None
    word_count: int
    is_base: bool


@dataclass(frozen=True)
class StorySummary:
    id: int
    title: str
    outlets: tuple[str, ...]
    published_at: datetime | None
    word_count: int
    source_count: int
    cefr_level: str | None = None


@dataclass(frozen=True)
class StoryView:
    summary: StorySummary
    paragraphs: tuple[str, ...]
    sources: tuple[SourceView, ...]
    facts: tuple[dict[str, Any], ...]
    related: tuple[StorySummary, ...]


def _summaries(uow: UnitOfWork, stories: list[Story]) -> list[StorySummary]:
    articles = uow.stories.articles_of([s.id for s in stories])
    outlets: dict[int, list[str]] = {}
    for article in articles:
        names = outlets.setdefault(article.story_id or 0, [])
        if article.outlet not in names:
            names.append(article.outlet)
    return [
        StorySummary(
            id=s.id,
            title=s.title,
            outlets=tuple(outlets.get(s.id, [])),
            published_at=s.published_at,
            word_count=s.word_count,
            source_count=s.source_count,
            cefr_level=s.cefr_level,
        )
        for s in stories
    ]


def list_stories(db: Database, *, query: str = "", limit: int = 20, offset: int = 0) -> list[StorySummary]:
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput(f"Search for at most {MAX_QUERY_CHARS} characters.", field="q")
    with unit_of_work(db, read_only=True) as uow:
        if query.strip():
            stories = uow.stories.search(query.strip(), limit=limit, offset=offset)
        else:
            stories = uow.stories.latest(limit=limit, offset=offset)
        return _summaries(uow, stories)


def _source(article: Article, base_id: int | None) -> SourceView:
    return SourceView(
        article_id=article.id,
        outlet=article.outlet,
        title=article.title,
        url=web_link(article.url),
        author=article.author,
        published_at=article.published_at,
        word_count=article.word_count,
        is_base=article.id == base_id,
    )


def get_story(db: Database, story_id: int) -> StoryView:
    with unit_of_work(db, read_only=True) as uow:
        story = uow.stories.get(story_id)
        if story is None:
            raise NotFound("No such story.")
        articles = uow.stories.articles(story.id)
        base = next((a for a in articles if a.id == story.base_article_id), articles[0] if articles else None)
        related = [s for s, _ in uow.stories.related(story.id)]
        return StoryView(
            summary=_summaries(uow, [story])[0],
            paragraphs=tuple(paragraphs(base.text)) if base else (),
            sources=tuple(_source(a, story.base_article_id) for a in articles),
            facts=tuple(json.loads(story.facts_json or "[]")),
            related=tuple(_summaries(uow, related)),
        )


def story_of_article(db: Database, article_id: int) -> int:
    with unit_of_work(db) as uow:
        article = uow.articles.get(article_id)
        if article is None or article.story_id is None:
            raise NotFound("No such article.")
        return article.story_id
