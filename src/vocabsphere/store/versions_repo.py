"""Level versions of stories."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import Story, StoryVersion


class VersionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def for_story(self, story_id: int) -> list[StoryVersion]:
        query = select(StoryVersion).where(StoryVersion.story_id == story_id).order_by(StoryVersion.level)
        return list(self._session.scalars(query))

    def get(self, story_id: int, level: str) -> StoryVersion | None:
        query = select(StoryVersion).where(StoryVersion.story_id == story_id, StoryVersion.level == level)
        return self._session.scalar(query)

    def stale_story_ids(self, *, limit: int) -> list[int]:
        newest = (
            select(StoryVersion.story_id, func.min(StoryVersion.created_at).label("built"))
            .group_by(StoryVersion.story_id)
            .subquery()
        )
        query = (
            select(Story.id)
            .outerjoin(newest, newest.c.story_id == Story.id)
            .where((newest.c.built.is_(None)) | (newest.c.built < Story.updated_at))
            .order_by(Story.updated_at.desc())
            .limit(limit)
        )
        return list(self._session.scalars(query))

    def replace_all(self, story_id: int, versions: list[StoryVersion]) -> None:
        """New versions replace the old ones in one transaction: readers never see a half set."""
        self._session.execute(delete(StoryVersion).where(StoryVersion.story_id == story_id))
        self._session.add_all(versions)
        self._session.flush()
