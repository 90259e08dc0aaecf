"""HTML pages to a clean article with trafilatura, and a strict sanitiser for HTML we display."""

from __future__ import annotations

import re
from datetime import date

import nh3
import trafilatura
from lxml import etree

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest.boilerplate import words
from vocabsphere.core.ingest.models import ExtractedArticle
from vocabsphere.core.ingest.plain_text import clean_text, find_date, strip_code

_ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote"})
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# trafilatura's output tree: block elements whose text is one paragraph each.
_BLOCKS = frozenset({"p", "head", "item", "quote", "row", "code"})
_NO_TEXT = "No article text found in this page."
_CODE_TAGS = ("script", "style", "noscript", "template")
# Block elements only: an inline element that is only a link ("the mayor, <span><a>Ruth Adeyemi</a></span>,")
# is part of a sentence.
_LINK_BLOCK_TAGS = ("p", "li", "div", "h2", "h3", "h4", "h5", "h6", "footer", "aside")
_MAX_LINK_BLOCK_WORDS = 12  # a headline-sized link (a list of related stories); longer linked text stays
_TITLE_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")


def extract_html(html: str, *, url: str | None = None) -> ExtractedArticle:
    """Main text and metadata of a news page; raise InvalidInput when the page has no article text."""
    if not html.strip():
        raise InvalidInput(_NO_TEXT, field="url" if url else "file")
    try:
        tree = trafilatura.load_html(html)
        if tree is not None:
            _drop_code_and_link_blocks(tree)
        document = trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=True,
            favor_precision=True,
        )
    except (ValueError, etree.LxmlError) as exc:  # markup lxml cannot parse at all
        raise InvalidInput(_NO_TEXT, field="url" if url else "file") from exc
    if document is None:
        raise InvalidInput(_NO_TEXT, field="url" if url else "file")
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    markdown = _body_as_markdown(meta.get("body"), meta.get("text") or "")
    title = _clean_title(meta.get("title"))
    try:
        article = clean_text(markdown, title=title)
    except InvalidInput as exc:
        raise InvalidInput(_NO_TEXT, field="url" if url else "file") from exc
    return ExtractedArticle(
        title=article.title,
        paragraphs=article.paragraphs,
        outlet=_clean_meta(meta.get("sitename")) or _clean_meta(meta.get("hostname")),
        author=_clean_meta(meta.get("author")) or article.author,
        published=_parse_date(meta.get("date")) or article.published,
        canonical_url=_clean_meta(meta.get("url")) or url,
        removed=article.removed,
        headings=article.headings,
    )


def _body_as_markdown(body: object, fallback: str) -> str:
    # Headings become "## ..." so the plain-text cleaner keeps them as subheadings; blocks become paragraphs.
    if not isinstance(body, etree._Element):
        return "\n\n".join(line for line in fallback.split("\n") if line.strip())
    blocks: list[str] = []
    for element in body.iter(*_BLOCKS):
        if element.tag in {"item", "p"} and _has_block_parent(element):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text and element.tag != "code":
            prefix = {"head": "## ", "item": "- "}.get(str(element.tag), "")
            blocks.append(prefix + text)
    return "\n\n".join(blocks)


def _drop_code_and_link_blocks(tree: etree._Element) -> None:
    """Script and style contents never reach the text; nor does a block that is only a link ("click")."""
    for element in list(tree.iter(*_CODE_TAGS)):
        _drop(element)
    for element in list(tree.iter(*_LINK_BLOCK_TAGS)):
        text = " ".join("".join(element.itertext()).split())
        links = " ".join(
            " ".join("".join(a.itertext()).split()) for a in element.iter("a") if a.get("href") is not None
        )
        if text and text == links and len(words(text)) <= _MAX_LINK_BLOCK_WORDS:
            _drop(element)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail.strip():  # keep the text that follows the element
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _clean_title(value: object) -> str | None:
    # A <title> is plain text to the parser, so markup typed into it arrives as text: drop code and tags.
    if not isinstance(value, str):
        return None
    return _clean_meta(_TITLE_TAG.sub(" ", strip_code(value)))


def _has_block_parent(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _parse_date(value: object) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return date.fromisoformat(value[:10])
    return find_date(value) if isinstance(value, str) else None


def sanitize_html(fragment: str) -> str:
    """Keep only simple formatting and safe links; script and style content is dropped entirely."""
    return nh3.clean(
        fragment,
        tags=set(_ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in _ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
    )
