"""Find the facts a source states: a ranking ("the world's sixth-largest army") or a count with its noun
("100,000 troops"), with the words around the number that tell what it counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vocabsphere.core.ingest.numbers import NumberMention, normalise_numbers
from vocabsphere.core.ingest.textutil import STOP_WORDS, content_words, names, sentences, stem, tokens

SourceId = int | str
SUPERLATIVE = re.compile(
    r"^[\s-]*(largest|biggest|smallest|strongest|weakest|most powerful|richest|poorest|highest|lowest"
    r"|most populous|busiest|oldest|longest|tallest)\b",
    re.IGNORECASE,
)
DIMENSIONS = {
    "largest": "size",
    "biggest": "size",
    "smallest": "size",
    "most populous": "population",
    "longest": "length",
    "tallest": "height",
    "highest": "height",
    "lowest": "height",
    "oldest": "age",
    "richest": "wealth",
    "poorest": "wealth",
    "strongest": "strength",
    "weakest": "strength",
    "most powerful": "strength",
    "busiest": "traffic",
}
# Nouns that name the same thing in news copy.
_SYNONYMS = {
    "military": "army",
    "armed force": "army",
    "force": "army",
    "soldier": "troops",
    "troop": "troops",
    "volunteer": "troops",
    "personnel": "troops",
    "fighter": "troops",
    "serviceman": "troops",
    "servicemen": "troops",
    "recruit": "troops",
    "worker": "workers",
    "labourer": "workers",
    "laborer": "workers",
}
_SKIP_BEFORE = frozenset(
    [
        "the",
        "world's",
        "world’s",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "as",
        "of",
        "in",
        "a",
        "an",
        "ranks",
        "ranked",
        "now",
        "still",
    ]
)
_HEAD_STOP = STOP_WORDS | {"per", "cent"}
_WINDOW = 8
_MAX_QUOTE_WORDS = 50


@dataclass(frozen=True)
class SourceText:
    source_id: SourceId
    outlet: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class SourceStatement:
    source_id: SourceId
    outlet: str
    quote: str
    value: float
    written: str  # the number as the source wrote it, e.g. "1 lakh" or "sixth-largest"


@dataclass(frozen=True)
class Fact:
    """A number one source states about one thing, with what is needed to match it across sources."""

    kind: Literal["rank", "count"]
    key: str  # dimension + head noun for ranks, head noun for counts
    head: str
    statement: SourceStatement
    context: frozenset[str]
    names: frozenset[str]
    approximate: bool
    note: str | None


def extract_facts(source: SourceText) -> list[Fact]:
    """Rankings and counts in the title and every sentence of ``source``."""
    found: list[Fact] = []
    for sentence in ([source.title] if source.title else []) + sentences(source.text):
        for mention in normalise_numbers(sentence):
            fact = _rank_fact(source, sentence, mention) if mention.kind == "ordinal" else None
            if fact is None and mention.kind == "cardinal":
                fact = _count_fact(source, sentence, mention)
            if fact is not None:
                found.append(fact)
    return found


def _rank_fact(source: SourceText, sentence: str, mention: NumberMention) -> Fact | None:
    superlative = SUPERLATIVE.match(sentence[mention.end :])
    if superlative is None:
        return None
    adjective = superlative.group(1).lower()
    after = tokens(sentence[mention.end + superlative.end() :])[:1]
    if after and after[0].casefold() not in _HEAD_STOP:
        head = after[0]
    else:
        before = [t for t in tokens(sentence[: mention.start]) if t.casefold() not in _SKIP_BEFORE]
        if not before:
            return None
        head = before[-1]
    noun = _canonical(head)
    written = sentence[mention.start : mention.end + superlative.end()].strip()
    return _make(
        source, sentence, "rank", f"{DIMENSIONS.get(adjective, adjective)}:{noun}", noun, mention, written
    )


def _count_fact(source: SourceText, sentence: str, mention: NumberMention) -> Fact | None:
    # The head noun: last lowercase word of the short phrase after the number ("North Korean volunteers").
    phrase: list[str] = []
    for token in tokens(sentence[mention.end :])[:4]:
        if token.casefold() in _HEAD_STOP:
            break
        phrase.append(token)
    lowercase = [t for t in phrase if t[0].islower()]
    # "1 lakh soldiers offered": a participle after the noun ends the noun phrase.
    for i, token in enumerate(lowercase[1:], start=1):
        if token.endswith(("ed", "ing")):
            lowercase = lowercase[:i]
            break
    if not lowercase:
        return None
    noun = _canonical(lowercase[-1])
    return _make(source, sentence, "count", noun, noun, mention, mention.text)


def _make(
    source: SourceText,
    sentence: str,
    kind: Literal["rank", "count"],
    key: str,
    noun: str,
    mention: NumberMention,
    written: str,
) -> Fact:
    statement = SourceStatement(
        source.source_id, source.outlet, _quote(sentence, mention), mention.value, written
    )
    return Fact(
        kind,
        key,
        noun,
        statement,
        _window(sentence, mention) - {noun},
        frozenset(names(sentence)),
        mention.qualifier is not None,
        mention.note,
    )


def _quote(sentence: str, mention: NumberMention) -> str:
    """The sentence, or about 50 words around the number when the sentence is very long."""
    if len(sentence.split()) <= _MAX_QUOTE_WORDS:
        return sentence
    before = sentence[: mention.start].split()[-_MAX_QUOTE_WORDS // 2 :]
    after = sentence[mention.start :].split()[: _MAX_QUOTE_WORDS // 2]
    return "… " + " ".join(before + after) + " …"


def _window(sentence: str, mention: NumberMention) -> frozenset[str]:
    # Lowercase words near the number: one sentence can hold counts of different things, and the names
    # of a story (North Korea, Russia) are in every sentence, so they say nothing about which count it is.
    near = tokens(sentence[: mention.start])[-_WINDOW:] + tokens(sentence[mention.end :])[:_WINDOW]
    lowercase = " ".join(w for w in near if w[0].islower())
    return frozenset(_canonical(w) for w in content_words(lowercase))


def _canonical(word: str) -> str:
    stemmed = stem(word)
    return _SYNONYMS.get(stemmed, stemmed)
