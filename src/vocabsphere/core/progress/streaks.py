"""Study streaks in the learner's own days, with a freeze day so one missed day does not undo weeks."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, timedelta

FREEZE_EVERY_DAYS = 7  # one missed day is forgiven per week of streak


@dataclass(frozen=True)
class Streak:
    days: int  # study days in the streak (frozen days are not counted)
    frozen: tuple[date, ...]  # missed days the freeze covered, latest first
    alive_today: bool  # today already has study; else the streak lasts until tonight


def study_streak(study_days: Set[date], today: date) -> Streak:
    """Consecutive study days ending today (or yesterday: the streak survives until tonight). A single
    missed day between two study days is bridged by a freeze, at most one per FREEZE_EVERY_DAYS days
    walked, so a long streak can absorb an occasional miss but a gap of two days always ends it."""
    alive = today in study_days
    day = today if alive else today - timedelta(days=1)
    count = 0
    frozen: list[date] = []
    last_freeze: date | None = None
    while True:
        if day in study_days:
            count += 1
            day -= timedelta(days=1)
            continue
        before = day - timedelta(days=1)
        freeze_ready = last_freeze is None or (last_freeze - day).days >= FREEZE_EVERY_DAYS
        if count and before in study_days and freeze_ready:
            frozen.append(day)
            last_freeze = day
            day = before
            continue
        return Streak(count, tuple(frozen), alive)
