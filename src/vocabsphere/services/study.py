"""The vocabulary book and reviews: save a word with its context, review it on the forgetting curve."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.srs import CardState, SavedWordFacts, card_kinds_for, review
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord
from vocabsphere.store.unit_of_work import unit_of_work

MAX_QUEUE = 200


@dataclass(frozen=True)
class WordToSave:
    lemma: str
    pos: str
    word: str
    sentence: str = ""
    story_id: int | None = None
    synset_id: str | None = None
    definition: str = ""
    translation: str = ""
    cefr_level: str | None = None


@dataclass(frozen=True)
class SavedWordView:
    id: int
    lemma: str
    pos: str
    word: str
    sentence: str
    story_id: int | None
    definition: str
    translation: str
    cefr_level: str | None
    created_at: datetime


@dataclass(frozen=True)
class DueCard:
    card_id: int
    kind: str
    due: datetime
    is_new: bool
    word: SavedWordView


@dataclass(frozen=True)
class RatingResult:
    card_id: int
    rating: int
    next_due: datetime
    duplicate: bool  # the same request was already applied (double submit)


def _word_view(row: SavedWord) -> SavedWordView:
    return SavedWordView(
        row.id,
        row.lemma,
        row.pos,
        row.word,
        row.sentence,
        row.story_id,
        row.definition,
        row.translation,
        row.cefr_level,
        row.created_at,
    )


def _state(card: ReviewCard) -> CardState:
    return CardState(
        card.id, card.state, card.step, card.stability, card.difficulty, card.due, card.last_review
    )


def _check(word: WordToSave) -> WordToSave:
    lemma = " ".join(word.lemma.split()).lower()
    if not lemma or len(lemma) > 100 or not any(ch.isalpha() for ch in lemma):
        raise InvalidInput("Save a word of 1 to 100 characters with at least one letter.", field="lemma")
    if word.cefr_level is not None and word.cefr_level not in CEFR_LEVELS:
        raise InvalidInput("Unknown CEFR level.", field="cefr_level")
    if len(word.sentence) > 2000:
        raise InvalidInput("The sentence may have at most 2,000 characters.", field="sentence")
    return WordToSave(
        lemma=lemma,
        pos=word.pos.upper()[:8] or "X",
        word=(word.word.strip() or lemma)[:100],
        sentence=" ".join(word.sentence.split()),
        story_id=word.story_id,
        synset_id=word.synset_id,
        definition=word.definition[:1000],
        translation=word.translation[:300],
        cefr_level=word.cefr_level,
    )


def save_word(db: Database, *, user_id: int, word: WordToSave, now: datetime) -> SavedWordView:
    """Save once per lemma and part of speech; each practice kind the word allows gets a new card."""
    clean = _check(word)
    with unit_of_work(db) as uow:
        if uow.study.find_word(user_id, clean.lemma, clean.pos) is not None:
            raise Conflict(f"'{clean.lemma}' is already in your vocabulary book.", field="lemma")
        if clean.story_id is not None and uow.stories.get(clean.story_id) is None:
            raise NotFound("No such story.")
        row = SavedWord(
            user_id=user_id,
            lemma=clean.lemma,
            pos=clean.pos,
            word=clean.word,
            sentence=clean.sentence,
            story_id=clean.story_id,
            synset_id=clean.synset_id,
            definition=clean.definition,
            translation=clean.translation,
            cefr_level=clean.cefr_level,
            created_at=now,
        )
        uow.study.add(row)
        facts = SavedWordFacts(
            word=clean.word,
            sentence=clean.sentence,
            translation=clean.translation,
            definition=clean.definition,
        )
        for kind in card_kinds_for(facts):
            uow.study.add(
                ReviewCard(user_id=user_id, saved_word_id=row.id, kind=kind, state=1, step=0, due=now, reps=0)
            )
        return _word_view(row)


def list_words(db: Database, *, user_id: int, limit: int = 50, offset: int = 0) -> list[SavedWordView]:
    with unit_of_work(db) as uow:
        return [_word_view(w) for w in uow.study.words(user_id, limit=limit, offset=offset)]


def due_cards(db: Database, *, user_id: int, now: datetime, limit: int = 50) -> list[DueCard]:
    limit = max(1, min(limit, MAX_QUEUE))
    with unit_of_work(db) as uow:
        return [
            DueCard(card.id, card.kind, card.due, card.reps == 0, _word_view(word))
            for card, word in uow.study.due_cards(user_id, now, limit=limit)
        ]


def rate_card(
    db: Database,
    *,
    user_id: int,
    card_id: int,
    rating: int,
    request_id: str,
    now: datetime,
    duration_ms: int | None = None,
) -> RatingResult:
    """Apply a rating once: the same request id again (a double submit) changes nothing."""
    if not request_id or len(request_id) > 64:
        raise InvalidInput("Each rating needs a request id of 1 to 64 characters.", field="request_id")
    with unit_of_work(db) as uow:
        card = uow.study.card(card_id)
        if card is None or card.user_id != user_id:
            raise NotFound("No such card.")  # someone else's card looks exactly like a missing one
        earlier = uow.study.log_by_request(user_id, request_id)
        if earlier is not None:
            return RatingResult(card.id, earlier.rating, card.due, duplicate=True)
        before = _state(card)
        after, record = review(before, rating, now, duration_ms=duration_ms)
        uow.study.add(
            ReviewLogEntry(
                user_id=user_id,
                card_id=card.id,
                rating=record.rating,
                reviewed_at=now,
                duration_ms=duration_ms,
                request_id=request_id,
                before_json=json.dumps(_state_dict(before, card.reps)),
            )
        )
        card.state, card.step, card.stability, card.difficulty = (
            after.state,
            after.step,
            after.stability,
            after.difficulty,
        )
        card.due, card.last_review, card.reps = after.due, after.last_review, card.reps + 1
        return RatingResult(card.id, record.rating, after.due, duplicate=False)


def _state_dict(state: CardState, reps: int) -> dict[str, object]:
    return {
        "state": state.state,
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due": state.due.isoformat(),
        "last_review": state.last_review.isoformat() if state.last_review else None,
        "reps": reps,
    }


def undo_last_rating(db: Database, *, user_id: int) -> int:
    """Put the last rated card back as it was and forget that rating; returns the card id."""
    with unit_of_work(db) as uow:
        log = uow.study.last_log(user_id)
        if log is None:
            raise NotFound("There is no rating to undo.")
        card = uow.study.card(log.card_id)
        if card is None:
            raise NotFound("The card no longer exists.")
        before = json.loads(log.before_json)
        card.state, card.step, card.stability, card.difficulty = (
            before["state"],
            before["step"],
            before["stability"],
            before["difficulty"],
        )
        card.due = datetime.fromisoformat(before["due"])
        card.last_review = datetime.fromisoformat(before["last_review"]) if before["last_review"] else None
        card.reps = before["reps"]
        uow.study.delete_log(log.id)
        return card.id
