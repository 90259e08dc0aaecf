"""Stored UTC instants grouped by the learner's local calendar day, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, String, case, cast, func
from sqlalchemy.orm import InstrumentedAttribute, Session

from vocabsphere.core.local_time import offset_segments


@dataclass(frozen=True)
class DayWindow:
    """Rows between two instants, grouped by the local day of the learner's zone."""

    since: datetime
    until: datetime
    time_zone: str


def local_day(
    session: Session,
    column: InstrumentedAttribute[datetime],
    window: DayWindow,
) -> ColumnElement[object]:
    """The local date of `column` for rows between `since` and `until`. PostgreSQL applies the zone's
    rules itself; SQLite stores UTC text and knows no zones, so the offsets in force over the range
    (daylight-saving changes included) are applied piecewise."""
    moment: ColumnElement[datetime] = column.expression
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone(window.time_zone, moment))
    segments = offset_segments(window.since, window.until, window.time_zone)

    def shifted(minutes: int) -> ColumnElement[object]:
        return func.date(moment, cast(f"{minutes:+d} minutes", String))

    if len(segments) == 1:
        return shifted(segments[0][1])
    whens = [
        (column < begins, shifted(previous))
        for (begins, _), (_, previous) in zip(segments[1:], segments, strict=False)
    ]
    return case(*whens, else_=shifted(segments[-1][1]))


def as_date(value: object) -> date:
    """A date from the database: PostgreSQL returns dates, SQLite text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
