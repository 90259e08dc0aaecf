"""Stories for readers: listing, search, and one story with its sources and cross-source notes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from vocabsphere.core.articles import paragraphs, source_labels, web_link
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
    hidden: bool = False  # hidden from learners by a teacher or admin
    deleted: bool = False  # deleted (softly: staff can restore it)


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
            hidden=s.hidden_at is not None,
            deleted=s.deleted_at is not None,
        )
        for s in stories
    ]


def list_stories(
    db: Database, *, query: str = "", limit: int = 20, offset: int = 0, include_hidden: bool = False
) -> list[StorySummary]:
    """Stories for the library; ``include_hidden`` (for staff) adds the ones hidden from learners."""
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput(f"Search for at most {MAX_QUERY_CHARS} characters.", field="q")
    with unit_of_work(db, read_only=True) as uow:
        if query.strip():
            stories = uow.stories.search(
                query.strip(), limit=limit, offset=offset, include_hidden=include_hidden
            )
        else:
            stories = uow.stories.latest(limit=limit, offset=offset, include_hidden=include_hidden)
        return _summaries(uow, stories)


def deleted_stories(db: Database, *, limit: int = 50) -> list[StorySummary]:
    """Stories deleted by staff, newest first (they can be restored)."""
    with unit_of_work(db, read_only=True) as uow:
        return _summaries(uow, uow.stories.latest(limit=limit, offset=0, deleted=True))


STORY_ACTIONS = ("hide", "delete", "restore")


def change_visibility(db: Database, *, story_id: int, action: str, now: datetime) -> StorySummary:
    """Hide a story from learners, delete it (softly: readings, saved words and reviews keep it), or
    restore it. For teachers and admins; the web layer checks the role."""
    if action not in STORY_ACTIONS:
        raise InvalidInput("The action must be hide, delete or restore.", field="action")
    with unit_of_work(db) as uow:
        story = uow.stories.get(story_id)
        if story is None:
            raise NotFound("No such story.")
        if action == "hide":
            story.hidden_at = story.hidden_at or now
        elif action == "delete":
            story.deleted_at = story.deleted_at or now
        else:
            story.hidden_at = story.deleted_at = None
        return _summaries(uow, [story])[0]


def _source(article: Article, label: str, base_id: int | None) -> SourceView:
    return SourceView(
        article_id=article.id,
        outlet=label,
        title=article.title,
        url=web_link(article.url),
        author=article.author,
        published_at=article.published_at,
        word_count=article.word_count,
        is_base=article.id == base_id,
    )


def get_story(db: Database, story_id: int, *, include_hidden: bool = False) -> StoryView:
    """One story; hidden and deleted stories only with ``include_hidden`` (for staff)."""
    with unit_of_work(db, read_only=True) as uow:
        story = uow.stories.get(story_id)
        if story is None or (not include_hidden and (story.hidden_at or story.deleted_at)):
            raise NotFound("No such story.")
        articles = uow.stories.articles(story.id)
        base = next((a for a in articles if a.id == story.base_article_id), articles[0] if articles else None)
        related = [s for s, _ in uow.stories.related(story.id) if not (s.hidden_at or s.deleted_at)]
        return StoryView(
            summary=_summaries(uow, [story])[0],
            paragraphs=tuple(paragraphs(base.text)) if base else (),
            sources=tuple(
                _source(a, label, story.base_article_id)
                for a, label in zip(articles, source_labels([a.outlet for a in articles]), strict=True)
            ),
            facts=tuple(json.loads(story.facts_json or "[]")),
            related=tuple(_summaries(uow, related)),
        )


def story_of_article(db: Database, article_id: int) -> int:
    with unit_of_work(db) as uow:
        article = uow.articles.get(article_id)
        if article is None or article.story_id is None:
            raise NotFound("No such article.")
        return article.story_id
