"""Word statuses, reading sessions and encounters of saved words."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import ColumnElement, SQLColumnExpression, bindparam, case, cast, func, literal, or_, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from vocabsphere.core.reading.word_keys import STATUS_POS, key_parts, word_key
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ReadingSession, SavedWord, StoryVersion, WordEncounter, WordStatus


def _in_json_array(column: SQLColumnExpression[str], values: list[str], dialect: str) -> ColumnElement[bool]:
    """``column IN (values)`` with the values sent as one JSON parameter: a page's few hundred lemmas
    as separate bound parameters cost more to compile and bind than the query takes to run."""
    payload = literal(json.dumps(values))
    if dialect == "postgresql":
        elements = func.jsonb_array_elements_text(cast(payload, JSONB)).table_valued("value")
    else:
        elements = func.json_each(payload).table_valued("value")
    return column.in_(select(elements.c.value))


def status_pos_of(column: SQLColumnExpression[str]) -> ColumnElement[str]:
    """``core.reading.word_keys.status_pos`` in SQL: a saved word's POS as its status's part of speech."""
    return case(*((column == upos, group) for upos, group in STATUS_POS.items()), else_="")


# A version row's id, build time and the time its taps were prepared: a rebuild or a preparation
# changes it, so a cache keyed by it never serves an older reader text.
VersionStamp = tuple[int, datetime, datetime | None]


def read_version_stamp(database: Database, story_id: int, level: str) -> VersionStamp | None:
    """:meth:`ReadingRepository.version_stamp` as one Core query on a connection of its own: every tap
    in the reader reads it, and an ORM session with its transaction cost twice the query (about
    0.6 ms of CPU against 0.25 ms)."""
    with database.read_engine.connect() as connection:
        row = connection.execute(_VERSION_STAMP, {"story_id": story_id, "level": level}).first()
    return (row[0], row[1], row[2]) if row else None


# Built once (building a statement costs about as much as running it).
_VERSION_STAMP = select(StoryVersion.id, StoryVersion.created_at, StoryVersion.prepared_at).where(
    StoryVersion.story_id == bindparam("story_id"), StoryVersion.level == bindparam("level")
)


class ReadingRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _dialect(self) -> str:
        return self._session.get_bind().dialect.name

    def _lemma_in(
        self, column: SQLColumnExpression[str], lemmas: Iterable[str]
    ) -> ColumnElement[bool] | None:
        wanted = sorted(set(lemmas))
        return _in_json_array(column, wanted, self._session.get_bind().dialect.name) if wanted else None

    def statuses(self, user_id: int, keys: Iterable[str] | None = None) -> dict[str, int]:
        """The learner's statuses by word key (``core.reading.word_keys``), all of them or every part
        of speech of the lemmas of ``keys`` (so a caller can fall back to the any-POS one)."""
        columns = (WordStatus.lemma, WordStatus.pos, WordStatus.status)
        query = select(*columns).where(WordStatus.user_id == user_id)
        if keys is not None:
            wanted = self._lemma_in(WordStatus.lemma, (key_parts(k)[0] for k in keys))
            if wanted is None:
                return {}
            query = query.where(wanted)
        return {word_key(lemma, pos): status for lemma, pos, status in self._session.execute(query)}

    def _rows(self, user_id: int, keys: Iterable[str]) -> dict[str, WordStatus]:
        wanted = self._lemma_in(WordStatus.lemma, (key_parts(k)[0] for k in keys))
        if wanted is None:
            return {}
        query = select(WordStatus).where(WordStatus.user_id == user_id, wanted)
        return {word_key(row.lemma, row.pos): row for row in self._session.scalars(query)}

    def set_statuses(self, user_id: int, statuses: Mapping[str, int], now: datetime) -> int:
        """Insert or update each word key's status; returns how many rows changed. A key without a
        part of speech means the word in every part of speech: its rows for single parts of speech
        take the status too."""
        rows = self._rows(user_id, statuses)
        changed = 0
        for key, status in statuses.items():
            lemma, pos = key_parts(key)
            if key not in rows:
                self._session.add(
                    WordStatus(user_id=user_id, lemma=lemma, pos=pos, status=int(status), updated_at=now)
                )
                changed += 1
            same = [rows[key]] if key in rows else []
            if not pos:
                same += [row for other, row in rows.items() if other != key and row.lemma == lemma]
            for row in same:
                if row.status != status:
                    row.status, row.updated_at = int(status), now
                    changed += 1
        return changed

    def clear_status(self, user_id: int, key: str) -> None:
        self.clear_statuses(user_id, [key])

    def clear_statuses(self, user_id: int, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, row in self._rows(user_id, wanted).items():
            if key in wanted:
                self._session.delete(row)

    def marked_not_saved(
        self, user_id: int, statuses: Iterable[int], *, query: str, limit: int
    ) -> list[WordStatus]:
        """The learner's words with one of ``statuses`` that are not in their vocabulary book, newest
        first; ``query`` narrows to lemmas containing it."""
        saved = select(SavedWord.id).where(
            SavedWord.user_id == user_id,
            SavedWord.lemma == WordStatus.lemma,
            or_(WordStatus.pos == "", status_pos_of(SavedWord.pos) == WordStatus.pos),
        )
        found = select(WordStatus).where(
            WordStatus.user_id == user_id,
            WordStatus.status.in_(list(statuses)),
            ~saved.exists(),
        )
        if query:
            found = found.where(WordStatus.lemma.contains(query, autoescape=True))
        found = found.order_by(WordStatus.updated_at.desc(), WordStatus.id.desc()).limit(limit)
        return list(self._session.scalars(found))

    def version_profiles(self, story_ids: list[int], level: str) -> dict[int, tuple[str, str]]:
        """story id -> (version level, lemma profile JSON) for the versions at ``level``."""
        if not story_ids:
            return {}
        query = select(StoryVersion.story_id, StoryVersion.level, StoryVersion.lemmas_json).where(
            StoryVersion.story_id.in_(story_ids), StoryVersion.level == level
        )
        return {story_id: (lvl, profile) for story_id, lvl, profile in self._session.execute(query)}

    def version_levels(self, story_ids: list[int]) -> dict[int, list[str]]:
        if not story_ids:
            return {}
        query = select(StoryVersion.story_id, StoryVersion.level).where(StoryVersion.story_id.in_(story_ids))
        levels: dict[int, list[str]] = {}
        for story_id, level in self._session.execute(query):
            levels.setdefault(story_id, []).append(level)
        return levels

    def add_session(self, row: ReadingSession) -> ReadingSession:
        self._session.add(row)
        self._session.flush()
        return row

    def session(self, session_id: int) -> ReadingSession | None:
        return self._session.get(ReadingSession, session_id)

    def finished_story_ids(self, user_id: int) -> set[int]:
        query = select(ReadingSession.story_id).where(
            ReadingSession.user_id == user_id, ReadingSession.finished_at.is_not(None)
        )
        return set(self._session.scalars(query))

    def sessions(self, user_id: int, *, limit: int) -> list[ReadingSession]:
        query = (
            select(ReadingSession)
            .where(ReadingSession.user_id == user_id)
            .order_by(ReadingSession.last_seen_at.desc(), ReadingSession.id.desc())
            .limit(limit)
        )
        return list(self._session.scalars(query))

    def saved_words_by_lemma(self, user_id: int, lemmas: Iterable[str]) -> list[SavedWord]:
        wanted = self._lemma_in(SavedWord.lemma, lemmas)
        if wanted is None:
            return []
        return list(self._session.scalars(select(SavedWord).where(SavedWord.user_id == user_id, wanted)))

    def saved_word_ids(self, user_id: int, keys: Iterable[str]) -> dict[str, int]:
        """Word key -> the id of the learner's saved word, for every part of speech saved of the
        lemmas of ``keys`` (the first saved, if several map to one key)."""
        wanted = self._lemma_in(SavedWord.lemma, (key_parts(k)[0] for k in keys))
        if wanted is None:
            return {}
        query = (
            select(SavedWord.lemma, SavedWord.pos, SavedWord.id)
            .where(SavedWord.user_id == user_id, wanted)
            .order_by(SavedWord.id.desc())
        )
        return {word_key(lemma, pos): word_id for lemma, pos, word_id in self._session.execute(query)}

    def version_stamp(self, story_id: int, level: str) -> VersionStamp | None:
        """The version row's :data:`VersionStamp`: enough to tell whether a cached parse is current."""
        row = self._session.execute(_VERSION_STAMP, {"story_id": story_id, "level": level}).first()
        return (row[0], row[1], row[2]) if row else None

    def encountered_word_ids(self, story_id: int, word_ids: list[int]) -> set[int]:
        if not word_ids:
            return set()
        query = select(WordEncounter.saved_word_id).where(
            WordEncounter.story_id == story_id, WordEncounter.saved_word_id.in_(word_ids)
        )
        return set(self._session.scalars(query))

    def add_encounter(self, row: WordEncounter) -> None:
        self._session.add(row)

    def encounters(self, saved_word_id: int) -> list[WordEncounter]:
        query = (
            select(WordEncounter)
            .where(WordEncounter.saved_word_id == saved_word_id)
            .order_by(WordEncounter.seen_at.desc())
        )
        return list(self._session.scalars(query))
