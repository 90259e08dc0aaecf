"""The vocabulary book and reviews for apps: save words, fetch the due queue, rate, undo."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.srs import suggested_rating
from vocabsphere.services import dictionary, profiles, study
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.filters import word_filter
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["study"], responses=ERRORS)


class WordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lemma: str = Field(max_length=200)
    pos: str = Field("X", max_length=8)
    word: str = Field("", max_length=200)
    sentence: str = Field("", max_length=5000)
    story_id: RowId | None = None
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
    status: str = Field(description="Your status of the lemma: new, learning-1..4, known or ignored.")


class DueCardOut(BaseModel):
    card_id: int
    kind: str = Field(description="meaning, form, cloze or listening")
    due: datetime
    is_new: bool
    word: WordOut
    cloze_sentence: str = Field(
        "", description="cloze cards: a sentence met elsewhere; blank out cloze_answer"
    )
    cloze_answer: str = ""
    due_if_rated: list[datetime] = Field(
        default_factory=list, description="When the card comes back if rated Again, Hard, Good or Easy now."
    )


class CardOut(BaseModel):
    id: int
    kind: str
    due: datetime
    reps: int
    stability_days: float | None
    recall_curve: list[tuple[datetime, float]] = Field(description="Predicted recall for the coming days.")


class ReviewOut(BaseModel):
    reviewed_at: datetime
    kind: str
    rating: int
    duration_ms: int | None


class EncounterOut(BaseModel):
    story_id: int
    story_title: str
    level: str
    form: str
    sentence: str
    seen_at: datetime


class WordDetailOut(BaseModel):
    word: WordOut
    cards: list[CardOut]
    history: list[ReviewOut]
    encounters: list[EncounterOut]


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: str = Field(max_length=200)
    seconds: float = Field(0, ge=0, le=3600, description="Time taken, for the suggested rating.")


class AnswerOut(BaseModel):
    correct: bool
    near_miss: bool
    expected: str
    message: str
    suggested_rating: int


class StudySettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    desired_retention: float | None = Field(None, description="Above 0.7 and below 0.99; default 0.9.")
    new_cards_per_day: int | None = None
    reviews_per_day: int | None = None


class StudySettingsOut(BaseModel):
    desired_retention: float
    new_cards_per_day: int
    reviews_per_day: int
    personal_parameters: bool


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy")
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
    state.jobs.submit_exercises(principal.user.id, [saved.id])  # made ahead of the next practice
    return WordOut(**vars(saved))


@router.get("/words", response_model=list[WordOut])
def list_words(
    state: State,
    principal: CurrentUser,
    q: str = Query("", max_length=200, description="Search lemma, word and translation."),
    status: str = Query("", max_length=16, description="learning, learning-1..4, new, known or ignored"),
    level: str = Query("", max_length=2),
    story_id: RowId | None = Query(None),
    since: str = Query("", max_length=10, description="Saved on or after (YYYY-MM-DD)."),
    until: str = Query("", max_length=10, description="Saved on or before (YYYY-MM-DD)."),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> list[WordOut]:
    where = word_filter(q, status, level, story_id, since, until)
    words = study.list_words(
        state.database, user_id=principal.user.id, where=where, limit=limit, offset=offset
    )
    return [WordOut(**vars(w)) for w in words]


@router.get("/words/{word_id}", response_model=WordDetailOut)
def word_detail(word_id: RowId, state: State, principal: CurrentUser) -> WordDetailOut:
    """A saved word with its cards (next due, predicted recall), review history and encounters."""
    detail = study.word_detail(state.database, user_id=principal.user.id, word_id=word_id, now=state.clock())
    return WordDetailOut(
        word=WordOut(**vars(detail.word)),
        cards=[
            CardOut(
                id=c.id,
                kind=c.kind,
                due=c.due,
                reps=c.reps,
                stability_days=c.stability,
                recall_curve=[(at, round(p, 4)) for at, p in c.recall_curve],
            )
            for c in detail.cards
        ],
        history=[ReviewOut(**vars(h)) for h in detail.history],
        encounters=[EncounterOut(**vars(e)) for e in detail.encounters],
    )


@router.delete("/words/{word_id}", status_code=204)
def delete_word(word_id: RowId, state: State, principal: CurrentUser) -> Response:
    """Remove a saved word with its cards and review history."""
    study.delete_word(state.database, user_id=principal.user.id, word_id=word_id)
    return Response(status_code=204)


@router.get("/reviews/due", response_model=list[DueCardOut])
def due_cards(state: State, principal: CurrentUser, limit: int = Query(50, ge=1, le=200)) -> list[DueCardOut]:
    cards = study.due_cards(state.database, user_id=principal.user.id, now=state.clock(), limit=limit)
    return [due_card_out(c) for c in cards]


def due_card_out(card: study.DueCard) -> DueCardOut:
    return DueCardOut(
        card_id=card.card_id,
        kind=card.kind,
        due=card.due,
        is_new=card.is_new,
        word=WordOut(**vars(card.word)),
        cloze_sentence=card.cloze_sentence,
        cloze_answer=card.cloze_answer,
        due_if_rated=list(card.due_if_rated),
    )


@router.get("/reviews/next-due")
def next_due(state: State, principal: CurrentUser) -> dict[str, datetime | None]:
    """When your next card falls due (null without cards)."""
    return {"next_due": study.next_due(state.database, user_id=principal.user.id, now=state.clock())}


@router.post("/reviews/{card_id}/check", response_model=AnswerOut)
def check_answer(card_id: RowId, body: AnswerIn, state: State, principal: CurrentUser) -> AnswerOut:
    """Check a typed answer (form, cloze and listening cards): case, one typo and another form of the word
    are forgiven; on form cards a synonym of the saved sense is "also right"."""
    result, expected = study.check_answer(
        state.database,
        user_id=principal.user.id,
        card_id=card_id,
        answer=body.answer,
        lexicon=dictionary.open_lexicon(state.settings),
    )
    return AnswerOut(
        correct=result.correct,
        near_miss=result.near_miss,
        expected=expected,
        message=result.message,
        suggested_rating=suggested_rating(result, body.seconds),
    )


@router.get("/study-settings", response_model=StudySettingsOut)
def get_study_settings(state: State, principal: CurrentUser) -> StudySettingsOut:
    return StudySettingsOut(**vars(profiles.get_study_settings(state.database, principal.user.id)))


@router.put("/study-settings", response_model=StudySettingsOut)
def update_study_settings(body: StudySettingsIn, state: State, principal: CurrentUser) -> StudySettingsOut:
    """Desired retention (FSRS) and daily limits for new cards and reviews."""
    settings = profiles.update_study_settings(state.database, user_id=principal.user.id, **body.model_dump())
    return StudySettingsOut(**vars(settings))


class UndoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    request_id: str | None = Field(
        None,
        min_length=1,
        max_length=64,
        description="A new id per press of Undo: the same id again undoes nothing more.",
    )


class UndoOut(BaseModel):
    card_id: int


@router.post("/reviews/undo", response_model=UndoOut, status_code=200)
def undo(state: State, principal: CurrentUser, body: UndoIn | None = None) -> UndoOut:
    """Undo the last rating (the card and its word's status go back to how they were)."""
    request_id = body.request_id if body is not None else None
    card_id = study.undo_last_rating(
        state.database, user_id=principal.user.id, request_id=request_id, now=state.clock()
    )
    return UndoOut(card_id=card_id)


@router.post("/reviews/{card_id}", response_model=RatingOut)
def rate_card(card_id: RowId, body: RatingIn, state: State, principal: CurrentUser) -> RatingOut:
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
