"""Compare what several sources say about the same story: rankings and counts that disagree.

A fact is a number tied to a thing: an ordinal with a superlative ("the world's sixth-largest army") or
a count with its noun ("100,000 troops"). Two sources talk about the same thing only when the noun is
the same (after folding synonyms) and their sentences share context words; without that, different
numbers are simply about different things and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from vocabsphere.core.ingest.fact_extract import (
    SUPERLATIVE,
    Fact,
    SourceId,
    SourceStatement,
    SourceText,
    extract_facts,
)
from vocabsphere.core.ingest.numbers import ORDINAL_WORDS, format_number

__all__ = ["FactConflict", "SourceStatement", "SourceText", "compare_sources"]

_CITATION = re.compile(
    r"\b(?i:according to|per|citing|cited by|reported by|said the|says the)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*)(?:\s+(?:of|for|on|the|[A-Z][\w'’.-]*))*)"
)
_MIN_SHARED = 3
_MIN_JACCARD = 0.2


@dataclass(frozen=True)
class FactConflict:
    """Sources that state one thing differently. ``kind`` is "conflict" for real disagreement and
    "same_value" when they agree but write the number differently (1 lakh = 100,000)."""

    topic: str
    statements: tuple[SourceStatement, ...]
    note: str
    kind: Literal["conflict", "same_value"] = "conflict"


def compare_sources(sources: Sequence[SourceText]) -> list[FactConflict]:
    """Disagreements between sources first, then same-number-written-differently notes."""
    facts = [fact for source in sources for fact in extract_facts(source)]
    conflicts = [c for c in (_judge(group) for group in _group(facts)) if c is not None]
    return sorted(conflicts, key=lambda r: r.topic) + _same_value_notes(facts)


def _related(a: Fact, b: Fact) -> bool:
    if a.kind != b.kind or a.key != b.key or a.statement.source_id == b.statement.source_id:
        return False
    shared = a.context & b.context
    union = a.context | b.context
    return len(shared) >= _MIN_SHARED or (bool(union) and len(shared) / len(union) >= _MIN_JACCARD)


def _group(facts: list[Fact]) -> list[list[Fact]]:
    """Connected groups of related facts (union-find over pairs from different sources)."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(facts)):
        for j in range(i + 1, len(facts)):
            if _related(facts[i], facts[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Fact]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(root(i), []).append(fact)
    return [g for g in groups.values() if len({f.statement.source_id for f in g}) >= 2]


def _judge(group: list[Fact]) -> FactConflict | None:
    by_source: dict[SourceId, list[Fact]] = {}
    for fact in group:
        by_source.setdefault(fact.statement.source_id, []).append(fact)
    if any(len({f.statement.value for f in facts}) > 1 for facts in by_source.values()):
        return None  # one source with two values here: the group mixes different things, stay silent
    chosen = [max(facts, key=lambda f: len(f.statement.quote)) for facts in by_source.values()]
    if _same_values(chosen):
        return None
    topic = _topic(chosen)
    return FactConflict(topic, tuple(f.statement for f in chosen), _conflict_note(chosen, topic), "conflict")


def _same_value_notes(facts: list[Fact]) -> list[FactConflict]:
    """A regional number form ("1 lakh") next to the same value written plainly by other sources."""
    notes: list[FactConflict] = []
    for noted in (f for f in facts if f.note):
        others: dict[SourceId, Fact] = {}
        for fact in facts:
            source = fact.statement.source_id
            same = (
                source != noted.statement.source_id
                and fact.key == noted.key
                and not fact.note
                and fact.statement.value == noted.statement.value
                and bool(fact.context & noted.context)
            )
            longer = source not in others or len(fact.statement.quote) > len(others[source].statement.quote)
            if same and longer:
                others[source] = fact
        if others:
            chosen = [noted, *others.values()]
            notes.append(
                FactConflict(
                    _topic(chosen),
                    tuple(f.statement for f in chosen),
                    _same_value_note(noted, chosen),
                    "same_value",
                )
            )
    return notes


def _same_values(facts: list[Fact]) -> bool:
    values = [f.statement.value for f in facts]
    low, high = min(values), max(values)
    if facts[0].kind == "rank":
        return low == high
    tolerance = 0.15 if any(f.approximate for f in facts) else 0.02
    return high - low <= tolerance * high


def _topic(facts: list[Fact]) -> str:
    shared_names = set.intersection(*(set(f.names) for f in facts))
    owner = max(shared_names, key=len) if shared_names else None
    head = facts[0].head
    if facts[0].kind == "rank":
        dimension = facts[0].key.split(":", 1)[0]
        if owner and head.casefold() in owner.casefold():
            return (
                f"{dimension} ranking of the {owner}"  # "the Harbour Bridge", not "Harbour Bridge’s bridge"
            )
        return f"{dimension} ranking of {owner}’s {head}" if owner else f"{dimension} ranking of the {head}"
    if owner:
        return f"number of {head} ({owner})"
    shared = sorted(frozenset.intersection(*(f.context for f in facts)))
    return f"number of {head} ({', '.join(shared[:3])})" if shared else f"number of {head}"


def _conflict_note(facts: list[Fact], topic: str) -> str:
    claims: dict[float, list[Fact]] = {}
    for fact in facts:
        claims.setdefault(fact.statement.value, []).append(fact)
    parts = [
        f"{_outlets(group)} {'says' if len(group) == 1 else 'say'} {_claim(group[0])}"
        for group in claims.values()
    ]
    note = f"The sources disagree about the {topic}: " + "; ".join(parts) + ". Check who each source cites"
    cited = [f"{f.statement.outlet} cites {c}" for f in facts if (c := _citation(f.statement.quote))]
    return note + (": " + "; ".join(cited) + "." if cited else ".")


def _claim(fact: Fact) -> str:
    if fact.kind == "rank":
        words = {v: k for k, v in ORDINAL_WORDS.items()}
        written = fact.statement.written
        ordinal = words.get(int(fact.statement.value), re.split(r"[\s-]", written)[0])
        adjective = SUPERLATIVE.search(re.sub(r"^\S+?(?=[\s-])", "", written))
        return f"{ordinal}-{adjective.group(1).lower() if adjective else 'largest'}"
    return format_number(fact.statement.value)


def _same_value_note(noted: Fact, facts: list[Fact]) -> str:
    others = [f for f in facts if f.statement.source_id != noted.statement.source_id]
    return (
        f"Same number, written differently: {noted.statement.outlet} writes “{noted.statement.written}” and "
        f"{_outlets(others)} {'writes' if len(others) == 1 else 'write'} "
        f"{format_number(noted.statement.value)}. {noted.note}, so the sources agree here."
    )


def _outlets(facts: list[Fact]) -> str:
    outlets = [f.statement.outlet for f in facts]
    return outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]


def _citation(sentence: str) -> str | None:
    match = _CITATION.search(sentence)
    if match is None:
        return None
    cited = re.sub(r"(\s+(of|for|on|the))+$", "", match.group(1).rstrip("."))
    return f"the {cited}" if len(cited.split()) > 1 else cited
