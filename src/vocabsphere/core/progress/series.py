"""Day-by-day series for charts: every day of the window present, running totals, rates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from itertools import accumulate


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def running_total(start: int, per_day: Mapping[date, int], days: list[date]) -> list[int]:
    """`start` plus everything added up to and including each day."""
    return list(accumulate((per_day.get(day, 0) for day in days), initial=start))[1:]


def rate(part: int, whole: int) -> float | None:
    """part/whole, or None where there is nothing to divide (a chart shows a gap, not a zero)."""
    return part / whole if whole else None
