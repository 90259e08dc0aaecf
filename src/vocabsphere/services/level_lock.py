"""A teacher's lock on a learner's level: while a class the learner is in locks it, the learner's own
level does not change by the placement test, the level suggestion or the settings, and they are told
why (the teacher unlocks it in the class page)."""

from __future__ import annotations

from dataclasses import dataclass

from vocabsphere.core.errors import Conflict
from vocabsphere.store.unit_of_work import UnitOfWork

__all__ = ["LevelLock", "check_level_change", "level_lock"]


@dataclass(frozen=True)
class LevelLock:
    level: str
    class_name: str

    @property
    def note(self) -> str:
        return (
            f"Your teacher has set your level to {self.level} in the class \u201c{self.class_name}\u201d; "
            "ask them if you want to change it."
        )


def level_lock(uow: UnitOfWork, user_id: int) -> LevelLock | None:
    """The lock of the class the learner joined first, among their active classes that lock a level."""
    locks = uow.classes.level_locks(user_id)
    return LevelLock(*locks[0]) if locks else None


def check_level_change(uow: UnitOfWork, user_id: int, current: str, new: str) -> None:
    if new != current and (lock := level_lock(uow, user_id)) is not None:
        raise Conflict(lock.note, field="cefr_level")
