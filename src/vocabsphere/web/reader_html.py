"""The reader's text as HTML: every word a tappable span carrying its lemma and the learner's status.

A version's HTML is compiled once into static fragments with a slot per word for its status class
(cached per version build); a request only fills the slots. A 1,000-word story is ~1,200 spans, so this
keeps the reader page fast without a template loop over every token.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any

from cachetools import LRUCache
from markupsafe import Markup, escape

from vocabsphere.core.reading import ReaderText, fold_text, lookup_key, reader_class

Slot = tuple[str, "str | None", bool]  # word key (lemma and part of speech), level, is a name
Compiled = tuple["str | Slot", ...]

# Compiled HTML per cache key (the version's build stamp); bounded, so memory stays flat.
_compiled_cache: LRUCache[Hashable, Compiled] = LRUCache(maxsize=256)
_lock = threading.Lock()


def _compile(
    text: ReaderText, highlights: Sequence[Mapping[str, Any]], headings: Collection[int] = ()
) -> Compiled:
    highlighted = {fold_text(str(h.get("sentence", ""))): n for n, h in enumerate(highlights, start=1)}
    parts: list[str | Slot] = []
    static: list[str] = []

    def emit_slot(slot: Slot) -> None:
        parts.append("".join(static))
        static.clear()
        parts.append(slot)

    position = -1  # sentence number across the text: a tap sends it with the token number
    for paragraph_index, paragraph in enumerate(text.paragraphs):
        tag = "h3" if paragraph_index in headings else "p"  # a heading of the source: never a highlight
        static.append('<h3 class="subhead">' if tag == "h3" else "<p>")
        for sentence in paragraph:
            position += 1
            number = None if tag == "h3" else highlighted.get(fold_text(sentence.text))
            static.append(f'<mark class="hl" data-highlight="{number}">' if number else '<span class="sent">')
            last = len(sentence.tokens) - 1
            for index, token in enumerate(sentence.tokens):
                word = str(escape(token.text))
                if token.is_word:
                    static.append('<span class="w ')
                    emit_slot((token.key, text.levels.get(token.lemma), token.is_name))
                    lemma, pos, key = escape(token.lemma), escape(token.pos), escape(token.key)
                    at = f"{position}.{index}"  # the tap's position in the version
                    static.append(
                        f'" data-l="{lemma}" data-p="{pos}" data-k="{key}" data-i="{at}">{word}</span>'
                    )
                else:
                    static.append(word)
                if token.space and index != last:
                    static.append(" ")
            if number:
                static.append(
                    f'<button type="button" class="why" data-highlight="{number}" '
                    f'aria-label="Why this sentence is worth learning">?</button></mark>'
                )
            else:
                static.append("</span>")
            if sentence.tokens and sentence.tokens[-1].space:
                static.append(" ")  # between sentences, outside the mark and its button
        static.append(f"</{tag}>\n")
    parts.append("".join(static))
    return tuple(parts)


def _compiled(
    text: ReaderText,
    highlights: Sequence[Mapping[str, Any]],
    cache_key: Hashable | None,
    headings: Collection[int] = (),
) -> Compiled:
    if cache_key is None:
        return _compile(text, highlights, headings)
    with _lock:
        found = _compiled_cache.get(cache_key)
    if found is None:
        found = _compile(text, highlights, headings)
        with _lock:
            _compiled_cache[cache_key] = found
    return found


def reader_html(
    text: ReaderText,
    *,
    statuses: Mapping[str, int],
    saved: Mapping[str, int],
    learner_level: str,
    highlights: Sequence[Mapping[str, Any]] = (),
    cache_key: Hashable | None = None,
    headings: Collection[int] = (),
) -> Markup:
    """Paragraphs of sentences of word spans; sentences worth learning get a mark and a "why?" button.
    ``statuses`` and ``saved`` (saved word ids) are keyed by word key (``ReaderToken.key``).
    ``cache_key`` must change whenever the text or its highlights do (e.g. the version's build stamp)."""
    out: list[str] = []
    classes: dict[Slot, str] = {}  # a word recurs: work its class out once per page
    for part in _compiled(text, highlights, cache_key, headings):
        if isinstance(part, str):
            out.append(part)
            continue
        css = classes.get(part)
        if css is None:
            key, level, is_name = part
            css = reader_class(lookup_key(statuses, key), level, learner_level, is_name)
            css = classes[part] = css + " saved" if lookup_key(saved, key) is not None else css
        out.append(css)
    # Every piece of text went through escape() when compiled; css classes and numbers are our own.
    return Markup("".join(out))  # noqa: S704
