"""Pasted text, .txt and .md files to a clean article: markup off, junk out, paragraphs kept.

Subheadings are kept as their own short paragraphs (their indices are in ``ExtractedArticle.headings``),
so the reader still sees the article's structure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest.boilerplate import (
    byline_author,
    dedupe_key,
    is_fragment,
    junk_reason,
    looks_like_heading,
    promo_tail_start,
    words,
)
from vocabsphere.core.ingest.models import ExtractedArticle
from vocabsphere.core.ingest.repair import CONTROL_CHARS, repair_text

_MAX_TITLE_WORDS = 25
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Every pattern below is bounded ({1,300}, no nested open-ended repeats): a pasted text is untrusted
# input and must not make a regex run for minutes.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(\S.*)$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_MD_EMPHASIS = (
    re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*"),
    re.compile(r"__(?=\S)([^_\n]{1,300}?)(?<=\S)__"),
    re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])"),
)
_MD_CODE = re.compile(r"`([^`]*)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,1000}>")
# Code pasted with an article (or typed into an HTML <title>): the contents go, not only the tags.
_CODE_BLOCK = re.compile(
    r"<(script|style|noscript|template)\b[^<>]{0,1000}>.{0,100000}?(?:</\1\s*>|$)|<!--.{0,100000}?(?:-->|$)",
    re.IGNORECASE | re.DOTALL,
)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y")


@dataclass(frozen=True)
class _Unit:
    text: str
    heading: bool = False
    pos: int = 0  # position in the input, to list removed lines in reading order
    item: bool = False  # a list item is never taken for a subheading


def clean_text(raw: str, *, title: str | None = None) -> ExtractedArticle:
    """Clean pasted or uploaded plain text / Markdown; raise InvalidInput when no article text remains."""
    units, dropped = _split_units(_normalise(raw))
    units = [_Unit(u.text, u.heading, pos, u.item) for pos, u in enumerate(units)]
    kept: list[_Unit] = []
    removed: list[_Unit] = []
    author: str | None = None
    published: date | None = None
    for unit in units:
        reason = junk_reason(unit.text) or ("fragment" if not unit.item and is_fragment(unit.text) else None)
        if reason is None:
            kept.append(unit)
            continue
        removed.append(unit)
        if reason == "byline" and author is None:
            author = byline_author(unit.text)
        if reason in {"byline", "timestamp"} and published is None:
            published = find_date(unit.text)  # "By Jane Doe | 3 March 2025" carries the date too
    title_text, kept, label = _take_title(kept, title)
    removed += label
    kept, duplicates = _drop_duplicates(kept, title_text)
    removed += duplicates
    tail = promo_tail_start([u.text for u in kept])
    removed += kept[tail:]
    kept = _trim_trailing_headings(kept[:tail])
    if not kept:
        raise InvalidInput(
            "We found no article text here: only a title, menus or other page furniture.", field="text"
        )
    return ExtractedArticle(
        title=title_text or _title_from(kept[0].text),
        paragraphs=tuple(u.text for u in kept),
        author=author,
        published=published,
        removed=tuple(dropped) + tuple(u.text for u in sorted(removed, key=lambda u: u.pos)),
        headings=tuple(i for i, u in enumerate(kept) if u.heading),
    )


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    return strip_code(CONTROL_CHARS.sub("", text))


def strip_code(text: str) -> str:
    """The text without <script>, <style>, <noscript> and <template> blocks or HTML comments."""
    return _CODE_BLOCK.sub(" ", text)


def _split_units(text: str) -> tuple[list[_Unit], list[str]]:
    """Paragraph units: each line is one unless a block is hard-wrapped prose, which is joined back."""
    units: list[_Unit] = []
    dropped: list[str] = []
    for block in re.split(r"\n\s*\n", _drop_code_fences(text, dropped)):
        lines = [line for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            units.append(_Unit(_strip_inline(" ".join(line.strip() for line in lines))))
            continue
        for i, line in enumerate(_join_continuations(lines)):
            if _MD_SETEXT.match(line) and i > 0 and units:
                units[-1] = _Unit(units[-1].text, heading=True)  # setext "Title\n=====" heading
                continue
            unit = _line_unit(line, dropped)
            if unit is not None:
                units.append(unit)
    return units, dropped


def _join_continuations(lines: list[str]) -> list[str]:
    # A line that stops mid-sentence followed by one starting in lower case is one broken sentence.
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        starts_lower = line.lstrip()[:1].islower()
        if (
            previous
            and starts_lower
            and not re.search(r"[.!?:;\"”’)]$", previous)
            and not _MD_LIST.match(line)
        ):
            joined[-1] = f"{previous} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _drop_code_fences(text: str, dropped: list[str]) -> str:
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            inside = not inside
            continue
        if inside:
            if line.strip():
                dropped.append(line.strip())
            continue
        out.append(line)
    return "\n".join(out)


def _is_hard_wrapped(lines: list[str]) -> bool:
    # Prose wrapped at a fixed width: several lines of similar length, most not ending a sentence.
    if len(lines) < 3 or any(_MD_LIST.match(x) or _MD_HEADING.match(x) for x in lines):
        return False
    body = lines[:-1]
    if not all(30 <= len(x.strip()) <= 100 for x in body):
        return False
    open_ended = sum(1 for x in body if not re.search(r"[.!?:;\"”’)]\s*$", x))
    return open_ended * 2 >= len(body)


def _line_unit(line: str, dropped: list[str]) -> _Unit | None:
    if _MD_RULE.match(line) or _MD_REF_DEF.match(line):
        return None
    heading = _MD_HEADING.match(line)
    if heading:
        text = _strip_inline(heading.group(1).rstrip().rstrip("#"))
        return _Unit(text, heading=True) if text else None
    item = bool(_MD_LIST.match(line))
    text = _MD_QUOTE.sub("", _MD_LIST.sub("", line, count=1), count=1)
    if _MD_IMAGE.search(text) and not _MD_IMAGE.sub("", text).strip():
        dropped.append(line.strip())
        return None
    text = _strip_inline(text)
    return _Unit(text, item=item) if text else None


def _strip_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for pattern in _MD_EMPHASIS:  # strong first, so "***bold italic***" loses all its stars
        text = pattern.sub(r"\1", text)
    return repair_text(" ".join(text.split()))


def _take_title(units: list[_Unit], title: str | None) -> tuple[str | None, list[_Unit], list[_Unit]]:
    """The title, the units after it, and a section label ("World", "Opinion") dropped before it."""
    if title and title.strip():
        return repair_text(" ".join(_HTML_TAG.sub(" ", strip_code(title)).split())), units, []
    label: list[_Unit] = []
    if len(units) > 2 and _is_section_label(units[0].text, units[1].text):
        label, units = units[:1], units[1:]
    if units and _is_headline(units[0].text):
        return units[0].text, units[1:], label
    return None, label + units, []


def _is_section_label(first: str, second: str) -> bool:
    # "World" or "Asia Pacific" right above a longer headline is the page's section, not the title.
    return len(words(first)) <= 3 and _is_headline(second) and len(words(second)) > len(words(first)) + 2


def _is_headline(text: str) -> bool:
    return looks_like_heading(text, max_words=_MAX_TITLE_WORDS) and len(text) <= 300


def _drop_duplicates(units: list[_Unit], title: str | None) -> tuple[list[_Unit], list[_Unit]]:
    seen = {dedupe_key(title)} if title else set()
    kept: list[_Unit] = []
    removed: list[_Unit] = []
    for unit in units:
        key = dedupe_key(unit.text)
        if key in seen:
            removed.append(unit)
            continue
        seen.add(key)
        kept.append(unit)
    return kept, removed


def _trim_trailing_headings(units: list[_Unit]) -> list[_Unit]:
    # Mark short headline-like lines that introduce a paragraph as subheadings.
    marked = [
        _Unit(
            u.text,
            u.heading or (not u.item and i + 1 < len(units) and _is_subheading(u.text, units[i + 1].text)),
            u.pos,
            u.item,
        )
        for i, u in enumerate(units)
    ]
    while marked and marked[-1].heading:
        marked.pop()  # a heading with nothing under it is left over from a cut-off page
    return marked


def _is_subheading(text: str, following: str) -> bool:
    return looks_like_heading(text, max_words=10) and len(words(following)) > len(words(text)) * 2


def _title_from(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    tokens = first.split()
    return first if len(tokens) <= 14 else " ".join(tokens[:12]) + " …"


def find_date(text: str) -> date | None:
    """A publication date written as 2024-10-18, 18 October 2024 or October 18, 2024."""
    candidates = re.findall(r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}", text)
    for candidate in candidates:
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()  # a calendar date: no time zone involved
            except ValueError:
                continue
    return None
