"""Stored UTC instants grouped by the learner's local calendar day, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute, Session

from vocabsphere.core.local_time import local_date, midnight, offset_segments


@dataclass(frozen=True)
class DayWindow:
    """Rows between two instants, grouped by the local day of the learner's zone."""

    since: datetime
    until: datetime
    time_zone: str


def day_buckets(
    session: Session, column: InstrumentedAttribute[datetime], window: DayWindow
) -> tuple[ColumnElement[object], Callable[[object], date]]:
    """A grouping expression for `column` and the function turning each group's value into the
    learner's local date. PostgreSQL applies the zone's rules itself. SQLite stores UTC text and knows
    no zones: rows are grouped by their UTC hour (a prefix of the text, cheap, and read from the
    index), and each hour is put on its local day in Python, daylight-saving changes included; zones
    whose offset is not whole hours (India, Nepal, Newfoundland...) are grouped by minute instead."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone(window.time_zone, column.expression)), _as_date
    whole_hours = all(
        minutes % 60 == 0 for _, minutes in offset_segments(window.since, window.until, window.time_zone)
    )
    width = 13 if whole_hours else 16  # "2026-12-05 23" or "2026-12-05 23:30"
    suffix = ":00" if whole_hours else ""

    @cache
    def to_date(value: object) -> date:
        moment = datetime.fromisoformat(f"{value}{suffix}").replace(tzinfo=UTC)
        return local_date(moment, window.time_zone)

    return func.substr(column.expression, 1, width), to_date


def _as_date(value: object) -> date:
    """A date from the database: PostgreSQL returns dates."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def day_bounds(days: Sequence[date], time_zone: str) -> list[tuple[datetime, datetime]]:
    """Each local day as the UTC instants it begins and ends (a DST day is 23 or 25 hours)."""
    return [(midnight(day, time_zone), midnight(day + timedelta(days=1), time_zone)) for day in days]
