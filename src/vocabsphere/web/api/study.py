"""The vocabulary book and reviews for apps: save words, fetch the due queue, rate, undo."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.services import study
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["study"], responses=ERRORS)


class WordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lemma: str = Field(max_length=200)
    pos: str = Field("X", max_length=8)
    word: str = Field("", max_length=200)
    sentence: str = Field("", max_length=5000)
    story_id: int | None = None
    synset_id: str | None = Field(None, max_length=20)
    definition: str = Field("", max_length=2000)
    translation: str = Field("", max_length=300)
    cefr_level: str | None = Field(None, max_length=2)


class WordOut(BaseModel):
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


class DueCardOut(BaseModel):
    card_id: int
    kind: str
    due: datetime
    is_new: bool
    word: WordOut


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: int = Field(description="1 Again, 2 Hard, 3 Good, 4 Easy")
    request_id: str = Field(
        max_length=64, description="A fresh id per rating; a repeat is not applied twice."
    )
    duration_ms: int | None = Field(None, ge=0, le=3_600_000)


class RatingOut(BaseModel):
    card_id: int
    rating: int
    next_due: datetime
    duplicate: bool


@router.post("/words", response_model=WordOut, status_code=201)
def save_word(body: WordIn, state: State, principal: CurrentUser) -> WordOut:
    saved = study.save_word(
        state.database,
        user_id=principal.user.id,
        word=study.WordToSave(**body.model_dump()),
        now=state.clock(),
    )
    return WordOut(**vars(saved))


@router.get("/words", response_model=list[WordOut])
def list_words(
    state: State, principal: CurrentUser, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)
) -> list[WordOut]:
    words = study.list_words(state.database, user_id=principal.user.id, limit=limit, offset=offset)
    return [WordOut(**vars(w)) for w in words]


@router.get("/reviews/due", response_model=list[DueCardOut])
def due_cards(state: State, principal: CurrentUser, limit: int = Query(50, ge=1, le=200)) -> list[DueCardOut]:
    cards = study.due_cards(state.database, user_id=principal.user.id, now=state.clock(), limit=limit)
    return [
        DueCardOut(card_id=c.card_id, kind=c.kind, due=c.due, is_new=c.is_new, word=WordOut(**vars(c.word)))
        for c in cards
    ]


@router.post("/reviews/undo", status_code=200)
def undo(state: State, principal: CurrentUser) -> dict[str, int]:
    return {"card_id": study.undo_last_rating(state.database, user_id=principal.user.id)}


@router.post("/reviews/{card_id}", response_model=RatingOut)
def rate_card(card_id: int, body: RatingIn, state: State, principal: CurrentUser) -> RatingOut:
    result = study.rate_card(
        state.database,
        user_id=principal.user.id,
        card_id=card_id,
        rating=body.rating,
        request_id=body.request_id,
        now=state.clock(),
        duration_ms=body.duration_ms,
    )
    return RatingOut(**vars(result))
