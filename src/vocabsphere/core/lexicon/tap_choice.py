"""A tap's sense choices as plain data: made when a version is built, rebuilt from the lexicon on the tap.

    stored = store_choices(lexicon, doc, index, choice)   # build time; None when it would not rebuild
    found = rebuild_choices(lexicon, doc, index, stored)  # the tap: senses by id, no ranking

A tap settles the word's reading (:func:`.sense_choice.resolve_token`), ranks its senses in the
sentence (:func:`.sense_choice.choose_sense`) and looks for a multi-word expression around it, whose
senses it ranks too (:func:`expression_choice`). For a common word with many senses that is 30-60
senses whose signatures, context expansions and vectors the process may not have met: most of a slow
first tap. The build of a version makes the same calls on the same Doc and keeps what the answer reads:
the reading, and per choice its lemma, part of speech, flags, probability and the first senses' ids
with their scores; the tap takes the senses back from the lexicon by id (one cached query). A choice
that would not rebuild into the very choice made (checked when it is stored) is left out, and its tap
computes it, as does a tap whose version was prepared by other code (see :mod:`.prepared`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from . import sense_ranking
from .lookup import Lexicon
from .sense_choice import SenseChoice, TokenReading, choose_sense, resolve_token
from .sense_ranking import ScoredSense
from .store_schema import wordnet_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "EXPRESSION_WINDOW",
    "TAP_SENSES",
    "StoredChoice",
    "StoredChoices",
    "TapChoices",
    "choices_from_json",
    "choices_to_json",
    "expression_choice",
    "rebuild_choices",
    "store_choices",
]

EXPRESSION_WINDOW = 4  # tokens either side searched for a multi-word expression
# Senses of a choice a tap reads: the popover lists 12 (context.MAX_SENSES), the simpler-word ranker
# weighs 8 (substitute_ranking.MAX_SENSES); the probability is stored, so the rest are not needed.
TAP_SENSES = 12
_PROPER, _FUNCTION = 1, 2  # flags of a stored choice


@dataclass(frozen=True)
class StoredChoice:
    """A :class:`.sense_choice.SenseChoice` without its senses' text."""

    lemma: str
    upos: str
    proper: bool
    function: bool
    probability: float
    pos_filter: str | None  # the senses are in ``lexicon.entries(lemma, pos_filter)``
    senses: tuple[tuple[str, float, float], ...]  # (synset id, score, overlap), best first


@dataclass(frozen=True)
class StoredChoices:
    """What a tap would compute for one token, as stored with the version."""

    reading: TokenReading
    choice: StoredChoice
    expression: tuple[str, StoredChoice] | None  # the expression around the word; None: there is none


@dataclass(frozen=True)
class TapChoices:
    """The same, rebuilt: what the look-up uses instead of computing it."""

    reading: TokenReading
    choice: SenseChoice
    expression: tuple[str, SenseChoice] | None


def expression_choice(lexicon: Lexicon, doc: Doc, index: int) -> tuple[str, SenseChoice] | None:
    """The dictionary's multi-word expression that ``doc[index]`` belongs to, with its senses ranked
    in the sentence; None when there is none (or the first one found has no senses)."""
    # Expressions are at most a few words: search a window, not the whole paragraph.
    first = max(0, index - EXPRESSION_WINDOW)
    lemmas = [sense_ranking.token_lemma(t) for t in doc[first : index + EXPRESSION_WINDOW + 1]]
    for match in lexicon.find_expressions(lemmas):
        if match.start <= index - first < match.end:
            entry = lexicon.entries(match.expression)
            if not entry.found:
                return None
            choice = choose_sense(lexicon, doc, index, senses=entry.senses, lemma=match.expression)
            return match.expression, choice
    return None


