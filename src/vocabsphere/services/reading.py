"""Reading a story version: the reader's tokens with the learner's word statuses, coverage, reading time,
finishing, and saved words met again."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from cachetools import LRUCache

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.reading import (
    MAX_HEARTBEAT_SECONDS,
    STATUS_MEANINGS,
    Coverage,
    LemmaStats,
    ReaderText,
    ReaderToken,
    WordStatus,
    coverage,
    key_parts,
    lookup_key,
    normalise_lemma,
    parse_status,
    pick_comfortable,
    reader_class,
    status_pos,
    word_key,
    words_per_minute,
)
from vocabsphere.core.reading.tokens import profile_from_json
from vocabsphere.core.srs import SavedWordFacts, card_kinds_for
from vocabsphere.services import versions
from vocabsphere.services.reader_text import analyse_for_reader
from vocabsphere.store.database import Database
from vocabsphere.store.reading_repo import VersionStamp, read_version_stamp
from vocabsphere.store.tables import ReadingSession, ReviewCard, WordEncounter
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

MAX_BULK_LEMMAS = 5000
# Re-exported for the web layer, which may not import the core's internals piecemeal.
__all__ = [
    "MAX_BULK_LEMMAS",
    "STATUS_MEANINGS",
    "Coverage",
    "MarkedWord",
    "ReaderPage",
    "ReaderToken",
    "ReadingProgress",
    "StoryFit",
    "WordStatus",
    "mark_rest_known",
    "marked_words",
    "next_for_you",
    "normalise_lemma",
    "reader_class",
    "reader_page",
    "recent_readings",
    "record_progress",
    "set_status",
    "set_statuses",
    "start_reading",
    "status_pos",
    "statuses_of",
    "story_fits",
    "undo_mark_known",
]
NEXT_FOR_YOU_CANDIDATES = 100
# "Next for you" offers real articles only: a news report is rarely under this many words, a test page is.
NEXT_FOR_YOU_MIN_WORDS = 150


@dataclass(frozen=True)
class ReaderPage:
    version: versions.VersionView
    text: ReaderText
    statuses: dict[str, int]  # word key -> the learner's status, for the lemmas in this text
    saved_words: dict[str, int]  # word key -> saved word id, for the lemmas in this text
    coverage: Coverage
    stamp: VersionStamp  # identifies the version build (for caches of its rendering)

    def status_of(self, key: str) -> int | None:
        """The learner's status of a token's word key (``ReaderToken.key``)."""
        return lookup_key(self.statuses, key)

    def saved_id(self, key: str) -> int | None:
        return lookup_key(self.saved_words, key)


@dataclass(frozen=True)
class MarkedWord:
    """A word the learner gave a status to without saving it."""

    lemma: str
    pos: str  # the status's part of speech ("" = any)
    status: str  # label, e.g. "learning-2"
    meaning: str  # what the status means, e.g. "I recognise it"
    updated_at: datetime


@dataclass(frozen=True)
class StoryFit:
    story_id: int
    level: str
    coverage: Coverage


@dataclass(frozen=True)
class ReadingProgress:
    session_id: int
    story_id: int
    level: str
    active_seconds: int
    words: int
    words_per_minute: float | None
    finished_at: datetime | None
    met_again: tuple[str, ...] = ()  # saved words recorded as met again when this reading started


# Parsed reader text and lemma profile per version stamp (row id, build time, taps prepared): a rebuilt
# or prepared version has a new stamp, so entries never go stale; the bound keeps memory flat.
_parsed: LRUCache[VersionStamp, tuple[ReaderText, dict[str, LemmaStats]]] = LRUCache(maxsize=256)
_parsed_lock = threading.Lock()


def _reader(
    db: Database, story_id: int, level: str
) -> tuple[VersionStamp, ReaderText, dict[str, LemmaStats]]:
    """The version's parsed reader text and lemma profile, cached per process by its stamp (a rebuilt
    or prepared version has a new one); versions built before the reader existed are parsed once
    and stored."""
    stamp = read_version_stamp(db, story_id, level)  # every tap asks: one plain query
    if stamp is None:
        raise NotFound(f"This story has no {level} version.")
    with _parsed_lock:
        hit = _parsed.get(stamp)
    if hit is not None:
        return stamp, hit[0], hit[1]
    with unit_of_work(db, read_only=True) as uow:
        stamp = uow.reading.version_stamp(story_id, level)  # again, with the row it stamps
        if stamp is None:
            raise NotFound(f"This story has no {level} version.")
        row = uow.versions.get(story_id, level)
        assert row is not None  # the stamp was just read in this transaction
        stored, raw = ReaderText.from_json(row.reader_json), row.text
    if stored is None:
        reader_json, lemmas_json = analyse_for_reader(raw)
        with unit_of_work(db) as uow:
            row = uow.versions.get(story_id, level)
            if row is not None and row.text == raw:
                row.reader_json, row.lemmas_json = reader_json, lemmas_json
        stored = ReaderText.from_json(reader_json)
        assert stored is not None  # we just wrote it in the current format
    profile = stored.lemma_profile()
    with _parsed_lock:
        _parsed[stamp] = (stored, profile)
    return stamp, stored, profile


def reader_text(db: Database, story_id: int, level: str) -> ReaderText:
    """The version's reader tokens (see ``_reader``)."""
    return _reader(db, story_id, level)[1]


