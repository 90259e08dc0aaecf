"""Feeds and the entries already seen in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import Feed, FeedItem


class FeedRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, feed: Feed) -> Feed:
        self._session.add(feed)
        self._session.flush()
        return feed

    def get(self, feed_id: int) -> Feed | None:
        return self._session.get(Feed, feed_id)

    def by_url(self, url: str) -> Feed | None:
        return self._session.scalar(select(Feed).where(Feed.url == url))

    def all(self) -> list[Feed]:
        return list(self._session.scalars(select(Feed).order_by(Feed.id)))

    def due(self, now: datetime, *, limit: int = 50) -> list[Feed]:
        query = (
            select(Feed)
            .where(Feed.active.is_(True), Feed.next_poll_at <= now)
            .order_by(Feed.next_poll_at)
            .limit(limit)
        )
        return list(self._session.scalars(query))

    def seen_keys(self, feed_id: int, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        query = select(FeedItem.entry_key).where(FeedItem.feed_id == feed_id, FeedItem.entry_key.in_(keys))
        return set(self._session.scalars(query))

    def record_item(self, item: FeedItem) -> None:
        self._session.add(item)
        self._session.flush()

    def delete(self, feed: Feed) -> None:
        self._session.delete(feed)
