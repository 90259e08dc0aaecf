"""Reading pace from the active time a reader spent on a text."""

from __future__ import annotations

# A client reports active time in small heartbeats; a longer gap means the tab was left open.
MAX_HEARTBEAT_SECONDS = 60
# Below this much reading the pace says more about the clock than about the reader.
MIN_SECONDS_FOR_PACE = 15


def words_per_minute(words: int, active_seconds: int) -> float | None:
    """Words per minute, or None when too little time was spent to say."""
    if words <= 0 or active_seconds < MIN_SECONDS_FOR_PACE:
        return None
    return round(words * 60 / active_seconds, 1)