def stamped_reader_text(db: Database, story_id: int, level: str) -> tuple[VersionStamp, ReaderText]:
    """The version's reader tokens with its stamp: a rebuild or the taps' preparation changes it."""
    stamp, text, _ = _reader(db, story_id, level)
    return stamp, text


def reader_page(db: Database, *, user_id: int, learner_level: str, story_id: int, level: str) -> ReaderPage:
    version = versions.get_version(db, story_id, level)
    stamp, text, profile = _reader(db, story_id, level)
    with unit_of_work(db, read_only=True) as uow:
        statuses = uow.reading.statuses(user_id, profile)
        saved = uow.reading.saved_word_ids(user_id, profile)
    return ReaderPage(version, text, statuses, saved, coverage(profile, statuses, learner_level), stamp)


def _check_lemma(value: str) -> str:
    lemma = normalise_lemma(value)
    if not lemma or len(lemma) > 100 or not any(ch.isalpha() for ch in lemma):
        raise InvalidInput("A word of 1 to 100 characters with at least one letter.", field="lemma")
    return lemma


def _check_key(value: str) -> str:
    """A word key as sent back by a client ("troop:NOUN", or a bare lemma for any part of speech)."""
    lemma, pos = key_parts(value.strip())
    return word_key(_check_lemma(lemma), pos)


def set_status(
    db: Database, *, user_id: int, lemma: str, status: str | int, now: datetime, pos: str = ""
) -> WordStatus:
    """Set the status of ``lemma`` as the part of speech ``pos`` (a UPOS tag; "" = any)."""
    value, key = parse_status(status), word_key(_check_lemma(lemma), pos)
    with unit_of_work(db) as uow:
        uow.reading.set_statuses(user_id, {key: value}, now)
    return value


def statuses_of(db: Database, *, user_id: int, lemmas: list[str] | None = None) -> dict[str, int]:
    """The learner's statuses by word key: all, or those of ``lemmas`` in every part of speech."""
    with unit_of_work(db) as uow:
        return uow.reading.statuses(user_id, None if lemmas is None else [normalise_lemma(x) for x in lemmas])


def set_statuses(db: Database, *, user_id: int, lemmas: list[str], status: str | int, now: datetime) -> int:
    """Set one status for many lemmas in one transaction; returns how many changed."""
    if len(lemmas) > MAX_BULK_LEMMAS:
        raise InvalidInput(f"At most {MAX_BULK_LEMMAS:,} words at once.", field="lemmas")
    value = parse_status(status)
    keys = {_check_key(x): value for x in lemmas}
    with unit_of_work(db) as uow:
        return uow.reading.set_statuses(user_id, keys, now)


