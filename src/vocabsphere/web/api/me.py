"""The signed-in user's own profile and tokens."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel

from vocabsphere.services import api_tokens, profiles, progress
from vocabsphere.web.api.schemas import ERRORS, ProfileIn, TokenInfoOut, UserOut
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/me", tags=["me"], responses=ERRORS)


@router.get("", response_model=UserOut)
def get_me(state: State, principal: CurrentUser) -> UserOut:
    return UserOut.of(profiles.get_user(state.database, principal.user.id))


@router.patch("", response_model=UserOut)
def update_me(body: ProfileIn, state: State, principal: CurrentUser) -> UserOut:
    change = profiles.ProfileChange(
        display_name=body.display_name,
        native_language=body.native_language,
        cefr_level=body.cefr_level,
        daily_goal=body.daily_goal,
        time_zone=body.time_zone,
    )
    return UserOut.of(profiles.update_profile(state.database, user_id=principal.user.id, change=change))


class ReadingRowOut(BaseModel):
    story_id: int
    title: str
    level: str
    minutes: float
    words_per_minute: float | None
    finished_at: datetime | None
    last_seen_at: datetime


class ProgressOut(BaseModel):
    saved_words: int
    known_words: int
    learning_words: int
    reviews_today: int
    review_streak_days: int
    streak_frozen_days: list[date]
    daily_goal: int
    goal_met_today: bool
    due_now: int
    stories_finished: int
    words_read: int
    time_zone: str
    today: date
    readings: list[ReadingRowOut]


@router.get("/progress", response_model=ProgressOut)
def get_progress(state: State, principal: CurrentUser) -> ProgressOut:
    """Words by status, reviews today against the daily goal, the streak (study days in the learner's
    time zone, a missed day bridged by a freeze), cards due, stories finished, recent readings."""
    view = progress.progress(state.database, user_id=principal.user.id, now=state.clock())
    return ProgressOut.model_validate(view, from_attributes=True)


@router.get("/tokens", response_model=list[TokenInfoOut])
def list_tokens(state: State, principal: CurrentUser) -> list[TokenInfoOut]:
    return [
        TokenInfoOut(id=t.id, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at)
        for t in api_tokens.list_tokens(state.database, user_id=principal.user.id)
    ]


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(token_id: RowId, state: State, principal: CurrentUser) -> Response:
    api_tokens.revoke_token(state.database, user_id=principal.user.id, token_id=token_id)
    return Response(status_code=204)
