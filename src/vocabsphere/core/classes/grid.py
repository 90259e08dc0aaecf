"""The class dashboard as one table of text: the page and the CSV export show exactly these cells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.classes.levels import Status


@dataclass(frozen=True)
class Cell:
    status: Status
    score: int | None  # None: nothing graded (no submission, or no keyed questions)
    max_score: int | None
    reading_seconds: int
    level: str

    @property
    def text(self) -> str:
        parts = [self.status.value]
        if self.score is not None and self.max_score:
            parts.append(f"{self.score}/{self.max_score}")
        if self.reading_seconds:
            parts.append(reading_time(self.reading_seconds))
        return " · ".join(parts)


def reading_time(seconds: int) -> str:
    """Whole minutes, rounded up, so a short reading never shows as nothing."""
    return f"{max(1, -(-seconds // 60))} min"


@dataclass(frozen=True)
class Column:
    assignment_id: int
    title: str
    due_at: datetime
    story_available: bool

    def heading(self, due: str) -> str:
        removed = " (story removed)" if not self.story_available else ""
        return f"{self.title}{removed}, due {due}"


def table_rows(
    columns: list[Column],
    learners: list[tuple[str, str]],
    cells: dict[tuple[int, int], Cell],
    learner_ids: list[int],
    due_text: dict[int, str],
) -> list[list[str]]:
    """Header then one row per learner: name, user name, then each assignment's cell."""
    header = ["Learner", "User name", *(c.heading(due_text[c.assignment_id]) for c in columns)]
    rows = [header]
    for (name, username), user_id in zip(learners, learner_ids, strict=True):
        rows.append([name, username, *(cells[(user_id, c.assignment_id)].text for c in columns)])
    return rows
