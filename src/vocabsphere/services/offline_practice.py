"""Practice answers a device made offline, applied once each through the same path as a live answer
(``practice.answer_item``, at the time the learner answered): a row is checked on its own and refused
rows carry a reason without stopping the others."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.srs.offline import CLOCK_SKEW, OfflineAnswer, offline_answer_problem
from vocabsphere.services import practice
from vocabsphere.services.offline_sync import MAX_ROWS, Outcome, UnreadableRow
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

__all__ = ["AnswerOutcome", "OfflineAnswer", "sync_answers"]


@dataclass(frozen=True)
class AnswerOutcome:
    client_id: str
    outcome: Outcome  # applied now, applied before (acknowledged again), or refused for ``reason``
    reason: str = ""
    item_id: int | None = None
    correct: bool | None = None  # the server's grade of an applied (or earlier applied) answer


def sync_answers(
    db: Database, *, user_id: int, rows: Sequence[OfflineAnswer | UnreadableRow], now: datetime
) -> tuple[AnswerOutcome, ...]:
    """One outcome per row, in the order sent. Rows are applied in the order sent (a device sends its
    outbox oldest first), each in its own transaction, so a refused row changes nothing."""
    if len(rows) > MAX_ROWS:
        raise InvalidInput(f"Send at most {MAX_ROWS} answers at a time.", field="rows")
    outcomes: list[AnswerOutcome] = []
    sent: set[str] = set()
    for row in rows:
        if isinstance(row, UnreadableRow):
            outcomes.append(AnswerOutcome(row.client_id, "refused", row.reason))
            continue
        if row.client_id in sent:
            outcomes.append(
                AnswerOutcome(row.client_id, "duplicate", "Sent twice in this batch.", row.item_id)
            )
            continue
        sent.add(row.client_id)
        outcomes.append(_apply(db, user_id, row, now))
    return tuple(outcomes)


def _apply(db: Database, user_id: int, row: OfflineAnswer, now: datetime) -> AnswerOutcome:
    def refused(reason: str) -> AnswerOutcome:
        return AnswerOutcome(row.client_id, "refused", reason, row.item_id)

    problem = offline_answer_problem(row, now)
    if problem is not None:
        return refused(problem)
    with unit_of_work(db, read_only=True) as uow:
        item = uow.practice.item(row.item_id)
        if item is None or item.user_id != user_id:
            return refused("No such exercise.")  # someone else's item looks exactly like a missing one
        if row.answered_at < item.created_at - CLOCK_SKEW:
            return refused("answered_at is before the exercise was made.")
    try:
        result = practice.answer_item(
            db,
            user_id=user_id,
            item_id=row.item_id,
            answer=row.answer,
            request_id=row.client_id,
            now=row.answered_at,  # due cards and "today" are those of the moment of answering
        )
    except (InvalidInput, NotFound, Conflict) as error:
        return refused(error.message)
    outcome: Outcome = "duplicate" if result.duplicate else "applied"
    return AnswerOutcome(row.client_id, outcome, "", row.item_id, result.correct)
