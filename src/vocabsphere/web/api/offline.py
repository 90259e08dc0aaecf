"""The phone's offline mode: download what a device keeps, and sync the reviews it made offline."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vocabsphere.core.exercises import MAX_ANSWER_CHARS
from vocabsphere.core.srs.offline import MAX_DURATION_MS, MAX_ID_LENGTH
from vocabsphere.services import (
    dictionary,
    offline_bundle,
    offline_practice,
    offline_sync,
    practice,
    stories,
)
from vocabsphere.services.study import DueCard
from vocabsphere.web.api.practice import ItemOut, practice_item_out
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.api.study import DueCardOut, due_card_out
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/offline", tags=["offline"], responses=ERRORS)


class OutboxRowIn(BaseModel):
    """What every row of a device's outbox carries: its own id, the device and the device's row number."""

    model_config = ConfigDict(extra="forbid")
    client_id: str = Field(
        max_length=MAX_ID_LENGTH, description="The row's own id: sent again, it is applied once."
    )
    device_id: str = Field(max_length=MAX_ID_LENGTH, description="The device that made the row.")
    seq: int = Field(description="The device's running number of its offline rows.")


class RowOutcomeBase(BaseModel):
    client_id: str
    outcome: Literal["applied", "duplicate", "refused"] = Field(
        description="applied now, applied before (remove it from the outbox too), or refused for `reason`"
    )
    reason: str


class OfflineReviewIn(OutboxRowIn):
    card_id: RowId
    rating: int = Field(description="1 Again, 2 Hard, 3 Good, 4 Easy")
    reviewed_at: datetime = Field(description="When the learner rated the card (with its time zone).")
    duration_ms: int | None = Field(None, description=f"0 to {MAX_DURATION_MS}.")


# A row that does not fit the shape above is refused by itself, with the reason; the others still apply.
RowIn = Annotated[OfflineReviewIn | dict[str, Any], Field(union_mode="left_to_right")]


class SyncIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rows: list[RowIn] = Field(max_length=offline_sync.MAX_ROWS)


class RowOutcomeOut(RowOutcomeBase):
    card_id: int | None


class SyncedCardOut(BaseModel):
    card_id: int
    due: datetime
    reps: int
    last_review: datetime | None


class SyncOut(BaseModel):
    rows: list[RowOutcomeOut] = Field(description="One per row sent, in the same order.")
    cards: list[SyncedCardOut] = Field(description="Where each of your cards named in the batch stands now.")


class OfflineCardOut(DueCardOut):
    answer: str = Field(description="What a typed card expects (empty for meaning cards).")


class OfflineStoryOut(BaseModel):
    story_id: int
    level: str
    title: str


class BundleOut(BaseModel):
    generated_at: datetime
    until: datetime
    cards: list[OfflineCardOut]
    stories: list[OfflineStoryOut]


class VersionLookupsOut(BaseModel):
    story_id: int
    level: str
    positions: dict[str, int] = Field(description='"sentence.token" -> index into results')
    results: list[dict[str, Any]] = Field(description="Look-ups as GET /lookup answers them.")


class OfflineAnswerIn(OutboxRowIn):
    item_id: RowId
    answer: str = Field(max_length=MAX_ANSWER_CHARS, description="As typed, or the option chosen.")
    answered_at: datetime = Field(description="When the learner answered (with its time zone).")


AnswerRowIn = Annotated[OfflineAnswerIn | dict[str, Any], Field(union_mode="left_to_right")]


class AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rows: list[AnswerRowIn] = Field(max_length=offline_sync.MAX_ROWS)


class AnswerOutcomeOut(RowOutcomeBase):
    item_id: int | None
    correct: bool | None = Field(description="The server's grade (null when refused).")


class AnswersOut(BaseModel):
    rows: list[AnswerOutcomeOut] = Field(description="One per row sent, in the same order.")


class OfflineItemOut(ItemOut):
    answer: str
    accepted: list[str]
    explanation: str


def _unreadable(value: dict[str, Any], model: type[BaseModel]) -> offline_sync.UnreadableRow:
    client_id = value.get("client_id")
    label = client_id[:MAX_ID_LENGTH] if isinstance(client_id, str) else ""
    try:
        model.model_validate(value)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "row"
        return offline_sync.UnreadableRow(label, f"Malformed row: {where}: {first['msg']}.")
    return offline_sync.UnreadableRow(label, "Malformed row.")


def _row(value: OfflineReviewIn | dict[str, Any]) -> offline_sync.OfflineReview | offline_sync.UnreadableRow:
    if isinstance(value, OfflineReviewIn):
        return offline_sync.OfflineReview(**value.model_dump())
    return _unreadable(value, OfflineReviewIn)


def _answer_row(
    value: OfflineAnswerIn | dict[str, Any],
) -> offline_practice.OfflineAnswer | offline_sync.UnreadableRow:
    if isinstance(value, OfflineAnswerIn):
        return offline_practice.OfflineAnswer(**value.model_dump())
    return _unreadable(value, OfflineAnswerIn)


@router.post("/reviews", response_model=SyncOut)
def sync_reviews(body: SyncIn, state: State, principal: CurrentUser) -> SyncOut:
    """Apply reviews made offline. Each row is applied once (by card and `client_id`); each card that
    got a new review is recomputed from its whole review log in review-time order, so reviews of one
    card on two devices end in the same state. Rows for someone else's card, with impossible ratings,
    times in the future (beyond five minutes of clock difference) or a wrong shape are refused one by
    one with a reason; the rest are applied."""
    report = offline_sync.sync_reviews(
        state.database, user_id=principal.user.id, rows=[_row(r) for r in body.rows], now=state.clock()
    )
    return SyncOut(
        rows=[RowOutcomeOut(**vars(r)) for r in report.rows],
        cards=[SyncedCardOut(**vars(c)) for c in report.cards],
    )


@router.post("/answers", response_model=AnswersOut)
def sync_answers(body: AnswersIn, state: State, principal: CurrentUser) -> AnswersOut:
    """Apply practice answers made offline, each once (by `client_id`, the answer's request id), graded
    and counted as a live answer at `answered_at` would have been. Rows for someone else's exercise,
    with an empty or over-long answer, times in the future (beyond five minutes of clock difference)
    or before the exercise was made, or a wrong shape are refused one by one with a reason; the rest
    are applied."""
    outcomes = offline_practice.sync_answers(
        state.database,
        user_id=principal.user.id,
        rows=[_answer_row(r) for r in body.rows],
        now=state.clock(),
    )
    return AnswersOut(rows=[AnswerOutcomeOut(**vars(o)) for o in outcomes])


@router.get("/practice", response_model=list[OfflineItemOut])
def practice_items(state: State, principal: CurrentUser) -> list[OfflineItemOut]:
    """A session's worth of practice items with their answers, for practising offline."""
    found = practice.offline_items(state.database, user_id=principal.user.id, now=state.clock())
    return [
        OfflineItemOut(
            **practice_item_out(o.item).model_dump(),
            answer=o.answer,
            accepted=list(o.accepted),
            explanation=o.explanation,
        )
        for o in found
    ]


def _card_out(card: DueCard, answer: str) -> OfflineCardOut:
    return OfflineCardOut(**due_card_out(card).model_dump(), answer=answer)


@router.get("/bundle", response_model=BundleOut)
def bundle(
    state: State,
    principal: CurrentUser,
    days: int = Query(
        7, ge=1, le=offline_bundle.MAX_DAYS, description="Cards due up to this many days ahead."
    ),
) -> BundleOut:
    """What a device keeps for offline use: today's review queue and the reviews due in the coming
    days (with prompts and expected answers), and the story versions you opened recently."""
    found = offline_bundle.offline_bundle(
        state.database, user_id=principal.user.id, now=state.clock(), days=days
    )
    return BundleOut(
        generated_at=found.generated_at,
        until=found.until,
        cards=[_card_out(c.card, c.answer) for c in found.cards],
        stories=[OfflineStoryOut(**vars(s)) for s in found.stories],
    )


@router.get("/stories/{story_id}/versions/{level}/lookups", response_model=VersionLookupsOut)
def version_lookups(
    story_id: RowId,
    state: State,
    principal: CurrentUser,
    level: str = Path(max_length=4, description="A1..C2 or 'orig'."),
    lang: str | None = Query(None, max_length=20, description="ISO 639-1 code; default: your language."),
) -> VersionLookupsOut:
    """Every word of a story version looked up as the reader does it, for reading offline (the optional
    machine-translation backend is not asked)."""
    user = principal.user
    stories.get_story(state.database, story_id, include_hidden=user.is_teacher)  # NotFound when hidden
    found = dictionary.look_up_whole_version(
        state.settings, state.database, story_id=story_id, level=level, lang=lang or user.native_language
    )
    positions: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for key, result in found.items():
        body = dictionary.lookup_as_dict(result)
        marker = json.dumps(body, sort_keys=True, default=str)
        if marker not in seen:
            seen[marker] = len(results)
            results.append(body)
        positions[key] = seen[marker]
    return VersionLookupsOut(story_id=story_id, level=level, positions=positions, results=results)
