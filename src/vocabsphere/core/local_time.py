"""The learner's own calendar: local dates and the start of their study day, from UTC instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vocabsphere.core.errors import InvalidInput


def zone(name: str) -> ZoneInfo:
    """The named zone; an unknown name (never stored, but old rows may predate the check) is UTC."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(moment: datetime, time_zone: str) -> date:
    """The calendar day it is at `moment` where the learner lives."""
    return moment.astimezone(zone(time_zone)).date()


def day_start(moment: datetime, time_zone: str) -> datetime:
    """The UTC instant of the learner's last local midnight before `moment` (DST days included)."""
    return midnight(local_date(moment, time_zone), time_zone)


def midnight(day: date, time_zone: str) -> datetime:
    """The UTC instant the learner's local `day` begins."""
    return datetime.combine(day, time(0), tzinfo=zone(time_zone)).astimezone(UTC)


def offset_segments(start: datetime, end: datetime, time_zone: str) -> list[tuple[datetime, int]]:
    """The learner's UTC offset (in minutes) from `start` to `end`, as (UTC instant it begins, offset)
    pairs, first one at `start`: lets a database without zone rules (SQLite) shift stored UTC times to
    local days exactly, daylight-saving changes included. Found by stepping a day at a time and halving
    the step where the offset changed (transitions are at least weeks apart)."""
    tz = zone(time_zone)

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(tz).utcoffset()
        return int(delta.total_seconds() // 60) if delta is not None else 0

    segments = [(start, offset(start))]
    step = timedelta(days=1)
    moment = start
    while moment < end:
        following = min(moment + step, end)
        if offset(following) != segments[-1][1]:
            low, high = moment, following  # the change lies in (low, high]
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == segments[-1][1] else (low, middle)
            high = high.replace(second=0, microsecond=0)  # transitions fall on whole minutes
            segments.append((high, offset(high)))
        moment = following
    return segments


def from_local(moment: datetime, time_zone: str) -> datetime:
    """A wall-clock time typed in `time_zone` (naive) as a UTC instant; aware times pass through."""
    try:
        if moment.tzinfo is not None:
            return moment.astimezone(UTC)
        return moment.replace(tzinfo=zone(time_zone)).astimezone(UTC)
    except OverflowError:  # within hours of year 1 or 9999
        raise InvalidInput("That date is out of range.") from None
