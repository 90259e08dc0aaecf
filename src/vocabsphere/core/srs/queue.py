"""Today's study queue and the card kinds a saved word gets, over plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.reading.tokens import fold_text
from vocabsphere.core.srs.scheduling import CardState, as_utc, retrievability

__all__ = [
    "CARD_KINDS",
    "QueueCard",
    "QueueItem",
    "SavedWordFacts",
    "build_queue",
    "card_kinds_for",
    "interleave_words",
]

# Recognition before production: seeing the word in context is easier than recalling it.
CARD_KINDS = ("meaning", "form", "cloze", "listening")


@dataclass(frozen=True, slots=True)
class SavedWordFacts:
    """What we know about a saved word; blanks mean "not available"."""

    word: str
    sentence: str = ""
    translation: str = ""
    definition: str = ""
    other_sentences: Sequence[str] = field(default_factory=tuple)
    has_audio: bool = False


@dataclass(frozen=True, slots=True)
class QueueCard:
    """One card the learner owns: which word, which kind, and its scheduling state."""

    word_id: int
    kind: str
    state: CardState

    @property
    def card_id(self) -> int:
        return self.state.card_id


@dataclass(frozen=True, slots=True)
class QueueItem:
    card_id: int
    word_id: int
    kind: str
    is_new: bool
    retrievability: float


def _same_sentence(a: str, b: str) -> bool:
    return fold_text(a) == fold_text(b)


def card_kinds_for(word: SavedWordFacts) -> list[str]:
    """The card kinds this word can support, in ``CARD_KINDS`` order (empty if it supports none)."""
    kinds = []
    if word.sentence.strip():
        kinds.append("meaning")
    if word.translation.strip() or word.definition.strip():
        kinds.append("form")
    # A cloze in the saved sentence would just replay "meaning"; it needs a sentence not yet seen.
    if any(s.strip() and not _same_sentence(s, word.sentence) for s in word.other_sentences):
        kinds.append("cloze")
    if word.has_audio:
        kinds.append("listening")
    return kinds


def _check_limits(**limits: int) -> None:
    for name, value in limits.items():
        if value < 0:
            raise InvalidInput(f"{name} must not be negative", field=name)


def build_queue(
    cards: Sequence[QueueCard],
    now: datetime,
    *,
    new_limit: int,
    review_limit: int,
    reviewed_today: int,
    new_today: int,
) -> list[QueueItem]:
    """Due reviews (lowest recall first) up to what is left of ``review_limit``, then new cards in the
    given order up to what is left of ``new_limit``; finally siblings are spread so that the same word
    does not come twice in a row. ``reviewed_today`` counts reviews of non-new cards only."""
    _check_limits(
        new_limit=new_limit, review_limit=review_limit, reviewed_today=reviewed_today, new_today=new_today
    )
    at = as_utc(now, "now")
    due: list[QueueItem] = []
    fresh: list[QueueItem] = []
    for card in cards:
        if card.state.is_new:
            fresh.append(QueueItem(card.card_id, card.word_id, card.kind, True, 0.0))
        elif card.state.due <= at:
            recall = retrievability(card.state, at)
            due.append(QueueItem(card.card_id, card.word_id, card.kind, False, recall))
    # Lowest recall = most overdue relative to its stability; card_id keeps ties deterministic.
    due.sort(key=lambda item: (item.retrievability, item.card_id))
    chosen = due[: max(0, review_limit - reviewed_today)] + fresh[: max(0, new_limit - new_today)]
    return interleave_words(chosen)


def interleave_words(items: Sequence[QueueItem]) -> list[QueueItem]:
    """Keep the order, except take the next item of another word when the next one repeats the last word.

    Greedy and stable; when only one word is left, its items necessarily come together."""
    pending = list(items)
    result: list[QueueItem] = []
    while pending:
        last_word = result[-1].word_id if result else None
        index = next((i for i, item in enumerate(pending) if item.word_id != last_word), 0)
        result.append(pending.pop(index))
    return result
