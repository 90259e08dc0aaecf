"""Database tables (SQLAlchemy 2 declarative). Schema changes go through Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no time zone, so it is restored on load)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass UTC-aware times")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stored: datetime = value
        if stored.tzinfo is None:
            return stored.replace(tzinfo=UTC)
        return stored.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="learner")
    display_name: Mapped[str] = mapped_column(String(64))
    native_language: Mapped[str] = mapped_column(String(8), default="es")
    cefr_level: Mapped[str] = mapped_column(String(2), default="B1")
    daily_goal: Mapped[int] = mapped_column(Integer, default=20)
    # IANA name; study days, streaks and due dates turn at the learner's midnight.
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    # Review scheduling: FSRS desired retention, daily limits, personal parameters once fitted.
    desired_retention: Mapped[float] = mapped_column(default=0.9)
    new_cards_per_day: Mapped[int] = mapped_column(Integer, default=20)
    reviews_per_day: Mapped[int] = mapped_column(Integer, default=200)
    fsrs_params_json: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column()
    # The teacher whose class roster created the account: they may issue it a new password on a card.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class WebSession(Base):
    """A browser log-in; the cookie holds a random id, only its hash is stored."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column()


class ApiToken(Base):
    """A bearer token for API clients (mobile apps); only its hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column()
    last_used_at: Mapped[datetime | None] = mapped_column()


class LoginFailure(Base):
    """Failed log-ins, counted per user name and client address for rate limiting."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_time", "key", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128))
    occurred_at: Mapped[datetime] = mapped_column()


class Story(Base):
    """One event as reported by one or more outlets; learners read stories, not single articles."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    base_article_id: Mapped[int | None] = mapped_column(Integer)
    published_at: Mapped[datetime | None] = mapped_column()
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    source_count: Mapped[int] = mapped_column(Integer, default=0)
    cefr_level: Mapped[str | None] = mapped_column(String(2))
    level_score: Mapped[float | None] = mapped_column()
    facts_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(index=True)
    # Set by a teacher or admin: hidden stories are not shown to learners; deleted ones to nobody but
    # staff (who may restore them). Rows stay, so learners' readings and saved words keep their story.
    hidden_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class StoryLink(Base):
    """Two stories about the same topic but different events ("related stories")."""

    __tablename__ = "story_links"

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    related_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    similarity: Mapped[float] = mapped_column()


class Article(Base):
    """One outlet's report, cleaned; the raw input is never shown to learners."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("content_hash"), UniqueConstraint("canonical_url"))

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    outlet: Mapped[str] = mapped_column(String(120))
    author: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    canonical_url: Mapped[str | None] = mapped_column(String(2000))
    source_kind: Mapped[str] = mapped_column(String(16), default="text")
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    removed_json: Mapped[str] = mapped_column(Text, default="[]")
    word_count: Mapped[int] = mapped_column(Integer)
    cefr_level: Mapped[str | None] = mapped_column(String(2))
    level_score: Mapped[float | None] = mapped_column()
    analysis_version: Mapped[str | None] = mapped_column(String(120))
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Feed(Base):
    """An RSS/Atom feed polled by the job queue, with back-off when it fails."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    failure_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_polled_at: Mapped[datetime | None] = mapped_column()
    next_poll_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class FeedItem(Base):
    """Entries already seen in a feed, so a re-poll adds no duplicates."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "entry_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    entry_key: Mapped[str] = mapped_column(String(64))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="new")
    message: Mapped[str] = mapped_column(Text, default="")
    seen_at: Mapped[datetime] = mapped_column()


