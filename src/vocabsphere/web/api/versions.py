"""Level versions of a story with their highlighted sentences."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from vocabsphere.services import versions
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/stories/{story_id}/versions", tags=["library"], responses=ERRORS)


class VersionSummaryOut(BaseModel):
    level: str
    measured_level: str
    measured_score: float
    hit_target: bool
    word_count: int


class VersionOut(BaseModel):
    story_id: int
    version: VersionSummaryOut
    paragraphs: list[str]
    highlights: list[dict[str, Any]]
    glosses: list[dict[str, Any]]
    changes: list[tuple[int, int]]
    steps: list[tuple[str, int]]
    model_versions: dict[str, str]
    headings: list[int]  # indices of ``paragraphs`` that are the source's headings


@router.get("", response_model=list[VersionSummaryOut])
def list_versions(story_id: RowId, state: State, principal: CurrentUser) -> list[VersionSummaryOut]:
    """The levels this story is available at ('orig' is the source text); empty while being prepared."""
    return [VersionSummaryOut(**vars(v)) for v in versions.list_versions(state.database, story_id)]


@router.get("/{level}", response_model=VersionOut)
def get_version(story_id: RowId, level: str, state: State, principal: CurrentUser) -> VersionOut:
    view = versions.get_version(state.database, story_id, level)
    return VersionOut(
        story_id=view.story_id,
        version=VersionSummaryOut(**vars(view.summary)),
        paragraphs=list(view.paragraphs),
        highlights=list(view.highlights),
        glosses=list(view.glosses),
        changes=list(view.changes),
        steps=list(view.steps),
        model_versions=view.model_versions,
        headings=list(view.headings),
    )
