"""Reviews a device made offline, applied once each: a row is checked on its own (refused rows carry a
reason and do not stop the others), stored under its client id, and every card that received a new
review is recomputed from its whole log in review-time order, so two devices end in the same state
whatever order they sync in."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.reading import word_key
from vocabsphere.core.srs.offline import CLOCK_SKEW, OfflineReview, offline_review_problem
from vocabsphere.services.card_replay import recompute_card
from vocabsphere.services.study import update_status_after_review, user_parameters
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord, User
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

__all__ = [
    "MAX_ROWS",
    "OfflineReview",
    "Outcome",
    "RowOutcome",
    "SyncReport",
    "SyncedCard",
    "UnreadableRow",
    "sync_reviews",
]

MAX_ROWS = 500

Outcome = Literal["applied", "duplicate", "refused"]


@dataclass(frozen=True)
class UnreadableRow:
    """A row the edge could not read into an ``OfflineReview`` (missing field, wrong type)."""

    client_id: str
    reason: str


@dataclass(frozen=True)
class RowOutcome:
    client_id: str
    outcome: Outcome  # applied now, applied before (acknowledged again), or refused for ``reason``
    reason: str = ""
    card_id: int | None = None


@dataclass(frozen=True)
class SyncedCard:
    card_id: int
    due: datetime
    reps: int
    last_review: datetime | None


@dataclass(frozen=True)
class SyncReport:
    rows: tuple[RowOutcome, ...]  # in the order the rows were sent
    cards: tuple[SyncedCard, ...]  # the state of every card the batch named (and the learner owns)


def sync_reviews(
    db: Database, *, user_id: int, rows: Sequence[OfflineReview | UnreadableRow], now: datetime
) -> SyncReport:
    if len(rows) > MAX_ROWS:
        raise InvalidInput(f"Send at most {MAX_ROWS} reviews at a time.", field="rows")
    outcomes: dict[int, RowOutcome] = {}
    by_card: dict[int, list[tuple[int, OfflineReview]]] = {}
    sent: set[tuple[int, str]] = set()
    for index, row in enumerate(rows):
        if isinstance(row, UnreadableRow):
            outcomes[index] = RowOutcome(row.client_id, "refused", row.reason)
            continue
        problem = offline_review_problem(row, now)
        if problem is not None:
            outcomes[index] = RowOutcome(row.client_id, "refused", problem, row.card_id)
        elif (row.card_id, row.client_id) in sent:
            outcomes[index] = RowOutcome(row.client_id, "duplicate", "Sent twice in this batch.", row.card_id)
        else:
            sent.add((row.card_id, row.client_id))
            by_card.setdefault(row.card_id, []).append((index, row))
    cards: list[SyncedCard] = []
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        # Cards are locked in id order, so two syncs of one learner never wait on each other in a cycle.
        for card_id in sorted(by_card):
            items = by_card[card_id]
            card = uow.study.card(card_id, for_update=True)
            word = uow.study.word(card.saved_word_id) if card is not None else None
            if card is None or word is None or card.user_id != user_id:
                # Someone else's card looks exactly like a missing one.
                missing = "No such card."
                outcomes.update({i: RowOutcome(r.client_id, "refused", missing, card_id) for i, r in items})
                continue
            outcomes.update(_apply(uow, user, card, word, items, now))
            cards.append(SyncedCard(card.id, card.due, card.reps, card.last_review))
    return SyncReport(tuple(outcomes[i] for i in range(len(rows))), tuple(cards))


def _apply(
    uow: UnitOfWork,
    user: User,
    card: ReviewCard,
    word: SavedWord,
    items: list[tuple[int, OfflineReview]],
    now: datetime,
) -> dict[int, RowOutcome]:
    """Store the card's new rows and recompute the card when any was new."""
    logs = uow.study.logs_of_card(card.id)
    known = {log.request_id for log in logs}
    key = word_key(word.lemma, word.pos)  # statuses are kept per lemma and part of speech
    status = uow.reading.statuses(user.id, [key]).get(key)
    outcomes: dict[int, RowOutcome] = {}
    added: list[ReviewLogEntry] = []
    for index, row in items:
        if row.client_id in known:
            outcomes[index] = RowOutcome(row.client_id, "duplicate", "", card.id)
        elif row.reviewed_at < word.created_at - CLOCK_SKEW:
            reason = "reviewed_at is before the word was saved."
            outcomes[index] = RowOutcome(row.client_id, "refused", reason, card.id)
        else:
            entry = ReviewLogEntry(
                user_id=user.id,
                card_id=card.id,
                rating=row.rating,
                reviewed_at=row.reviewed_at,
                duration_ms=row.duration_ms,
                request_id=row.client_id,
                before_json=json.dumps({"word_status": status}),
                device_id=row.device_id,
                device_seq=row.seq,
            )
            added.append(entry)
            outcomes[index] = RowOutcome(row.client_id, "applied", "", card.id)
    if added:
        params = user_parameters(user)
        recompute_card(card, [*logs, *added], params=params, desired_retention=user.desired_retention)
        uow.study.add_all(added)
        update_status_after_review(uow, user.id, key, status, card.stability, now)
    return outcomes