def store_choices(lexicon: Lexicon, doc: Doc, index: int, choice: SenseChoice) -> StoredChoices | None:
    """What a tap on ``doc[index]`` computes (``choice`` is its :func:`choose_sense`), as data;
    None when the data would not give the same answer back."""
    reading = resolve_token(lexicon, doc[index])
    found = expression_choice(lexicon, doc, index)
    pos_filter = choice.upos if wordnet_pos(choice.upos) else None
    stored = StoredChoices(
        reading,
        _stored(choice, pos_filter),
        None if found is None else (found[0], _stored(found[1], None)),
    )
    expected = TapChoices(
        reading, _as_tapped(choice), None if found is None else (found[0], _as_tapped(found[1]))
    )
    return stored if rebuild_choices(lexicon, doc, index, stored) == expected else None


def rebuild_choices(lexicon: Lexicon, doc: Doc, index: int, stored: StoredChoices) -> TapChoices | None:
    """The choices a tap would make, from the stored data and the lexicon; None when a sense is
    missing (the tap then computes them)."""
    word = doc[index].text
    choice = _rebuilt(lexicon, word, stored.choice)
    if choice is None:
        return None
    if stored.expression is None:
        return TapChoices(stored.reading, choice, None)
    text, data = stored.expression
    expression = _rebuilt(lexicon, word, data)
    return None if expression is None else TapChoices(stored.reading, choice, (text, expression))


def _as_tapped(choice: SenseChoice) -> SenseChoice:
    return replace(choice, senses=choice.senses[:TAP_SENSES])


def _stored(choice: SenseChoice, pos_filter: str | None) -> StoredChoice:
    return StoredChoice(
        choice.lemma,
        choice.upos,
        choice.proper,
        choice.function,
        choice.probability,
        pos_filter,
        tuple((s.sense.synset_id, s.score, s.overlap) for s in choice.senses[:TAP_SENSES]),
    )


def _rebuilt(lexicon: Lexicon, word: str, stored: StoredChoice) -> SenseChoice | None:
    senses: tuple[ScoredSense, ...] = ()
    if stored.senses:
        by_id = {s.synset_id: s for s in lexicon.entries(stored.lemma, stored.pos_filter).senses}
        if any(synset not in by_id for synset, _, _ in stored.senses):
            return None
        senses = tuple(ScoredSense(by_id[synset], score, lap) for synset, score, lap in stored.senses)
    return SenseChoice(
        word, stored.lemma, stored.upos, senses, stored.probability, stored.proper, stored.function
    )


# -- JSON (the reader text's "tap" key): short lists, floats as Python writes them (exact) ----------


def choices_to_json(stored: StoredChoices) -> list[Any]:
    reading = stored.reading
    expression = stored.expression
    return [
        reading.lemma,
        reading.upos,
        int(reading.proper),
        _choice_to_json(stored.choice),
        None if expression is None else [expression[0], _choice_to_json(expression[1])],
    ]


def choices_from_json(data: list[Any]) -> StoredChoices:
    lemma, upos, proper, choice, expression = data
    return StoredChoices(
        TokenReading(str(lemma), str(upos), bool(proper)),
        _choice_from_json(choice),
        None if expression is None else (str(expression[0]), _choice_from_json(expression[1])),
    )


def _choice_to_json(choice: StoredChoice) -> list[Any]:
    flags = _PROPER * choice.proper + _FUNCTION * choice.function
    senses = [[synset, score, lap] for synset, score, lap in choice.senses]
    return [choice.lemma, choice.upos, flags, choice.probability, choice.pos_filter, senses]


def _choice_from_json(data: list[Any]) -> StoredChoice:
    lemma, upos, flags, probability, pos_filter, senses = data
    return StoredChoice(
        str(lemma),
        str(upos),
        bool(int(flags) & _PROPER),
        bool(int(flags) & _FUNCTION),
        float(probability),
        None if pos_filter is None else str(pos_filter),
        tuple((str(s), float(score), float(lap)) for s, score, lap in senses),
    )
