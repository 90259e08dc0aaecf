"""Plain-data articles: validation, word counts and a stable content hash for idempotent imports."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from vocabsphere.core.errors import InvalidInput

MAX_TITLE_CHARS = 300
MAX_TEXT_CHARS = 200_000
MAX_URL_CHARS = 2000
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)


@dataclass(frozen=True)
class ArticleDraft:
    title: str
    outlet: str
    text: str
    published: date | None = None
    url: str | None = None


def web_link(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address fit to link to; None otherwise (javascript:, data:)."""
    if not url:
        return None
    cleaned = url.strip()
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname or len(cleaned) > MAX_URL_CHARS:
        return None
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in cleaned):
        return None
    return cleaned


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def content_hash(text: str) -> str:
    """Same text, same hash, whatever the white space or Unicode form it arrived in."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


UNKNOWN_OUTLET = "Unknown outlet"


def source_labels(outlets: Sequence[str]) -> list[str]:
    """A name for each of a story's sources that tells them apart: the outlet where it is known and no other
    source has it; else the source's place in the story ("Source 2", "BBC (source 3)"), so the notes never
    say "Unknown outlet and Unknown outlet say ..."."""
    counts = Counter(outlets)
    return [
        outlet
        if outlet != UNKNOWN_OUTLET and counts[outlet] == 1
        else f"Source {place}"
        if outlet == UNKNOWN_OUTLET
        else f"{outlet} (source {place})"
        for place, outlet in enumerate(outlets, 1)
    ]


def check_article(draft: ArticleDraft) -> ArticleDraft:
    title = " ".join(draft.title.split())
    text = "\n\n".join(paragraphs(draft.text))
    if not title:
        raise InvalidInput("The article needs a title.", field="title")
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"Titles have at most {MAX_TITLE_CHARS} characters.", field="title")
    if count_words(text) < 20:
        raise InvalidInput("The article text is empty or too short (20 words at least).", field="text")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInput(f"Article texts have at most {MAX_TEXT_CHARS} characters.", field="text")
    outlet = " ".join(draft.outlet.split())[:120] or UNKNOWN_OUTLET
    url = web_link(draft.url)
    if draft.url and url is None:
        raise InvalidInput(
            "The source address must be a full web address starting with http:// or https://.", field="url"
        )
    return ArticleDraft(title=title, outlet=outlet, text=text, published=draft.published, url=url)


def parse_front_matter(source: str) -> ArticleDraft:
    """Parse the small 'key: value' header used by the bundled demo articles."""
    header, _, body = source.partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise InvalidInput(f"Bad header line: {line!r}")
        fields[key.strip().lower()] = value.strip()
    published = date.fromisoformat(fields["date"]) if "date" in fields else None
    return ArticleDraft(
        title=fields.get("title", ""), outlet=fields.get("outlet", ""), text=body, published=published
    )
