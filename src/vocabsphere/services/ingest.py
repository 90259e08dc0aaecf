"""Bringing news in: decode, extract or clean, check the language, store once, group into stories."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import PurePath
from typing import Literal

from vocabsphere.core.articles import (
    UNKNOWN_OUTLET,
    ArticleDraft,
    check_article,
    content_hash,
    count_words,
    web_link,
)
from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest import ExtractedArticle, check_english, clean_text, decode_document, extract_html
from vocabsphere.services.fetching import HTML_TYPES, TEXT_TYPES, FetchPolicy, fetch
from vocabsphere.services.story_grouping import place_in_story
from vocabsphere.store.content_repo import DuplicateArticle
from vocabsphere.store.database import Database
from vocabsphere.store.tables import Article
from vocabsphere.store.unit_of_work import unit_of_work

SourceKind = Literal["text", "file", "url", "feed", "demo"]
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_HTML_START = re.compile(r"\s{0,200}(<!doctype html|<html|<head|<body)", re.IGNORECASE)


@dataclass(frozen=True)
class IngestSource:
    kind: SourceKind
    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    charset: str | None = None
    is_html: bool = False
    published: date | None = None
    feed_id: int | None = None

    @property
    def label(self) -> str:
        return self.url or self.filename or (self.title or "pasted text")


@dataclass(frozen=True)
class Analysis:
    level: str
    score: float
    version: str


@dataclass(frozen=True)
class PreparedArticle:
    draft: ArticleDraft
    author: str | None
    canonical_url: str | None
    removed: tuple[str, ...] = field(default=())
    analysis: Analysis | None = None


@dataclass(frozen=True)
class IngestResult:
    input: str
    article_id: int
    story_id: int
    created: bool
    title: str
    removed_lines: int


def _document_text(source: IngestSource) -> tuple[str, bool]:
    """The source as text, and whether it is HTML."""
    if source.data is not None:
        if len(source.data) > MAX_UPLOAD_BYTES:
            raise InvalidInput(
                f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.", field="file"
            )
        suffix = PurePath(source.filename or "").suffix.lower()
        if source.filename and suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
            raise InvalidInput("Upload a .txt, .md or .html file.", field="file")
        text = decode_document(source.data, declared_charset=source.charset, filename=source.filename)
        return text, source.is_html or suffix in HTML_SUFFIXES
    if source.text is None or not source.text.strip():
        raise InvalidInput("The text is empty.", field="text")
    return source.text, source.is_html


def extract_article(
    text: str, *, is_html: bool, url: str | None = None, title: str | None = None
) -> ExtractedArticle:
    """The clean article in a document's text: the one cleaning every way in shares (no language check)."""
    return extract_html(text, url=url) if is_html else clean_text(text, title=title)


def clean_document(data: bytes, *, filename: str | None = None) -> ExtractedArticle:
    """A file's bytes to the clean article ingestion would store; HTML is known by suffix or by its start."""
    text = decode_document(data, filename=filename)
    suffix = PurePath(filename or "").suffix.lower()
    return extract_article(text, is_html=suffix in HTML_SUFFIXES or bool(_HTML_START.match(text)))


def analyse(text: str) -> Analysis:
    """The article's CEFR level, computed before any database transaction opens (parsing is slow)."""
    from vocabsphere.core.levels import text_level

    level = text_level(text)
    return Analysis(level=level.level, score=round(level.score, 3), version=level.model_version)


def prepare(source: IngestSource, *, with_analysis: bool = True) -> PreparedArticle:
    """Everything that needs no database: cleaning, language check, validation and the level."""
    text, is_html = _document_text(source)
    extracted = extract_article(text, is_html=is_html, url=source.url, title=source.title)
    check_english(f"{extracted.title}\n{extracted.text}")
    published = source.published or extracted.published
    draft = check_article(
        ArticleDraft(
            title=source.title or extracted.title,
            outlet=source.outlet or extracted.outlet or _outlet_from_url(source.url) or UNKNOWN_OUTLET,
            text=extracted.text,
            published=published,
            url=source.url,
        )
    )
    return PreparedArticle(
        draft=draft,
        author=extracted.author,
        canonical_url=web_link(extracted.canonical_url) or draft.url,
        removed=tuple(extracted.removed),
        analysis=analyse(draft.text) if with_analysis else None,
    )


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def fetch_source(url: str, policy: FetchPolicy) -> IngestSource:
    fetched = fetch(url, policy, accept=HTML_TYPES + TEXT_TYPES)
    return IngestSource(
        kind="url",
        data=fetched.body,
        url=fetched.url,
        charset=fetched.charset,
        is_html=fetched.content_type in HTML_TYPES or not fetched.content_type,
        filename=None,
    )


def store(
    db: Database,
    prepared: PreparedArticle,
    *,
    kind: SourceKind,
    now: datetime,
    created_by: int | None = None,
    feed_id: int | None = None,
    label: str = "",
) -> IngestResult:
    """Store the article once (same text or URL again: the stored one) and place it in a story."""
    draft = prepared.draft
    digest = content_hash(draft.text)
    published = datetime.combine(draft.published, time(12), tzinfo=UTC) if draft.published else None
    with unit_of_work(db) as uow:
        existing = uow.articles.by_content_hash(digest) or (
            uow.articles.by_canonical_url(prepared.canonical_url) if prepared.canonical_url else None
        )
        if existing is not None:
            return IngestResult(label, existing.id, existing.story_id or 0, False, existing.title, 0)
        try:
            article = uow.articles.add(
                Article(
                    title=draft.title,
                    outlet=draft.outlet,
                    author=prepared.author,
                    url=draft.url,
                    canonical_url=prepared.canonical_url,
                    source_kind=kind,
                    feed_id=feed_id,
                    published_at=published,
                    cefr_level=prepared.analysis.level if prepared.analysis else None,
                    level_score=prepared.analysis.score if prepared.analysis else None,
                    analysis_version=prepared.analysis.version if prepared.analysis else None,
                    text=draft.text,
                    removed_json=json.dumps(list(prepared.removed)),
                    word_count=count_words(draft.text),
                    content_hash=digest,
                    created_at=now,
                    created_by=created_by,
                )
            )
        except DuplicateArticle:
            raced = uow.articles.by_content_hash(digest)
            if raced is None:
                raise InvalidInput("This article was just added with the same address.") from None
            return IngestResult(label, raced.id, raced.story_id or 0, False, raced.title, 0)
        story_id = place_in_story(uow, article, now=now)
        return IngestResult(label, article.id, story_id, True, article.title, len(prepared.removed))


def ingest(
    db: Database,
    source: IngestSource,
    *,
    now: datetime,
    policy: FetchPolicy,
    created_by: int | None = None,
) -> IngestResult:
    if source.kind == "url" and source.data is None:
        if not source.url:
            raise InvalidInput("Give the address of the article.", field="url")
        source = fetch_source(source.url, policy)
    prepared = prepare(source)
    return store(
        db,
        prepared,
        kind=source.kind,
        now=now,
        created_by=created_by,
        feed_id=source.feed_id,
        label=source.label,
    )
