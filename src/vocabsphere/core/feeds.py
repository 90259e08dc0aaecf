"""RSS/Atom feeds and OPML lists, parsed from bytes (fetching happens outside the core)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import defusedxml.ElementTree as SafeET
import feedparser

from vocabsphere.core.errors import InvalidInput

MAX_ENTRIES = 200


@dataclass(frozen=True)
class FeedEntry:
    key: str  # stable identity for "already seen": guid, else link, else title
    title: str
    link: str | None
    published: date | None
    summary_html: str


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[FeedEntry, ...]


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    year, month, day = parsed[:3]
    return date(int(year), int(month), int(day))


def _entry_key(entry: feedparser.FeedParserDict) -> str:
    identity = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return hashlib.sha256(str(identity).encode("utf-8")).hexdigest()


def parse_feed(data: bytes) -> ParsedFeed:
    """Parse a feed; a web page or garbage is refused with a message an admin can act on."""
    parsed = feedparser.parse(data)
    version = parsed.get("version", "")
    if not version:
        head = data[:500].lower()
        if b"<html" in head or b"<!doctype html" in head:
            raise InvalidInput("This address returned a web page, not an RSS or Atom feed.")
        raise InvalidInput("This is not an RSS or Atom feed.")
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        content = entry.get("content") or []
        summary = content[0].get("value", "") if content else entry.get("summary", "")
        entries.append(
            FeedEntry(
                key=_entry_key(entry),
                title=str(entry.get("title", "")).strip(),
                link=entry.get("link"),
                published=_entry_date(entry),
                summary_html=str(summary),
            )
        )
    return ParsedFeed(title=str(parsed.feed.get("title", "")).strip(), entries=tuple(entries))


def parse_opml(data: bytes) -> list[tuple[str, str]]:
    """(title, feed URL) pairs from an OPML subscription list."""
    try:
        root = SafeET.fromstring(data)
    except Exception as error:  # defusedxml raises several types for hostile or broken XML
        raise InvalidInput(f"This is not a valid OPML file ({type(error).__name__}).") from None
    if root.tag.lower() != "opml":
        raise InvalidInput("This is not an OPML file.")
    feeds = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url:
            feeds.append((outline.get("title") or outline.get("text") or url, url.strip()))
    if not feeds:
        raise InvalidInput("The OPML file lists no feeds.")
    return feeds
