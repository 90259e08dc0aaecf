"""The reader's text as HTML: every word a tappable span carrying its lemma and the learner's status.

A version's HTML is compiled once into static fragments with a slot per word for its status class
(cached per version build); a request only fills the slots. A 1,000-word story is ~1,200 spans, so this
keeps the reader page fast without a template loop over every token.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from vocabsphere.core.reading import ReaderText, reader_class

Slot = tuple[str, "str | None", bool]  # lemma, level, is a name
Compiled = tuple["str | Slot", ...]

_CACHE_SIZE = 256
_cache: OrderedDict[Hashable, Compiled] = OrderedDict()
_lock = threading.Lock()


def _squash(text: str) -> str:
    return " ".join(text.split())


def _compile(text: ReaderText, highlights: Sequence[Mapping[str, Any]]) -> Compiled:
    highlighted = {_squash(str(h.get("sentence", ""))): n for n, h in enumerate(highlights, start=1)}
    parts: list[str | Slot] = []
    static: list[str] = []

    def emit_slot(slot: Slot) -> None:
        parts.append("".join(static))
        static.clear()
        parts.append(slot)

    for paragraph in text.paragraphs:
        static.append("<p>")
        for sentence in paragraph:
            number = highlighted.get(_squash(sentence.text))
            static.append(f'<mark class="hl" data-highlight="{number}">' if number else '<span class="sent">')
            last = len(sentence.tokens) - 1
            for index, token in enumerate(sentence.tokens):
                word = str(escape(token.text))
                if token.is_word:
                    static.append('<span class="w ')
                    emit_slot((token.lemma, text.levels.get(token.lemma), token.is_name))
                    lemma, pos = escape(token.lemma), escape(token.pos)
                    static.append(f'" data-l="{lemma}" data-p="{pos}">{word}</span>')
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
        static.append("</p>\n")
    parts.append("".join(static))
    return tuple(parts)


def _compiled(
    text: ReaderText, highlights: Sequence[Mapping[str, Any]], cache_key: Hashable | None
) -> Compiled:
    if cache_key is None:
        return _compile(text, highlights)
    with _lock:
        found = _cache.get(cache_key)
        if found is not None:
            _cache.move_to_end(cache_key)
            return found
    compiled = _compile(text, highlights)
    with _lock:
        _cache[cache_key] = compiled
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return compiled


def reader_html(
    text: ReaderText,
    *,
    statuses: Mapping[str, int],
    saved_lemmas: frozenset[str],
    learner_level: str,
    highlights: Sequence[Mapping[str, Any]] = (),
    cache_key: Hashable | None = None,
) -> Markup:
    """Paragraphs of sentences of word spans; sentences worth learning get a mark and a "why?" button.
    ``cache_key`` must change whenever the text or its highlights do (e.g. the version's build stamp)."""
    out: list[str] = []
    classes: dict[Slot, str] = {}  # a lemma recurs: work its class out once per page
    for part in _compiled(text, highlights, cache_key):
        if isinstance(part, str):
            out.append(part)
            continue
        css = classes.get(part)
        if css is None:
            lemma, level, is_name = part
            css = reader_class(statuses.get(lemma), level, learner_level, is_name)
            css = classes[part] = css + " saved" if lemma in saved_lemmas else css
        out.append(css)
    # Every piece of text went through escape() when compiled; css classes and numbers are our own.
    return Markup("".join(out))  # noqa: S704
