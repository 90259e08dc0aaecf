"""The learner's progress over time and the level their use of the product suggests."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from vocabsphere.services import progress
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/me/progress", tags=["progress"], responses=ERRORS)


class DayOut(BaseModel):
    day: date
    reviews: int
    retention: float | None
    reading_minutes: float
    words_per_minute: float | None
    known_words: int
    saved_words: int
    studied: bool
    goal_met: bool


class BandOut(BaseModel):
    level: str
    known_words: int


class HistoryOut(BaseModel):
    time_zone: str
    daily_goal: int
    target_retention: float
    retention: float | None
    known_by_level: list[BandOut]
    days: list[DayOut]


class LevelSuggestionOut(BaseModel):
    level: str
    suggested: str | None
    reasons: list[str]
    enough_evidence: bool
    locked: bool = Field(False, description="A teacher holds your level: nothing is suggested.")


class AccuracyRowOut(BaseModel):
    key: str = Field(description="Exercise kind, grammar point id or quiz question kind.")
    label: str
    level: str | None = Field(None, description="CEFR level of a grammar point.")
    answers: int
    right: int


class AccuracyOut(BaseModel):
    practice_by_kind: list[AccuracyRowOut]
    practice_by_point: list[AccuracyRowOut]
    quiz_by_kind: list[AccuracyRowOut]


@router.get("/history", response_model=HistoryOut)
def get_history(
    state: State, principal: CurrentUser, days: int = Query(progress.HISTORY_DAYS, ge=1, le=366)
) -> HistoryOut:
    """One row per day of the learner's own calendar (oldest first, today last): reviews, true retention
    (reviews of cards seen before that were recalled), reading minutes and pace, words known and
    vocabulary-book size at the end of the day, whether it was a study day and met the daily goal."""
    view = progress.history(state.database, user_id=principal.user.id, now=state.clock(), days=days)
    return HistoryOut(
        time_zone=view.time_zone,
        daily_goal=view.daily_goal,
        target_retention=view.target_retention,
        retention=view.retention,
        known_by_level=[BandOut(level=level, known_words=n) for level, n in view.known_by_level],
        days=[DayOut.model_validate(d, from_attributes=True) for d in view.days],
    )


@router.get("/level", response_model=LevelSuggestionOut)
def get_level_suggestion(state: State, principal: CurrentUser) -> LevelSuggestionOut:
    """Whether reading, saves, pace and reviews suggest another level; the level itself changes only when
    the learner sets it (PATCH /me)."""
    suggestion = progress.level_suggestion(state.database, user_id=principal.user.id)
    return LevelSuggestionOut.model_validate(suggestion, from_attributes=True)


@router.get("/accuracy", response_model=AccuracyOut)
def get_accuracy(state: State, principal: CurrentUser) -> AccuracyOut:
    """The learner's own practice answers by exercise kind and by grammar point, and quiz answers by
    question kind (keyed questions only), each with how many were right."""
    view = progress.accuracy(state.database, user_id=principal.user.id)

    def rows(items: tuple[progress.AccuracyRow, ...]) -> list[AccuracyRowOut]:
        return [AccuracyRowOut.model_validate(r, from_attributes=True) for r in items]

    return AccuracyOut(
        practice_by_kind=rows(view.practice_by_kind),
        practice_by_point=rows(view.practice_by_point),
        quiz_by_kind=rows(view.quiz_by_kind),
    )
