"""Stories: the library with search, one story with its sources and cross-source notes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from vocabsphere.core.accounts import Role
from vocabsphere.services import stories
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role

router = APIRouter(prefix="/stories", tags=["library"], responses=ERRORS)


class StorySummaryOut(BaseModel):
    id: int
    title: str
    outlets: list[str]
    published_at: datetime | None
    word_count: int
    source_count: int
    cefr_level: str | None


class StoryVisibilityOut(StorySummaryOut):
    hidden: bool
    deleted: bool


class SourceOut(BaseModel):
    article_id: int
    outlet: str
    title: str
    url: str | None
    author: str | None
    published_at: datetime | None
    word_count: int
    is_base: bool


class StoryOut(BaseModel):
    story: StorySummaryOut
    paragraphs: list[str]
    sources: list[SourceOut]
    facts: list[dict[str, Any]]
    related: list[StorySummaryOut]


def _summary(s: stories.StorySummary) -> StorySummaryOut:
    return StorySummaryOut(
        id=s.id,
        title=s.title,
        outlets=list(s.outlets),
        published_at=s.published_at,
        word_count=s.word_count,
        source_count=s.source_count,
        cefr_level=s.cefr_level,
    )


@router.get("", response_model=list[StorySummaryOut])
def list_stories(
    state: State,
    principal: CurrentUser,
    q: str = Query("", max_length=200, description="Full-text search over titles and texts."),
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> list[StorySummaryOut]:
    return [_summary(s) for s in stories.list_stories(state.database, query=q, limit=limit, offset=offset)]


@router.get("/{story_id}", response_model=StoryOut)
def get_story(story_id: RowId, state: State, principal: CurrentUser) -> StoryOut:
    view = stories.get_story(state.database, story_id)
    return StoryOut(
        story=_summary(view.summary),
        paragraphs=list(view.paragraphs),
        sources=[SourceOut(**vars(s)) for s in view.sources],
        facts=list(view.facts),
        related=[_summary(r) for r in view.related],
    )


@router.post(
    "/{story_id}/{action}",
    response_model=StoryVisibilityOut,
    dependencies=[require_role(Role.TEACHER)],
)
def change_visibility(
    story_id: RowId, action: Literal["hide", "delete", "restore"], state: State
) -> StoryVisibilityOut:
    """Hide a story from learners, delete it softly (learners' readings, words and reviews stay) or
    restore it; teachers and admins only."""
    summary = stories.change_visibility(state.database, story_id=story_id, action=action, now=state.clock())
    return StoryVisibilityOut(
        **_summary(summary).model_dump(), hidden=summary.hidden, deleted=summary.deleted
    )
