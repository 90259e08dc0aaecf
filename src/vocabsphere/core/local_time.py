"""The learner's own calendar: local dates and the start of their study day, from UTC instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
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
    local_midnight = datetime.combine(local_date(moment, time_zone), time(0), tzinfo=zone(time_zone))
    return local_midnight.astimezone(UTC)


def from_local(moment: datetime, time_zone: str) -> datetime:
    """A wall-clock time typed in `time_zone` (naive) as a UTC instant; aware times pass through."""
    try:
        if moment.tzinfo is not None:
            return moment.astimezone(UTC)
        return moment.replace(tzinfo=zone(time_zone)).astimezone(UTC)
    except OverflowError:  # within hours of year 1 or 9999
        raise InvalidInput("That date is out of range.") from None
