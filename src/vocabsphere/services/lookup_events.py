"""Look-ups recorded per learner, story and word: the class's pre-teaching list comes from them."""

from __future__ import annotations

from datetime import datetime

from vocabsphere.services import reading
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work


def record_lookup(
    db: Database, *, user_id: int, story_id: int, level: str, sentence: int, token: int, now: datetime
) -> None:
    """The word at that position of the version, once per learner and story; names are not recorded (a
    pre-teaching list of people and places would teach nothing)."""
    found = reading.reader_text(db, story_id, level).sentence_at(sentence)
    if found is None or not 0 <= token < len(found.tokens):
        return
    word = found.tokens[token]
    if not word.is_word or word.is_name or not word.lemma:
        return
    with unit_of_work(db) as uow:
        uow.classes.record_lookup(user_id, story_id, level, word.lemma[:100], now)
