"""Which level a learner reads an assignment at, when it is due for them, and their status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from vocabsphere.core.accounts import check_cefr_level
from vocabsphere.core.errors import InvalidInput


class LevelRule(StrEnum):
    CLASS = "class"  # the class's level for everyone
    LEARNER = "learner"  # each learner's own level (or the level their teacher locked)
    FIXED = "fixed"  # one level the teacher chose


def parse_level_rule(raw: str, fixed_level: str | None) -> tuple[LevelRule, str | None]:
    try:
        rule = LevelRule(raw.strip().lower())
    except ValueError:
        raise InvalidInput("The level rule is class, learner or fixed.", field="level_rule") from None
    if rule is LevelRule.FIXED:
        if not fixed_level:
            raise InvalidInput("A fixed level rule needs a level.", field="fixed_level")
        return rule, check_cefr_level(fixed_level)
    return rule, None


def wanted_level(
    rule: LevelRule, *, fixed_level: str | None, class_level: str, own_level: str, locked_level: str | None
) -> str:
    """The CEFR level the rule asks for (the nearest stored version is picked from it)."""
    if rule is LevelRule.FIXED and fixed_level:
        return fixed_level
    if rule is LevelRule.CLASS:
        return class_level
    return locked_level or own_level


class Status(StrEnum):
    NOT_STARTED = "not started"
    READING = "reading"
    SUBMITTED = "submitted"
    LATE = "late"
    EXCUSED = "excused"


@dataclass(frozen=True)
class LearnerProgress:
    """What is known about one learner and one assignment."""

    due_at: datetime  # the class's due time, or the learner's extension
    excused: bool
    reading_started: bool
    submitted_at: datetime | None


def status_of(progress: LearnerProgress, now: datetime) -> Status:
    """Excused first; a submission counts as late when it came after the learner's due time; without one,
    the assignment is late once it is past due."""
    if progress.excused:
        return Status.EXCUSED
    if progress.submitted_at is not None:
        return Status.LATE if progress.submitted_at > progress.due_at else Status.SUBMITTED
    if now > progress.due_at:
        return Status.LATE
    return Status.READING if progress.reading_started else Status.NOT_STARTED


EARLIEST_YEAR, LATEST_YEAR = 2000, 2200


def check_instant(moment: datetime, field: str) -> datetime:
    """Assignment times within reason (a typo such as year 20260 would otherwise be stored)."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise InvalidInput(f"Give a date between {EARLIEST_YEAR} and {LATEST_YEAR}.", field=field)
    return moment


def check_dates(opens_at: datetime, due_at: datetime) -> None:
    check_instant(opens_at, "opens_at")
    check_instant(due_at, "due_at")
    if due_at <= opens_at:
        raise InvalidInput("The due time must come after the opening time.", field="due_at")
