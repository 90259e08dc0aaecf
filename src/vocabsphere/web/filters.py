"""Query-string filters shared by the vocabulary page and the API."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import study

STATUS_FILTERS = {
    "learning": (1, 2, 3, 4),
    "new": (0,),
    "known": (5,),
    "ignored": (6,),
    **{f"learning-{n}": (n,) for n in range(1, 5)},
}


def _date(value: str, field: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
    except ValueError as exc:
        raise InvalidInput("Dates are written YYYY-MM-DD.", field=field) from exc


def word_filter(
    q: str, status: str, level: str, story: int | None, since: str, until: str
) -> study.WordFilter:
    if status and status not in STATUS_FILTERS:
        raise InvalidInput("Unknown status filter.", field="status")
    if level and level not in CEFR_LEVELS:
        raise InvalidInput("Unknown level.", field="level")
    last_day = _date(until, "until")
    return study.WordFilter(
        query=" ".join(q.split())[:100],
        statuses=STATUS_FILTERS[status] if status else None,
        level=level or None,
        story_id=story,
        saved_from=_date(since, "since"),
        saved_until=last_day + timedelta(days=1) if last_day else None,
    )
