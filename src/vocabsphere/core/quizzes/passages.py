"""Each level version as parsed sentences with the terms a claim is checked against.

A question's key is "supported" at a level when one sentence of that version holds the option's own terms
(names, numbers, words) and most of the question's anchor words, with the same polarity (see support.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Token

from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.document import ParseCache, heading_paragraphs, quote_states
from vocabsphere.core.adapt.text_ops import split_sentences, word_count
from vocabsphere.core.levels.readability import normalise_text
from vocabsphere.core.number_words import CARDINALS, SCALES

__all__ = [
    "NEGATIONS",
    "NUMBER_WORDS",
    "Passage",
    "Sentence",
    "is_year",
    "number_value",
    "parse_passages",
    "token_terms",
]

NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "none", "cannot"})
_TERM_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})
NUMBER_WORDS = tuple(w for w, n in CARDINALS.items() if n <= 20)  # zero to twenty, by value
_SMALL = {w: n for n, w in enumerate(NUMBER_WORDS)}
_SCALE = SCALES
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the version
    text: str
    doc: Doc
    terms: frozenset[str]  # lower-case lemmas and forms of content words, numbers as values
    negated: bool
    quoted: bool  # holds somebody's words (or is inside a quotation over several sentences)


@dataclass(frozen=True)
class Passage:
    level: str
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @cached_property
    def terms(self) -> frozenset[str]:
        return frozenset().union(*(s.terms for s in self.sentences))

    @cached_property
    def words(self) -> frozenset[str]:
        """Its terms and every word as written, lower-case (what a headline is matched against)."""
        return self.terms | {t.lower_ for s in self.sentences for t in s.doc}


def number_value(text: str) -> str | None:
    """A number as a comparable value ("3,000" and "3000" -> "3000", "five" -> "5"); None if not one."""
    low = text.lower().strip()
    if low in _SMALL:
        return str(_SMALL[low])
    if _DIGITS.match(low):
        value = low.replace(",", "")
        return value.rstrip("0").rstrip(".") if "." in value else value
    return None


def is_year(token: Token) -> bool:
    return token.is_digit and len(token.text) == 4 and 1800 <= int(token.text) <= 2099


def token_terms(token: Token) -> set[str]:
    """The terms one token contributes: its lower-case form and lemma, or its value for a number."""
    if token.like_num or token.pos_ == "NUM":
        value = number_value(token.text)
        if value is not None:
            return {"#" + value}
    if token.pos_ not in _TERM_POS or not token.is_alpha:
        return set()
    return {token.lower_, token.lemma_.lower()}


def _terms(doc: Doc) -> frozenset[str]:
    out: set[str] = set()
    for i, token in enumerate(doc):
        out |= token_terms(token)
        scale = _SCALE.get(doc[i + 1].lower_) if i + 1 < len(doc) else None
        value = number_value(token.text)
        if scale and value is not None:  # "3 million" also as 3000000
            out.add("#" + str(round(float(value) * scale)))
    return frozenset(out)


def _negated(doc: Doc) -> bool:
    return any(t.lower_ in NEGATIONS or t.dep_ == "neg" for t in doc)


def parse_passages(versions: Mapping[str, str], nlp: Language) -> dict[str, Passage]:
    """Each version's body sentences (headings left out), parsed once for all versions."""
    cache = ParseCache(nlp)
    units_of: dict[str, list[Unit]] = {}
    for level, text in versions.items():
        paragraphs = normalise_text(text).split("\n")
        headings = set(heading_paragraphs(paragraphs))
        units_of[level] = [
            Unit(p, s, word_count(s))
            for p, paragraph in enumerate(paragraphs)
            if p not in headings
            for s in split_sentences(paragraph)
        ]
    cache.parse([u.text for units in units_of.values() for u in units])
    out = {}
    for level, units in units_of.items():
        states = quote_states(units)
        out[level] = Passage(
            level,
            tuple(
                Sentence(k, u.text, doc, _terms(doc), _negated(doc), state.quoted)
                for k, (u, state) in enumerate(zip(units, states, strict=True))
                for doc in (cache.get(u.text),)
            ),
        )
    return out


def order_levels(levels: Sequence[str]) -> tuple[str, ...]:
    """Levels from A1 up, the original last."""
    rank = {lvl: k for k, lvl in enumerate(("A1", "A2", "B1", "B2", "C1", "C2", "orig"))}
    return tuple(sorted(levels, key=lambda lvl: rank.get(lvl, 99)))
