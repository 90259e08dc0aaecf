"""Stories, their links and full-text search (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, text
from sqlalchemy.orm import Session

from vocabsphere.store.tables import Article, Story, StoryLink

_QUERY_WORD = re.compile(r"\w+", re.UNICODE)


def _fts_query(query: str) -> str:
    """User words as an FTS5 query of quoted prefix terms: no operator injection, no syntax errors."""
    words = _QUERY_WORD.findall(query)[:12]
    return " ".join(f'"{w}"*' for w in words)


def _shown(*, include_hidden: bool, deleted: bool) -> ColumnElement[bool]:
    if deleted:
        return Story.deleted_at.is_not(None)
    visible = Story.deleted_at.is_(None)
    return visible if include_hidden else and_(visible, Story.hidden_at.is_(None))


class StoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, story: Story) -> Story:
        self._session.add(story)
        self._session.flush()
        return story

    def get(self, story_id: int) -> Story | None:
        return self._session.get(Story, story_id)

    def titles(self, story_ids: set[int]) -> dict[int, str]:
        if not story_ids:
            return {}
        query = select(Story.id, Story.title).where(Story.id.in_(sorted(story_ids)))
        return {story_id: title for story_id, title in self._session.execute(query)}

    def recent(self, *, since: datetime | None, limit: int) -> list[Story]:
        query = select(Story).order_by(Story.updated_at.desc(), Story.id.desc()).limit(limit)
        if since is not None:
            query = query.where(Story.updated_at >= since)
        return list(self._session.scalars(query))

    def latest(
        self, *, limit: int, offset: int, include_hidden: bool = False, deleted: bool = False
    ) -> list[Story]:
        """Newest first: the stories learners see, with hidden ones for staff, or only deleted ones."""
        query = select(Story).where(_shown(include_hidden=include_hidden, deleted=deleted))
        query = query.order_by(Story.published_at.desc().nulls_last(), Story.id.desc())
        return list(self._session.scalars(query.limit(limit).offset(offset)))

    def count(self) -> int:
        return self._session.scalar(select(func.count(Story.id))) or 0

    def articles(self, story_id: int) -> list[Article]:
        query = select(Article).where(Article.story_id == story_id).order_by(Article.id)
        return list(self._session.scalars(query))

    def articles_of(self, story_ids: list[int]) -> list[Article]:
        if not story_ids:
            return []
        query = select(Article).where(Article.story_id.in_(story_ids)).order_by(Article.id)
        return list(self._session.scalars(query))

    def link(self, story_id: int, related_id: int, similarity: float) -> None:
        if story_id == related_id:
            return
        for a, b in ((story_id, related_id), (related_id, story_id)):
            if self._session.get(StoryLink, (a, b)) is None:
                self._session.add(StoryLink(story_id=a, related_id=b, similarity=similarity))
        self._session.flush()

    def related(self, story_id: int) -> list[tuple[Story, float]]:
        query = (
            select(Story, StoryLink.similarity)
            .join(StoryLink, StoryLink.related_id == Story.id)
            .where(StoryLink.story_id == story_id)
            .order_by(StoryLink.similarity.desc())
        )
        return [(story, float(sim)) for story, sim in self._session.execute(query)]

    def unlink_all(self, story_id: int) -> None:
        self._session.execute(
            delete(StoryLink).where(or_(StoryLink.story_id == story_id, StoryLink.related_id == story_id))
        )

    # Full-text search ----------------------------------------------------------------
    def index(self, story_id: int, title: str, body: str) -> None:
        if self._session.get_bind().dialect.name == "sqlite":
            self._session.execute(text("DELETE FROM story_search WHERE rowid = :id"), {"id": story_id})
            self._session.execute(
                text("INSERT INTO story_search(rowid, title, body) VALUES (:id, :title, :body)"),
                {"id": story_id, "title": title, "body": body},
            )
            return
        self._session.execute(
            text(
                "UPDATE stories SET search_vector = setweight(to_tsvector('english', :title), 'A') "
                "|| setweight(to_tsvector('english', :body), 'B') WHERE id = :id"
            ),
            {"id": story_id, "title": title, "body": body},
        )

    def search(self, query: str, *, limit: int, offset: int, include_hidden: bool = False) -> list[Story]:
        if self._session.get_bind().dialect.name == "sqlite":
            match = _fts_query(query)
            if not match:
                return []
            rows = self._session.execute(
                text(
                    "SELECT rowid FROM story_search WHERE story_search MATCH :q "
                    "ORDER BY bm25(story_search, 4.0, 1.0) LIMIT :limit OFFSET :offset"
                ),
                {"q": match, "limit": limit, "offset": offset},
            )
        else:
            rows = self._session.execute(
                text(
                    "SELECT id FROM stories, websearch_to_tsquery('english', :q) AS query "
                    "WHERE search_vector @@ query ORDER BY ts_rank(search_vector, query) DESC, id DESC "
                    "LIMIT :limit OFFSET :offset"
                ),
                {"q": query[:200], "limit": limit, "offset": offset},
            )
        ids = [int(r[0]) for r in rows]
        wanted = select(Story).where(Story.id.in_(ids), _shown(include_hidden=include_hidden, deleted=False))
        by_id = {s.id: s for s in self._session.scalars(wanted)}
        return [by_id[i] for i in ids if i in by_id]
