"""Practice for apps: a session of exercises from your saved words, answers, and their history."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.exercises import MAX_ANSWER_CHARS, parse_kinds
from vocabsphere.services import practice
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/practice", tags=["practice"], responses=ERRORS)


class GrammarPointOut(BaseModel):
    id: str
    level: str


class ItemOut(BaseModel):
    id: int
    kind: str = Field(
        description="part_of_speech, word_family, word_form (typed), sentence_role, word_order "
        "(send the phrases joined in order), cloze, collocation (the particle, preposition, verb or "
        "adjective that goes with a word), voice (active/passive), relative_clause "
        "(join two sentences) or question (yes/no question)"
    )
    prompt: str
    gapped: str = Field(description="The sentence with its gap (_____), empty when the item has none.")
    options: list[str] = Field(description="Choices, or the phrases to put in order; empty: type the answer.")
    word: str
    saved_word_id: int
    grammar_point: GrammarPointOut | None


class SessionOut(BaseModel):
    items: list[ItemOut]
    waiting_words: int = Field(description="Words whose exercises are still being made.")


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: str = Field(max_length=MAX_ANSWER_CHARS)
    request_id: str = Field(
        min_length=1, max_length=64, description="A fresh id per answer; a repeat counts once."
    )


class AnswerOut(BaseModel):
    item_id: int
    correct: bool
    near_miss: bool = Field(description="Right, with a spelling slip.")
    message: str
    answer: str
    accepted: list[str]
    explanation: str
    duplicate: bool
    review_card_id: int | None = Field(description="The review card this answer counted for, if any.")


class HistoryOut(BaseModel):
    item_id: int
    kind: str
    word: str
    given: str
    correct: bool
    answered_at: datetime


def practice_item_out(item: practice.PracticeItem) -> ItemOut:
    point = item.grammar_point
    return ItemOut(
        id=item.id,
        kind=item.kind,
        prompt=item.prompt,
        gapped=item.gapped,
        options=list(item.options),
        word=item.word,
        saved_word_id=item.saved_word_id,
        grammar_point=GrammarPointOut(id=point.id, level=point.level) if point else None,
    )


@router.get("/session", response_model=SessionOut)
def practice_session(
    state: State,
    principal: CurrentUser,
    size: int = Query(practice.SESSION_SIZE, ge=1, le=practice.SESSION_MAX),
    kinds: str = Query("", max_length=200, description="Comma-separated kinds; empty: all."),
    grammar_point: str = Query("", max_length=48, description="Only items of this grammar point id."),
) -> SessionOut:
    """Exercises from your due and recently saved words, mixing kinds; items answered right today
    are left out. Exercises are made in the background when a word is saved; words still waiting
    are counted in ``waiting_words`` (ask again a little later)."""
    built = practice.build_session(
        state.database,
        user_id=principal.user.id,
        now=state.clock(),
        size=size,
        kinds=parse_kinds(kinds.split(",")) if kinds else None,
        grammar_point=grammar_point or None,
    )
    if built.waiting_word_ids:
        state.jobs.submit_exercises(principal.user.id, built.waiting_word_ids)
    return SessionOut(items=[practice_item_out(i) for i in built.items], waiting_words=built.waiting_words)


@router.post("/items/{item_id}/answer", response_model=AnswerOut)
def answer_item(item_id: RowId, body: AnswerIn, state: State, principal: CurrentUser) -> AnswerOut:
    """Grade an answer and store it once per request id; a cloze, word-form or word-family answer
    counts as the day's review of that word's card when it is due (see the practice docs)."""
    result = practice.answer_item(
        state.database,
        user_id=principal.user.id,
        item_id=item_id,
        answer=body.answer,
        request_id=body.request_id,
        now=state.clock(),
    )
    return AnswerOut(**{**vars(result), "accepted": list(result.accepted)})


@router.get("/history", response_model=list[HistoryOut])
def answer_history(
    state: State,
    principal: CurrentUser,
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> list[HistoryOut]:
    """Your answers, newest first."""
    entries = practice.history(state.database, user_id=principal.user.id, limit=limit, offset=offset)
    return [HistoryOut(**vars(e)) for e in entries]