def mark_rest_known(
    db: Database, *, user_id: int, story_id: int, level: str, now: datetime
) -> tuple[str, ...]:
    """Every word of the version the learner has not marked (or marked new) becomes known; words being
    learnt and ignored words keep their status, names are left alone. Returns the word keys that
    changed (for an undo)."""
    profile = _reader(db, story_id, level)[2]
    with unit_of_work(db) as uow:
        current = uow.reading.statuses(user_id, profile)
        rest = {
            key: WordStatus.KNOWN
            for key, stats in profile.items()
            if lookup_key(current, key) in (None, WordStatus.NEW) and not stats.is_name
        }
        uow.reading.set_statuses(user_id, rest, now)
        return tuple(sorted(rest))


def undo_mark_known(db: Database, *, user_id: int, lemmas: list[str]) -> int:
    """Undo "mark the rest known": the given word keys that are still known lose their status again.
    Returns how many were reset."""
    if len(lemmas) > MAX_BULK_LEMMAS:
        raise InvalidInput(f"At most {MAX_BULK_LEMMAS:,} words at once.", field="lemmas")
    keys = [_check_key(x) for x in lemmas]
    with unit_of_work(db) as uow:
        wanted = set(keys)
        found = uow.reading.statuses(user_id, keys).items()
        known = [k for k, v in found if k in wanted and v == WordStatus.KNOWN]
        uow.reading.clear_statuses(user_id, known)
        return len(known)


def marked_words(db: Database, *, user_id: int, query: str = "", limit: int = 100) -> list[MarkedWord]:
    """Words marked learning 1-4 in the reader but not saved, newest first (so they can be found)."""
    learning = [int(s) for s in WordStatus if 1 <= s.value <= 4]
    with unit_of_work(db, read_only=True) as uow:
        rows = uow.reading.marked_not_saved(user_id, learning, query=normalise_lemma(query), limit=limit)
        # A status set for every part of speech also lands on the lemma's own rows: list it once.
        for_all = {(r.lemma, r.status) for r in rows if not r.pos}
        rows = [r for r in rows if not r.pos or (r.lemma, r.status) not in for_all]
        return [
            MarkedWord(
                r.lemma,
                r.pos,
                WordStatus(r.status).label,
                STATUS_MEANINGS[WordStatus(r.status)],
                r.updated_at,
            )
            for r in rows
        ]


def story_fits(
    db: Database, *, user_id: int, learner_level: str, story_ids: list[int]
) -> dict[int, StoryFit]:
    """For each story, the version at the learner's level and its known-word coverage for them."""
    with unit_of_work(db, read_only=True) as uow:
        return _story_fits(uow, user_id, learner_level, story_ids)


def _story_fits(
    uow: UnitOfWork, user_id: int, learner_level: str, story_ids: list[int]
) -> dict[int, StoryFit]:
    chosen: dict[str, list[int]] = {}
    for story_id, levels in uow.reading.version_levels(story_ids).items():
        chosen.setdefault(versions.pick_level(levels, learner_level), []).append(story_id)
    profiles: dict[int, tuple[str, dict[str, LemmaStats]]] = {}
    for level, ids in chosen.items():
        for story_id, (lvl, raw) in uow.reading.version_profiles(ids, level).items():
            profile = profile_from_json(raw)
            if profile:
                profiles[story_id] = (lvl, profile)
    lemmas = {lemma for _, profile in profiles.values() for lemma in profile}
    statuses = uow.reading.statuses(user_id, lemmas)
    return {
        story_id: StoryFit(story_id, lvl, coverage(profile, statuses, learner_level))
        for story_id, (lvl, profile) in profiles.items()
    }


