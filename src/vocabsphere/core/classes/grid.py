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


def story_note(*, hidden: bool, deleted: bool) -> str:
    """Why learners cannot read an assigned story (empty when they can)."""
    return "story removed" if deleted else "story hidden from learners" if hidden else ""


@dataclass(frozen=True)
class Column:
    assignment_id: int
    title: str
    due_at: datetime
    note: str  # story_note(): empty while learners can read the story

    @property
    def story_available(self) -> bool:
        return not self.note

    def heading(self, due: str) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"{self.title}{note}, due {due}"


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
