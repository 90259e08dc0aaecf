"""The placement test as a use case: start, answer each step, see the result, accept it or keep one's
own level. The test's state is stored between steps, so a reload or another device carries on."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.placement import plan, reading
from vocabsphere.core.placement.items import load_bank
from vocabsphere.core.placement.meaning import WORDNET_UPOS, SenseInfo
from vocabsphere.services.level_lock import check_level_change, level_lock
from vocabsphere.store.database import Database
from vocabsphere.store.placement_repo import PlacementRepository
from vocabsphere.store.tables import PlacementTest
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class MeaningItem:
    word: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class PlacementView:
    id: int
    stage: str  # words, meanings, reading, done
    step: int  # the word batch on screen (0-based), for answers to name which batch they answer
    words: tuple[str, ...]  # the yes/no batch on screen
    max_batches: int
    meanings: tuple[MeaningItem, ...]
    reading_title: str
    reading_paragraphs: tuple[str, ...]
    reading_questions: tuple[tuple[str, tuple[str, ...]], ...]
    level_before: str
    result: dict[str, Any] | None  # plan.PlacementResult as data, once done
    decision: str | None  # accepted or kept
    lock_note: str = ""  # why the result cannot be accepted: a teacher locked the level


def senses_from(lexicon: Lexicon) -> Callable[[str], list[SenseInfo]]:
    """A word's senses as the meaning checks want them (only when the word is itself a lemma)."""

    def senses_of(word: str) -> list[SenseInfo]:
        entry = lexicon.entries(word)
        if entry.lemma != word:
            return []
        return [
            SenseInfo(s.definition, s.synonyms, s.tag_count, WORDNET_UPOS.get(s.pos, "X"))
            for s in entry.senses
        ]

    return senses_of


def _view(row: PlacementTest, uow: UnitOfWork | None = None) -> PlacementView:
    state = plan.PlacementState.from_json(json.loads(row.state_json))
    done = row.stage == "done"
    return PlacementView(
        id=row.id,
        stage=row.stage,
        step=state.batches_done,
        words=tuple(state.batch),
        max_batches=plan.MAX_BATCHES,
        meanings=tuple(MeaningItem(m["word"], tuple(m["options"])) for m in state.meanings),
        reading_title=reading.TITLE,
        reading_paragraphs=reading.PARAGRAPHS,
        reading_questions=tuple((q.prompt, q.options) for q in reading.QUESTIONS),
        level_before=row.level_before,
        result=json.loads(row.result_json) if done else None,
        decision=row.decision,
        lock_note=_lock_note(uow, row.user_id) if done and uow is not None else "",
    )


def _lock_note(uow: UnitOfWork, user_id: int) -> str:
    lock = level_lock(uow, user_id)
    return lock.note if lock else ""


def _owned(uow: UnitOfWork, user_id: int, test_id: int, *, for_update: bool = False) -> PlacementTest:
    row = PlacementRepository(uow.session).get(test_id, for_update=for_update)
    if row is None or row.user_id != user_id:
        raise NotFound("No such placement test.")
    return row


def start_test(db: Database, *, user_id: int, now: datetime) -> PlacementView:
    state = plan.start(load_bank(), seed=secrets.randbelow(1 << 31))
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        row = PlacementRepository(uow.session).add(
            PlacementTest(
                user_id=user_id,
                stage=state.stage,
                state_json=json.dumps(state.to_json()),
                level_before=user.cefr_level,
                result_json="{}",
                created_at=now,
            )
        )
        return _view(row)


def get_test(db: Database, *, user_id: int, test_id: int) -> PlacementView:
    with unit_of_work(db, read_only=True) as uow:
        return _view(_owned(uow, user_id, test_id), uow)


def answer(
    db: Database,
    *,
    user_id: int,
    test_id: int,
    stage: str,
    step: int = 0,
    known: list[str] | None = None,
    choices: list[int] | None = None,
    lexicon: Lexicon | None,
    now: datetime,
) -> PlacementView:
    """Answers to the step on screen: `known` for a word batch (named by `step`), `choices` for the
    meaning checks or the text's questions. Answers to a step already answered (a double submit, an
    old tab) change nothing and say so."""
    bank = load_bank()
    with unit_of_work(db) as uow:
        row = _owned(uow, user_id, test_id, for_update=True)
        state = plan.PlacementState.from_json(json.loads(row.state_json))
        if stage != state.stage or (stage == "words" and step != state.batches_done):
            raise Conflict("That step of the test was already answered.", field="stage")
        if stage == "words":
            state = plan.record_words(state, bank, known or [])
            state = plan.prepare_meanings(state, bank, senses_from(lexicon) if lexicon else None)
        elif stage == "meanings":
            state = plan.record_meanings(state, choices or [])
        elif stage == "reading":
            state = plan.record_reading(state, choices or [])
            outcome = plan.result(state, bank)
            row.level = outcome.level
            row.vocabulary_size = outcome.estimate.vocabulary_size
            row.result_json = json.dumps(asdict(outcome))
            row.finished_at = now
        else:
            raise InvalidInput("Unknown step.", field="stage")
        row.stage = state.stage
        row.state_json = json.dumps(state.to_json())
        return _view(row, uow)


def decide(db: Database, *, user_id: int, test_id: int, accept: bool, now: datetime) -> PlacementView:
    """The learner takes the suggested level, or keeps their own (recorded either way, once)."""
    with unit_of_work(db) as uow:
        row = _owned(uow, user_id, test_id, for_update=True)
        if row.stage != "done" or row.level is None:
            raise Conflict("Finish the test first.", field="stage")
        if row.decision is not None:
            raise Conflict("You already chose for this test.", field="decision")
        if accept:
            user = uow.users.get(user_id, for_update=True)
            assert user is not None  # the test is theirs
            check_level_change(uow, user_id, user.cefr_level, row.level)
            user.cefr_level = row.level
        row.decision, row.decided_at = ("accepted" if accept else "kept"), now
        return _view(row, uow)


def latest_result(db: Database, *, user_id: int) -> PlacementView | None:
    with unit_of_work(db, read_only=True) as uow:
        row = PlacementRepository(uow.session).latest_done(user_id)
        return _view(row, uow) if row else None