def next_for_you(db: Database, *, user_id: int, learner_level: str) -> StoryFit | None:
    """Among recent stories learners may see, of article length and not yet finished, the one whose
    coverage is closest to 95-98 %."""
    with unit_of_work(db, read_only=True) as uow:
        finished = uow.reading.finished_story_ids(user_id)
        recent = [
            s.id
            for s in uow.stories.latest(limit=NEXT_FOR_YOU_CANDIDATES, offset=0)
            if s.id not in finished and s.word_count >= NEXT_FOR_YOU_MIN_WORDS
        ]
        fits = _story_fits(uow, user_id, learner_level, recent)
    return pick_comfortable([(fit, fit.coverage) for fit in fits.values()])


def _progress(row: ReadingSession, met_again: tuple[str, ...] = ()) -> ReadingProgress:
    return ReadingProgress(
        row.id,
        row.story_id,
        row.level,
        row.active_seconds,
        row.word_count,
        words_per_minute(row.word_count, row.active_seconds),
        row.finished_at,
        met_again,
    )


def start_reading(db: Database, *, user_id: int, story_id: int, level: str, now: datetime) -> ReadingProgress:
    """Open a reading session and record the saved words this text contains (met again), each once per
    story; a word met in another sentence also gets a cloze card."""
    version = versions.get_version(db, story_id, level)
    text = reader_text(db, story_id, level)
    first_use: dict[str, tuple[str, str]] = {}
    for paragraph in text.paragraphs:
        for sentence in paragraph:
            for token in sentence.tokens:
                if token.is_word and token.lemma not in first_use:
                    first_use[token.lemma] = (token.text, sentence.text)
    with unit_of_work(db) as uow:
        row = uow.reading.add_session(
            ReadingSession(
                user_id=user_id,
                story_id=story_id,
                level=level,
                word_count=version.summary.word_count,
                active_seconds=0,
                started_at=now,
                last_seen_at=now,
            )
        )
        saved = [w for w in uow.reading.saved_words_by_lemma(user_id, first_use) if w.story_id != story_id]
        seen = uow.reading.encountered_word_ids(story_id, [w.id for w in saved])
        met: list[str] = []
        for word in saved:
            if word.id in seen:
                continue
            form, context = first_use[word.lemma]
            uow.reading.add_encounter(
                WordEncounter(
                    saved_word_id=word.id,
                    story_id=story_id,
                    level=level,
                    form=form[:100],
                    sentence=context,
                    seen_at=now,
                )
            )
            met.append(word.lemma)
            facts = SavedWordFacts(word.word, word.sentence, word.translation, word.definition, (context,))
            if "cloze" in card_kinds_for(facts) and uow.study.card_of_kind(word.id, "cloze") is None:
                uow.study.add(
                    ReviewCard(
                        user_id=user_id, saved_word_id=word.id, kind="cloze", state=1, step=0, due=now, reps=0
                    )
                )
        return _progress(row, tuple(sorted(met)))


def record_progress(
    db: Database, *, user_id: int, session_id: int, seconds: int, finished: bool, now: datetime
) -> ReadingProgress:
    """Add active reading time (at most one heartbeat's worth, and never more than the clock allows);
    ``finished`` marks the story read, once."""
    if seconds < 0:
        raise InvalidInput("Seconds must not be negative.", field="seconds")
    with unit_of_work(db) as uow:
        row = uow.reading.session(session_id)
        if row is None or row.user_id != user_id:
            raise NotFound("No such reading session.")
        elapsed = max(0, int((now - row.last_seen_at).total_seconds())) + 1
        row.active_seconds += min(seconds, MAX_HEARTBEAT_SECONDS, elapsed)
        row.last_seen_at = max(now, row.last_seen_at)
        if finished and row.finished_at is None:
            row.finished_at = now
        return _progress(row)


def recent_readings(db: Database, *, user_id: int, limit: int = 20) -> list[ReadingProgress]:
    with unit_of_work(db) as uow:
        return [_progress(r) for r in uow.reading.sessions(user_id, limit=limit)]
