"""The placement test over the API: start, answer each step, read the result, accept or keep."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.errors import NotFound
from vocabsphere.services import placement
from vocabsphere.services.dictionary import open_lexicon
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/placement", tags=["placement"], responses=ERRORS)


class MeaningOut(BaseModel):
    word: str
    options: list[str]


class QuestionOut(BaseModel):
    prompt: str
    options: list[str]


class PlacementOut(BaseModel):
    id: int
    stage: Literal["words", "meanings", "reading", "done"]
    step: int = Field(description="The word batch on screen (answers name it, so a repeat changes nothing).")
    words: list[str] = Field(description="Words to answer yes or no to; some are made-up words.")
    max_batches: int
    meanings: list[MeaningOut]
    reading_title: str
    reading_paragraphs: list[str]
    reading_questions: list[QuestionOut]
    level_before: str
    result: dict[str, Any] | None = Field(
        description="Once done: level, estimate (ability and its spread, level range and chances, "
        "vocabulary size and range, false-alarm and hit rates, band scores), counts and notes."
    )
    decision: Literal["accepted", "kept"] | None

    @classmethod
    def of(cls, view: placement.PlacementView) -> PlacementOut:
        return cls(
            id=view.id,
            stage=view.stage,
            step=view.step,
            words=list(view.words),
            max_batches=view.max_batches,
            meanings=[MeaningOut(word=m.word, options=list(m.options)) for m in view.meanings],
            reading_title=view.reading_title,
            reading_paragraphs=list(view.reading_paragraphs),
            reading_questions=[QuestionOut(prompt=p, options=list(o)) for p, o in view.reading_questions],
            level_before=view.level_before,
            result=view.result,
            decision=view.decision,
        )


class AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage: Literal["words", "meanings", "reading"]
    step: Annotated[int, Field(ge=0, le=50)] = 0
    known: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=40)] = []
    choices: Annotated[list[Annotated[int, Field(ge=0, le=9)]], Field(max_length=10)] = []


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    accept: bool


@router.post("", response_model=PlacementOut, status_code=201)
def start(state: State, principal: CurrentUser) -> PlacementOut:
    """Start a test: its first batch of words."""
    return PlacementOut.of(placement.start_test(state.database, user_id=principal.user.id, now=state.clock()))


@router.get("/latest", response_model=PlacementOut)
def latest(state: State, principal: CurrentUser) -> PlacementOut:
    """The learner's last finished test."""
    view = placement.latest_result(state.database, user_id=principal.user.id)
    if view is None:
        raise NotFound("No finished placement test yet.")
    return PlacementOut.of(view)


@router.get("/{test_id}", response_model=PlacementOut)
def get(test_id: RowId, state: State, principal: CurrentUser) -> PlacementOut:
    return PlacementOut.of(placement.get_test(state.database, user_id=principal.user.id, test_id=test_id))


@router.post("/{test_id}/answers", response_model=PlacementOut)
def answer(test_id: RowId, body: AnswersIn, state: State, principal: CurrentUser) -> PlacementOut:
    """Answers to the step on screen: `known` (the words of batch `step` the learner knows) for
    words, `choices` (option indexes, in order) for meanings and reading. A step already answered
    gets a 409."""
    view = placement.answer(
        state.database,
        user_id=principal.user.id,
        test_id=test_id,
        stage=body.stage,
        step=body.step,
        known=body.known,
        choices=body.choices,
        lexicon=open_lexicon(state.settings),
        now=state.clock(),
    )
    return PlacementOut.of(view)


@router.post("/{test_id}/decision", response_model=PlacementOut)
def decide(test_id: RowId, body: DecisionIn, state: State, principal: CurrentUser) -> PlacementOut:
    """Take the suggested level (`accept: true`) or keep one's own; once per test."""
    view = placement.decide(
        state.database, user_id=principal.user.id, test_id=test_id, accept=body.accept, now=state.clock()
    )
    return PlacementOut.of(view)
