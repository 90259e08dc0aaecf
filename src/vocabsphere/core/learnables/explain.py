"""Explanations of a highlight in plain English, quoting the words of its own sentence.

Three parts, each naming the actual words: the grammar point with its CEFR level, a phrasal
verb or collocation with its meaning, and the i+1 words with a short meaning. A1-A2
learners get short sentences (``plain.py``); B1 gets the catalogue explanation; B2+ gets the
catalogue explanation, a second grammar point and longer meanings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vocabsphere.core.learnables.collocations import Collocation
from vocabsphere.core.learnables.models import WordNote
from vocabsphere.core.learnables.plain import PLAIN
from vocabsphere.core.levels.grammar import GrammarMatch

__all__ = ["Style", "explain_highlight", "quoted_fragments", "quotes_sentence", "style_for"]

_PARENS = re.compile(r"\s*\([^)]*\)")
# A quotation mark not touching a letter on its outer side, so "doesn't" is not a quote.
_QUOTED = re.compile(r"(?<!\w)'(.+?)'(?!\w)")


@dataclass(frozen=True)
class Style:
    """How much to say, and how simply, for one learner level."""

    plain: bool  # short sentences and simple words (A1-A2)
    quote_words: int  # longest grammar instance quoted in full
    gloss_words: int  # longest meaning
    max_points: int
    max_expressions: int
    max_words: int


_STYLES = (
    Style(True, 5, 7, 1, 1, 1),  # A1
    Style(True, 6, 8, 1, 1, 2),  # A2
    Style(False, 9, 12, 1, 1, 2),  # B1
    Style(False, 12, 16, 2, 2, 3),  # B2
    Style(False, 14, 18, 2, 2, 3),  # C1
    Style(False, 14, 18, 2, 2, 3),  # C2
)


def style_for(level: int) -> Style:
    return _STYLES[level]


class _Slots(dict[str, str]):
    """Template slots; an unknown slot falls back to the matched text instead of failing."""

    def __missing__(self, key: str) -> str:
        return self["text"]


def clip(text: str, max_words: int) -> str:
    """A long instance keeps its first and last words around '…' (both ends are in the sentence)."""
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[: max_words - 2]) + " … " + " ".join(words[-2:])


def _plain_fallback(template: str) -> str:
    """Catalogue text made shorter: no brackets, and the part after ':' as its own sentence."""
    head, _, tail = _PARENS.sub("", template).partition(":")
    tail_words = tail.strip().split()
    if not tail_words:
        return head.strip() + "."
    return f"{head.strip()}. It means: {' '.join(tail_words[:10]).rstrip('.,')}."


def grammar_sentence(match: GrammarMatch, style: Style) -> str:
    slots = _Slots(match.details)
    slots["text"] = clip(match.text, style.quote_words)
    point = match.point
    if style.plain:
        template = PLAIN.get(point.id) or _plain_fallback(point.explanation)
        return f"Grammar ({point.level}): " + template.format_map(slots)
    return f"{point.name} ({point.level}): " + point.explanation.format_map(slots)


def _partnership(coll: Collocation, style: Style) -> str:
    """Name the two partners: which verb/adjective/preposition this word takes."""
    said, words = f"'{coll.text}'", coll.base.split()
    first, last = words[0], words[-1]
    if coll.kind == "light_verb":
        if style.plain:
            return f"{said}: with '{last}' we use the verb '{first}'."
        return (
            f"{said} is a collocation: with '{last}' English uses the verb '{first}', "
            f"so learn '{coll.base}' as one unit."
        )
    if coll.kind == "adj_noun":
        if style.plain:
            return f"{said}: we often say '{first}' with '{last}'."
        return f"{said} is a strong adjective + noun collocation: '{last}' often takes '{first}'."
    if coll.kind == "verb_prep":
        if style.plain:
            return f"{said}: after '{first}' we use '{last}'."
        return f"{said}: the verb '{first}' is followed by '{last}'; learn them as a pair."
    if style.plain:
        return f"{said}: learn these words together."
    return f"{said} is a fixed combination: learn '{coll.base}' as one unit."


def expression_sentence(coll: Collocation, meaning: str, style: Style) -> str:
    said = f"'{coll.text}'"
    if style.plain:
        return f"{said} means '{meaning}'." if meaning else _partnership(coll, style)
    kind = {
        "phrasal_verb": "phrasal verb",
        "expression": "fixed expression",
        "light_verb": "collocation",
        "verb_prep": "verb + preposition",
        "adj_noun": "adjective + noun collocation",
    }[coll.kind]
    base = f" '{coll.base}'" if coll.base != coll.text.lower() else ""
    article = "the" if base else "an" if kind[0] in "aeiou" else "a"
    if meaning:
        return f"{said} is {article} {kind}{base}, meaning '{meaning}'."
    return _partnership(coll, style)


def words_sentence(notes: Sequence[WordNote], style: Style) -> str:
    if not notes:
        return ""
    if style.plain:
        return " ".join(
            f"'{n.word}' ({n.level}) means '{n.meaning}'."
            if n.meaning
            else f"New word: '{n.word}' ({n.level})."
            for n in notes
        )
    parts = [
        f"'{n.word}' ({n.level}): {n.meaning}" if n.meaning else f"'{n.word}' ({n.level})" for n in notes
    ]
    return "Words to learn: " + "; ".join(parts) + "."


def explain_highlight(
    matches: Sequence[GrammarMatch],
    expressions: Sequence[tuple[Collocation, str]],
    notes: Sequence[WordNote],
    style: Style,
) -> str:
    """The whole explanation; every part quotes words of the sentence."""
    parts = [grammar_sentence(m, style) for m in matches]
    parts += [expression_sentence(coll, meaning, style) for coll, meaning in expressions]
    parts.append(words_sentence(notes, style))
    return " ".join(p for p in parts if p)


def quoted_fragments(explanation: str) -> list[str]:
    """Texts between single quotes, split at '…' (each piece is a run of sentence words)."""
    return [
        piece.strip()
        for quoted in _QUOTED.findall(explanation)
        for piece in quoted.split("…")
        if piece.strip()
    ]


def quotes_sentence(explanation: str, sentence: str) -> bool:
    """Does the explanation quote at least one run of words from ``sentence``?"""
    low = sentence.lower()
    return any(piece.lower() in low for piece in quoted_fragments(explanation))
