"""Feeds: subscribe, poll with back-off, and never add the same entry twice."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core.errors import Conflict, DomainError, NotFound
from vocabsphere.core.feeds import FeedEntry, parse_feed, parse_opml
from vocabsphere.services.fetching import FEED_TYPES, FetchPolicy, check_url, fetch
from vocabsphere.services.ingest import IngestResult, IngestSource, fetch_source, prepare, store
from vocabsphere.store.database import Database
from vocabsphere.store.tables import Feed, FeedItem
from vocabsphere.store.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(days=1)
MAX_NEW_ENTRIES_PER_POLL = 30


@dataclass(frozen=True)
class FeedView:
    id: int
    url: str
    title: str
    active: bool
    failure_count: int
    last_error: str
    last_polled_at: datetime | None
    next_poll_at: datetime


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    new_articles: int
    skipped: int
    error: str = ""


def _view(feed: Feed) -> FeedView:
    return FeedView(
        id=feed.id,
        url=feed.url,
        title=feed.title,
        active=feed.active,
        failure_count=feed.failure_count,
        last_error=feed.last_error,
        last_polled_at=feed.last_polled_at,
        next_poll_at=feed.next_poll_at,
    )


def add_feed(
    db: Database,
    url: str,
    *,
    now: datetime,
    policy: FetchPolicy,
    title: str = "",
    created_by: int | None = None,
) -> FeedView:
    checked = check_url(url, policy)
    with unit_of_work(db) as uow:
        if uow.feeds.by_url(checked) is not None:
            raise Conflict("This feed is already in the list.", field="url")
        feed = uow.feeds.add(
            Feed(
                url=checked,
                title=title[:300],
                active=True,
                failure_count=0,
                last_error="",
                next_poll_at=now,
                created_at=now,
                created_by=created_by,
            )
        )
        return _view(feed)


def import_opml(
    db: Database, data: bytes, *, now: datetime, policy: FetchPolicy, created_by: int | None = None
) -> list[FeedView]:
    added = []
    for title, url in parse_opml(data):
        try:
            added.append(add_feed(db, url, now=now, policy=policy, title=title, created_by=created_by))
        except (Conflict, DomainError) as error:
            log.info("OPML entry %s skipped: %s", url, error)
    return added


def list_feeds(db: Database) -> list[FeedView]:
    with unit_of_work(db) as uow:
        return [_view(f) for f in uow.feeds.all()]


def due_feeds(db: Database, now: datetime) -> list[int]:
    with unit_of_work(db) as uow:
        return [f.id for f in uow.feeds.due(now)]


def backoff(failures: int, interval: timedelta) -> timedelta:
    """Each failure doubles the wait, up to a day."""
    wait: timedelta = min(interval * (2 ** min(failures, 10)), MAX_BACKOFF)
    return wait


def poll_feed(
    db: Database, feed_id: int, *, now: datetime, policy: FetchPolicy, interval: timedelta
) -> PollResult:
    with unit_of_work(db) as uow:
        feed = uow.feeds.get(feed_id)
        if feed is None:
            raise NotFound("No such feed.")
        url, etag, modified = feed.url, feed.etag, feed.last_modified
    try:
        fetched = fetch(url, policy, accept=(*FEED_TYPES, "text/html"), etag=etag, last_modified=modified)
        parsed = None if fetched.not_modified else parse_feed(fetched.body)
    except DomainError as error:
        _record_failure(db, feed_id, error.message, now=now, interval=interval)
        return PollResult(feed_id, 0, 0, error.message)
    new = skipped = 0
    if parsed is not None:
        new, skipped = _ingest_entries(db, feed_id, parsed.entries, now=now, policy=policy)
    with unit_of_work(db) as uow:
        feed = uow.feeds.get(feed_id)
        if feed is not None:
            if parsed is not None and parsed.title and not feed.title:
                feed.title = parsed.title[:300]
            feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
            feed.failure_count, feed.last_error = 0, ""
            feed.last_polled_at, feed.next_poll_at = now, now + interval
    return PollResult(feed_id, new, skipped)


def _record_failure(db: Database, feed_id: int, message: str, *, now: datetime, interval: timedelta) -> None:
    with unit_of_work(db) as uow:
        feed = uow.feeds.get(feed_id)
        if feed is None:
            return
        feed.failure_count += 1
        feed.last_error = message[:2000]
        feed.last_polled_at = now
        feed.next_poll_at = now + backoff(feed.failure_count, interval)


def _ingest_entries(
    db: Database, feed_id: int, entries: tuple[FeedEntry, ...], *, now: datetime, policy: FetchPolicy
) -> tuple[int, int]:
    with unit_of_work(db) as uow:
        seen = uow.feeds.seen_keys(feed_id, [e.key for e in entries])
    new = skipped = 0
    for entry in [e for e in entries if e.key not in seen][:MAX_NEW_ENTRIES_PER_POLL]:
        status, message, article_id = "skipped", "", None
        try:
            result = _ingest_entry(db, feed_id, entry, now=now, policy=policy)
            status, article_id = ("added" if result.created else "duplicate"), result.article_id
            new += result.created
        except DomainError as error:
            message = error.message
            skipped += 1
        with unit_of_work(db) as uow:
            uow.feeds.record_item(
                FeedItem(
                    feed_id=feed_id,
                    entry_key=entry.key,
                    article_id=article_id,
                    status=status,
                    message=message[:2000],
                    seen_at=now,
                )
            )
    return new, skipped


def _ingest_entry(
    db: Database, feed_id: int, entry: FeedEntry, *, now: datetime, policy: FetchPolicy
) -> IngestResult:
    """The linked page when there is one (feeds often carry only a teaser), else the entry's own text."""
    if entry.link:
        fetched = fetch_source(entry.link, policy)
        source = IngestSource(
            kind="feed",
            data=fetched.data,
            url=fetched.url,
            charset=fetched.charset,
            is_html=fetched.is_html,
            published=entry.published,
            feed_id=feed_id,
        )
    else:
        source = IngestSource(
            kind="feed",
            text=entry.summary_html,
            is_html=True,
            title=entry.title or None,
            published=entry.published,
            feed_id=feed_id,
        )
    return store(db, prepare(source), kind="feed", now=now, feed_id=feed_id, label=entry.link or entry.title)
