"""Placement tests: one row per test taken, its state between steps and its result."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import PlacementTest


class PlacementRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, row: PlacementTest) -> PlacementTest:
        self._session.add(row)
        self._session.flush()
        return row

    def get(self, test_id: int, *, for_update: bool = False) -> PlacementTest | None:
        """``for_update`` serialises answers to one test (two tabs, a double submit)."""
        return self._session.get(PlacementTest, test_id, with_for_update=for_update or None)

    def latest_done(self, user_id: int) -> PlacementTest | None:
        query = (
            select(PlacementTest)
            .where(PlacementTest.user_id == user_id, PlacementTest.stage == "done")
            .order_by(PlacementTest.finished_at.desc(), PlacementTest.id.desc())
            .limit(1)
        )
        return self._session.scalar(query)