class StoryVersion(Base):
    """A story adapted to one CEFR level, with what made it and how it measured."""

    __tablename__ = "story_versions"
    __table_args__ = (UniqueConstraint("story_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(4))  # target level, or "orig" for the source text
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    measured_level: Mapped[str] = mapped_column(String(2))
    measured_score: Mapped[float] = mapped_column()
    hit_target: Mapped[bool] = mapped_column()
    details_json: Mapped[str] = mapped_column(Text, default="{}")  # profile, steps, glosses, changes
    highlights_json: Mapped[str] = mapped_column(Text, default="[]")
    model_versions_json: Mapped[str] = mapped_column(Text, default="{}")
    base_article_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column()
    # When the follow-up job stored the taps' prepared answers in reader_json (None until then).
    prepared_at: Mapped[datetime | None] = mapped_column(default=None)
    # The reader's tokens (sentences, lemmas, POS) and the lemma profile for coverage, parsed once.
    # Deferred: large, and only the reader and coverage need them (loaded on first access).
    reader_json: Mapped[str] = mapped_column(Text, default="", deferred=True)
    lemmas_json: Mapped[str] = mapped_column(Text, default="{}", deferred=True)


class SavedWord(Base):
    """A word a learner saved from a story, with the sentence and sense they met it in."""

    __tablename__ = "saved_words"
    __table_args__ = (
        UniqueConstraint("user_id", "lemma", "pos"),
        Index("ix_saved_words_user_time", "user_id", "created_at"),  # the book's size by day (0013)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lemma: Mapped[str] = mapped_column(String(100))
    pos: Mapped[str] = mapped_column(String(8))
    word: Mapped[str] = mapped_column(String(100))
    sentence: Mapped[str] = mapped_column(Text, default="")
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    synset_id: Mapped[str | None] = mapped_column(String(20))
    definition: Mapped[str] = mapped_column(Text, default="")
    translation: Mapped[str] = mapped_column(String(300), default="")
    cefr_level: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column()


class ReviewCard(Base):
    """One way of practising a saved word (meaning, form, cloze, listening) and its FSRS state."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("saved_word_id", "kind"),
        Index("ix_review_cards_user_due", "user_id", "due"),
        Index("ix_review_cards_user_reps", "user_id", "reps", "id"),  # new cards (reps 0) in saved order
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    saved_word_id: Mapped[int] = mapped_column(ForeignKey("saved_words.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column()
    difficulty: Mapped[float | None] = mapped_column()
    due: Mapped[datetime] = mapped_column()
    last_review: Mapped[datetime | None] = mapped_column()
    reps: Mapped[int] = mapped_column(Integer, default=0)


class ReviewLogEntry(Base):
    """Every rating, with the card's state before it (for undo) and the client's request id."""

    __tablename__ = "review_logs"
    __table_args__ = (
        # A request id counts once per card: the same id sent for another card is a new rating.
        UniqueConstraint("user_id", "card_id", "request_id", name="uq_review_logs_user_card_request"),
        Index("ix_review_logs_card", "card_id"),
        Index("ix_review_logs_user_time", "user_id", "reviewed_at"),  # today's counts for daily limits
        # Reviews and retention per day for progress, read from the index alone (0013).
        Index("ix_review_logs_user_time_outcome", "user_id", "reviewed_at", "was_new", "rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[int] = mapped_column(ForeignKey("review_cards.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column()
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    request_id: Mapped[str] = mapped_column(String(64))
    before_json: Mapped[str] = mapped_column(Text)
    was_new: Mapped[bool] = mapped_column(default=False)  # the card's first review (daily new-card limit)
    # Reviews made offline: the device that made them and its running number (None: made online).
    device_id: Mapped[str | None] = mapped_column(String(64))
    device_seq: Mapped[int | None] = mapped_column(BigInteger)


class UndoRequest(Base):
    """Undos already carried out, by the client's request id: a retried undo puts back nothing more."""

    __tablename__ = "undo_requests"
    __table_args__ = (UniqueConstraint("user_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    card_id: Mapped[int] = mapped_column(Integer)  # the card put back (it may be deleted later)
    created_at: Mapped[datetime] = mapped_column()


class WordStatus(Base):
    """How well a learner knows a lemma: 0 new, 1-4 learning, 5 known, 6 ignored (no row: not marked)."""

    __tablename__ = "word_statuses"
    __table_args__ = (UniqueConstraint("user_id", "lemma", "pos"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lemma: Mapped[str] = mapped_column(String(100))
    # Coarse part of speech (core/reading/word_keys.py); "" = the lemma in any part of speech.
    pos: Mapped[str] = mapped_column(String(8), default="", server_default="")
    status: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column()


class ReadingSession(Base):
    """One reading of a story version: active time, words, and when it was finished."""

    __tablename__ = "reading_sessions"
    __table_args__ = (Index("ix_reading_sessions_user_story", "user_id", "story_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(4))
    word_count: Mapped[int] = mapped_column(Integer)
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column()
    last_seen_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()


class WordEncounter(Base):
    """A saved word met again while reading another story (shown on the word's page, used for cloze)."""

    __tablename__ = "word_encounters"
    __table_args__ = (UniqueConstraint("saved_word_id", "story_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_word_id: Mapped[int] = mapped_column(ForeignKey("saved_words.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(4))
    form: Mapped[str] = mapped_column(String(100))  # the word as it was written there
    sentence: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column()


class JobRun(Base):
    """What a background job did: status and progress shown to admins."""

    __tablename__ = "job_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    worker: Mapped[str] = mapped_column(String(128), default="")
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()


class Quiz(Base):
    """A teacher's comprehension quiz on a story (generated, then edited, or written by hand)."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    model_versions_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()


class QuizQuestion(Base):
    __tablename__ = "quiz_questions"
    __table_args__ = (Index("ix_quiz_questions_quiz_position", "quiz_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    stem: Mapped[str] = mapped_column(Text)
    options_json: Mapped[str] = mapped_column(Text, default="[]")
    answer: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")
    levels_json: Mapped[str] = mapped_column(Text, default="[]")


class SchoolClass(Base):
    """A teacher's class; learners join with its code. Archived, never deleted."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    cefr_level: Mapped[str] = mapped_column(String(2))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    join_code_expires_at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column()
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class ClassMember(Base):
    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    locked_level: Mapped[str | None] = mapped_column(String(2))  # set by the teacher: read at this level
    joined_at: Mapped[datetime] = mapped_column()


class Assignment(Base):
    """A story (and optionally a quiz) given to a class, with the rule that picks each learner's level."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quizzes.id", ondelete="SET NULL"))
    level_rule: Mapped[str] = mapped_column(String(8))  # class, learner or fixed
    fixed_level: Mapped[str | None] = mapped_column(String(2))
    opens_at: Mapped[datetime] = mapped_column()
    due_at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column()


class AssignmentException(Base):
    """One learner's extension (a later due time) or excusal from an assignment."""

    __tablename__ = "assignment_exceptions"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    due_at: Mapped[datetime | None] = mapped_column()
    excused: Mapped[bool] = mapped_column(default=False)


class Submission(Base):
    """A learner's answers to an assignment's quiz, graded when submitted; one per learner."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(4))
    # Each answer with the question as it was then (questions may be edited later): stem, kind, key, mark.
    answers_json: Mapped[str] = mapped_column(Text, default="[]")
    score: Mapped[int] = mapped_column(Integer, default=0)
    max_score: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime] = mapped_column()


class LookupEvent(Base):
    """A learner looked up a word in a story (once per learner, story and lemma): pre-teaching lists."""

    __tablename__ = "lookup_events"
    __table_args__ = (
        UniqueConstraint("story_id", "lemma", "user_id"),
        Index("ix_lookup_events_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(4))
    lemma: Mapped[str] = mapped_column(String(100))
    looked_up_at: Mapped[datetime] = mapped_column()


class PlacementTest(Base):
    """A learner's placement test: its state between steps, then the result and their decision."""

    __tablename__ = "placement_tests"
    __table_args__ = (Index("ix_placement_tests_user_time", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(16))  # words, meanings, reading, done
    state_json: Mapped[str] = mapped_column(Text)
    level_before: Mapped[str] = mapped_column(String(2))
    level: Mapped[str | None] = mapped_column(String(2))  # the suggested level, once done
    vocabulary_size: Mapped[int | None] = mapped_column(Integer)
    result_json: Mapped[str] = mapped_column(Text, default="{}")
    decision: Mapped[str | None] = mapped_column(String(8))  # accepted or kept
    created_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    decided_at: Mapped[datetime | None] = mapped_column()


class ExerciseWord(Base):
    """A saved word whose exercises were made, by which generator version (no row: not made yet)."""

    __tablename__ = "exercise_words"

    saved_word_id: Mapped[int] = mapped_column(
        ForeignKey("saved_words.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    generator_version: Mapped[str] = mapped_column(String(32))
    item_count: Mapped[int] = mapped_column(Integer, default=0)  # 0: no usable sentence, nothing made
    made_at: Mapped[datetime] = mapped_column()


class ExerciseItemRow(Base):
    """One exercise item made from a learner's saved word and one of its sentences (core.exercises)."""

    __tablename__ = "exercise_items"
    __table_args__ = (
        UniqueConstraint("saved_word_id", "item_key"),
        Index("ix_exercise_items_user_word", "user_id", "saved_word_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    saved_word_id: Mapped[int] = mapped_column(ForeignKey("saved_words.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    item_key: Mapped[str] = mapped_column(String(32))  # content hash: the same item is stored once
    grammar_point: Mapped[str | None] = mapped_column(String(48))
    data_json: Mapped[str] = mapped_column(Text)  # ExerciseItem.as_json()
    created_at: Mapped[datetime] = mapped_column()


class ExerciseAnswer(Base):
    """An answer to an exercise item: an event, applied once per client request id."""

    __tablename__ = "exercise_answers"
    __table_args__ = (
        UniqueConstraint("user_id", "request_id", name="uq_exercise_answers_user_request"),
        Index("ix_exercise_answers_user_time", "user_id", "answered_at"),
        Index("ix_exercise_answers_item", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("exercise_items.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column()
    near_miss: Mapped[bool] = mapped_column(default=False)
    # The review card the answer was counted for (None: it fed no review; see services/practice.py).
    review_card_id: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column()
