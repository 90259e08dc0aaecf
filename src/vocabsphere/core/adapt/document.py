"""The source as data: normalised paragraphs, sentences, and a parse cache shared by all versions.

Sentences are split by rule and parsed one Doc per sentence (batched with ``nlp.pipe``): the
parser's own boundaries are unreliable on news text, and per-sentence Docs let every version reuse
the parses of sentences it leaves unchanged. Measuring a version joins its sentence Docs with
``Doc.from_docs`` instead of parsing the whole text again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.text_ops import QUOTE_MARKS, split_sentences, word_count
from vocabsphere.core.levels.readability import normalise_text

__all__ = ["ParseCache", "QuoteState", "Source", "balancing_marks", "prepare", "quote_states"]

_BATCH = 64


class ParseCache:
    """Parses each distinct sentence once; later look-ups are free."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._docs: dict[str, Doc] = {}

    def parse(self, texts: Iterable[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=_BATCH), strict=True):
            self._docs[text] = doc

    def get(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]

    def join(self, texts: Sequence[str]) -> Doc:
        """One Doc for a whole version, built from the cached sentence parses."""
        self.parse(texts)
        return Doc.from_docs([self._docs[t] for t in texts], ensure_whitespace=True)


@dataclass(frozen=True)
class Source:
    """The prepared source story."""

    paragraphs: tuple[str, ...]
    units: tuple[Unit, ...]

    @property
    def words(self) -> int:
        return sum(u.words for u in self.units)


def prepare(text: str) -> Source:
    """Normalise (as the level model expects) and split into paragraphs and sentence units."""
    paragraphs = tuple(normalise_text(text).split("\n"))
    units = tuple(
        Unit(p, sentence, word_count(sentence))
        for p, paragraph in enumerate(paragraphs)
        for sentence in split_sentences(paragraph)
    )
    return Source(paragraphs, units)


@dataclass(frozen=True)
class QuoteState:
    """Where a sentence stands in its paragraph's quotations."""

    starts_inside: bool  # a later sentence of a quotation over several sentences
    ends_inside: bool  # the quotation goes on in the next sentence
    has_marks: bool

    @property
    def quoted(self) -> bool:
        """Holds somebody's words: never compressed or split."""
        return self.starts_inside or self.ends_inside or self.has_marks


def quote_states(units: Sequence[Unit]) -> list[QuoteState]:
    """Quotation marks counted through each paragraph (a news quotation may run over several
    sentences, the middle ones without any mark; a new paragraph starts outside)."""
    states = []
    inside, paragraph = False, -1
    for unit in units:
        if unit.paragraph != paragraph:
            inside, paragraph = False, unit.paragraph
        marks = sum(unit.text.count(m) for m in QUOTE_MARKS)
        start = inside
        inside = inside != (marks % 2 == 1)
        states.append(QuoteState(start, inside, marks > 0))
    return states


def balancing_marks(
    chosen: Sequence[int], quotes: Sequence[QuoteState], paragraphs: Sequence[int]
) -> dict[int, tuple[bool, bool]]:
    """Quotation marks to add where selection kept part of a quotation over several sentences.

    Per chosen unit: (open, close). A kept sentence from inside a quotation whose preceding kept
    sentence does not continue it gets an opening mark; one that ends inside a quotation whose next
    kept sentence does not continue it gets a closing mark.
    """
    out: dict[int, tuple[bool, bool]] = {}
    for k, i in enumerate(chosen):
        prev = chosen[k - 1] if k > 0 and paragraphs[chosen[k - 1]] == paragraphs[i] else None
        nxt = chosen[k + 1] if k + 1 < len(chosen) and paragraphs[chosen[k + 1]] == paragraphs[i] else None
        opening = quotes[i].starts_inside and (prev is None or not quotes[prev].ends_inside)
        closing = quotes[i].ends_inside and (nxt is None or not quotes[nxt].starts_inside)
        if opening or closing:
            out[i] = (opening, closing)
    return out
