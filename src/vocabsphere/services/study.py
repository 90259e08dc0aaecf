"""The vocabulary book and reviews: save a word with its context, review it on the forgetting curve."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.local_time import day_start
from vocabsphere.core.reading import (
    WordStatus,
    fold_text,
    lookup_key,
    normalise_lemma,
    status_from_stability,
    word_key,
)
from vocabsphere.core.srs import (
    AnswerCheck,
    CardState,
    QueueCard,
    SavedWordFacts,
    build_queue,
    card_kinds_for,
    check_typed_answer,
    forgetting_curve,
    review,
)
from vocabsphere.services.card_replay import recompute_card, state_record
from vocabsphere.services.fsrs_fitting import parse_parameters
from vocabsphere.store.database import Database
from vocabsphere.store.study_repo import WordFilter
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord, User
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

MAX_QUEUE = 200
# New cards are fetched beyond the day's room so that siblings can be skipped.
_NEW_CANDIDATES = 800
TYPED_KINDS = frozenset({"form", "cloze", "listening"})

__all__ = [
    "MAX_QUEUE",
    "DueCard",
    "RatingResult",
    "SavedWordView",
    "WordDetail",
    "WordFilter",
    "WordToSave",
    "check_answer",
    "delete_word",
    "due_cards",
    "due_count",
    "list_words",
    "rate_card",
    "save_word",
    "undo_last_rating",
    "word_detail",
]


@dataclass(frozen=True)
class WordToSave:
    lemma: str
    pos: str
    word: str
    sentence: str = ""
    story_id: int | None = None
    synset_id: str | None = None
    definition: str = ""
    translation: str = ""
    cefr_level: str | None = None


@dataclass(frozen=True)
class SavedWordView:
    id: int
    lemma: str
    pos: str
    word: str
    sentence: str
    story_id: int | None
    definition: str
    translation: str
    cefr_level: str | None
    created_at: datetime
    status: str = WordStatus.LEARNING_1.label  # the learner's status of the lemma


@dataclass(frozen=True)
class DueCard:
    card_id: int
    kind: str
    due: datetime
    is_new: bool
    word: SavedWordView
    cloze_sentence: str = ""  # for cloze cards: a sentence met elsewhere, the word to type blanked out
    cloze_answer: str = ""
    due_if_rated: tuple[datetime, ...] = ()  # when the card comes back after Again, Hard, Good, Easy now


@dataclass(frozen=True)
class RatingResult:
    card_id: int
    rating: int
    next_due: datetime
    duplicate: bool  # the same request was already applied (double submit)


@dataclass(frozen=True)
class CardView:
    id: int
    kind: str
    due: datetime
    reps: int
    stability: float | None
    recall_curve: tuple[tuple[datetime, float], ...]


@dataclass(frozen=True)
class ReviewView:
    reviewed_at: datetime
    kind: str
    rating: int
    duration_ms: int | None


@dataclass(frozen=True)
class EncounterView:
    story_id: int
    story_title: str
    level: str
    form: str
    sentence: str
    seen_at: datetime


@dataclass(frozen=True)
class WordDetail:
    word: SavedWordView
    cards: tuple[CardView, ...]
    history: tuple[ReviewView, ...]
    encounters: tuple[EncounterView, ...] = field(default_factory=tuple)
    story_title: str | None = None  # of the story the word was saved from
    open_story_ids: frozenset[int] = frozenset()  # stories neither hidden nor deleted: safe to link


def _label(status: int | None) -> str:
    return WordStatus(status).label if status is not None else WordStatus.LEARNING_1.label


def word_view(row: SavedWord, status: int | None = None) -> SavedWordView:
    return SavedWordView(
        row.id,
        row.lemma,
        row.pos,
        row.word,
        row.sentence,
        row.story_id,
        row.definition,
        row.translation,
        row.cefr_level,
        row.created_at,
        _label(status),
    )


def card_state(card: ReviewCard) -> CardState:
    return CardState(
        card.id, card.state, card.step, card.stability, card.difficulty, card.due, card.last_review
    )


def user_parameters(user: User) -> tuple[float, ...] | None:
    # Unreadable or invalid personal parameters fall back to the defaults.
    return parse_parameters(user.fsrs_params_json)


def _check(word: WordToSave) -> WordToSave:
    lemma = normalise_lemma(word.lemma)
    if not lemma or len(lemma) > 100 or not any(ch.isalpha() for ch in lemma):
        raise InvalidInput("Save a word of 1 to 100 characters with at least one letter.", field="lemma")
    if word.cefr_level is not None and word.cefr_level not in CEFR_LEVELS:
        raise InvalidInput("Unknown CEFR level.", field="cefr_level")
    if len(word.sentence) > 2000:
        raise InvalidInput("The sentence may have at most 2,000 characters.", field="sentence")
    return WordToSave(
        lemma=lemma,
        pos=word.pos.upper()[:8] or "X",
        word=(word.word.strip() or lemma)[:100],
        sentence=" ".join(word.sentence.split()),
        story_id=word.story_id,
        synset_id=word.synset_id,
        definition=word.definition[:1000],
        translation=word.translation[:300],
        cefr_level=word.cefr_level,
    )


def _key(word: SavedWord) -> str:
    """The word key a saved word's status is kept under."""
    return word_key(word.lemma, word.pos)


def save_word(db: Database, *, user_id: int, word: WordToSave, now: datetime) -> SavedWordView:
    """Save once per lemma and part of speech; each practice kind the word allows gets a new card, and
    the lemma's status becomes "learning 1" unless the learner had already marked it."""
    clean = _check(word)
    with unit_of_work(db) as uow:
        if uow.study.find_word(user_id, clean.lemma, clean.pos) is not None:
            raise Conflict(f"'{clean.lemma}' is already in your vocabulary book.", field="lemma")
        if clean.story_id is not None and uow.stories.get(clean.story_id) is None:
            raise NotFound("No such story.")
        if clean.story_id is not None and clean.sentence and not _sentence_in_story(uow, clean):
            raise InvalidInput("That word and sentence are not in this story.", field="sentence")
        row = SavedWord(
            user_id=user_id,
            lemma=clean.lemma,
            pos=clean.pos,
            word=clean.word,
            sentence=clean.sentence,
            story_id=clean.story_id,
            synset_id=clean.synset_id,
            definition=clean.definition,
            translation=clean.translation,
            cefr_level=clean.cefr_level,
            created_at=now,
        )
        uow.study.add(row)
        facts = SavedWordFacts(
            clean.word, clean.sentence, clean.translation, clean.definition, has_audio=True
        )
        for kind in card_kinds_for(facts):
            if kind == "listening" and not (clean.translation or clean.definition):
                continue  # nothing to show after the answer
            uow.study.add(
                ReviewCard(user_id=user_id, saved_word_id=row.id, kind=kind, state=1, step=0, due=now, reps=0)
            )
        # The status goes under the saved word's own key (its part of speech), carried over from an
        # any-part-of-speech status the learner set before.
        key = word_key(clean.lemma, clean.pos)
        current = lookup_key(uow.reading.statuses(user_id, [key]), key)
        if current is None or current == WordStatus.NEW:
            current = WordStatus.LEARNING_1
        uow.reading.set_statuses(user_id, {key: current}, now)
        return word_view(row, current)


def _sentence_in_story(uow: UnitOfWork, word: WordToSave) -> bool:
    """The saved sentence and word must come from one of the story's texts (any level)."""
    if word.story_id is None:
        return True
    sentence = fold_text(word.sentence)
    for version in uow.versions.for_story(word.story_id):
        text = fold_text(version.text)
        if sentence in text:
            return fold_text(word.word) in sentence
    return any(sentence in fold_text(a.text) for a in uow.stories.articles(word.story_id)) and (
        fold_text(word.word) in sentence
    )


def list_words(
    db: Database,
    *,
    user_id: int,
    where: WordFilter | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SavedWordView]:
    with unit_of_work(db) as uow:
        rows = uow.study.filtered_words(user_id, where or WordFilter(), limit=limit, offset=offset)
        return [word_view(w, status) for w, status in rows]


def due_cards(db: Database, *, user_id: int, now: datetime, limit: int = 50) -> list[DueCard]:
    """Today's queue: due reviews (lowest predicted recall first) within the daily review limit, then new
    cards within the new-card limit, one card per word a day (its other kinds wait for later days), with
    the same word never twice in a row."""
    limit = max(1, min(limit, MAX_QUEUE))
    with unit_of_work(db, read_only=True) as uow:
        user, new_done, cards_today, review_room, new_room = _room_today(uow, user_id, now)
        due = uow.study.due_reviews(user_id, now, limit=min(limit, review_room)) if review_room else []
        statuses = {_key(word): status for _, word, status in due if status is not None}
        fresh: list[tuple[ReviewCard, SavedWord]] = []
        if new_room and len(due) < limit:
            # One card per word a day: skip words already reviewed today or in this queue.
            taken = uow.study.words_of_cards(cards_today) | {word.id for _, word, _ in due}
            options: dict[int, list[tuple[ReviewCard, SavedWord]]] = {}
            for card, word in uow.study.new_cards(user_id, now, limit=_NEW_CANDIDATES):
                if word.id not in taken:
                    options.setdefault(word.id, []).append((card, word))
            for cards in options.values():
                if len(fresh) >= min(new_room, limit) or len(fresh) + len(due) >= limit:
                    break
                fresh.append(_rotated_kind(cards, new_done + len(fresh)))
            statuses.update(uow.reading.statuses(user_id, {_key(w) for _, w in fresh}))
        by_card = {card.id: (card, word) for card, word in [*((c, w) for c, w, _ in due), *fresh]}
        queue = build_queue(
            [QueueCard(word.id, card.kind, card_state(card)) for card, word in by_card.values()],
            now,
            new_limit=len(fresh),
            review_limit=len(due),
            reviewed_today=0,
            new_today=0,
        )
        cloze_words = [w.id for c, w in by_card.values() if c.kind == "cloze"]
        encounters = uow.study.latest_encounters(cloze_words) if cloze_words else {}
        result = []
        params = user_parameters(user)
        for item in queue[:limit]:
            card, word = by_card[item.card_id]
            met = encounters.get(word.id) if card.kind == "cloze" else None
            previews = rating_previews(card_state(card), now, params, user.desired_retention)
            result.append(
                DueCard(
                    card.id,
                    card.kind,
                    card.due,
                    card.reps == 0,
                    word_view(word, statuses.get(_key(word))),
                    met.sentence if met else "",
                    met.form if met else "",
                    previews,
                )
            )
        return result


def _room_today(uow: UnitOfWork, user_id: int, now: datetime) -> tuple[User, int, list[int], int, int]:
    """The learner, new cards seen today, the cards reviewed today, and the room left under the daily
    review and new-card limits (the day turning at the learner's midnight)."""
    user = uow.users.get(user_id)
    if user is None:
        raise NotFound("No such user.")
    reviews_done, new_done, cards_today = uow.study.reviewed_since(user_id, day_start(now, user.time_zone))
    review_room = max(0, user.reviews_per_day - reviews_done)
    return user, new_done, cards_today, review_room, max(0, user.new_cards_per_day - new_done)


def due_count(db: Database, *, user_id: int, now: datetime) -> int:
    """How many cards today's queue would offer (the same daily limits and one card per word a day as
    `due_cards`), counted in the database instead of building the queue."""
    with unit_of_work(db, read_only=True) as uow:
        _, _, cards_today, review_room, new_room = _room_today(uow, user_id, now)
        due = uow.study.count_due_reviews(user_id, now, cap=min(MAX_QUEUE, review_room)) if review_room else 0
        fresh = (
            uow.study.count_new_words(user_id, now, reviewed_cards=cards_today, cap=min(MAX_QUEUE, new_room))
            if new_room
            else 0
        )
        return min(MAX_QUEUE, due + fresh)


def rating_previews(
    state: CardState, at: datetime, params: tuple[float, ...] | None, desired_retention: float
) -> tuple[datetime, ...]:
    """When the card comes back if rated Again, Hard, Good or Easy at ``at``."""
    return tuple(
        review(state, rating, at, params=params, desired_retention=desired_retention)[0].due
        for rating in (1, 2, 3, 4)
    )


# New words take turns at the card kinds, so a learner meets every kind on their first day (still one
# card per word a day); a word without the kind whose turn it is shows its first card.
NEW_KIND_ROTATION = ("meaning", "form", "listening", "cloze")


def _rotated_kind(cards: list[tuple[ReviewCard, SavedWord]], turn: int) -> tuple[ReviewCard, SavedWord]:
    wanted = NEW_KIND_ROTATION[turn % len(NEW_KIND_ROTATION)]
    return next((c for c in cards if c[0].kind == wanted), cards[0])


def next_due(db: Database, *, user_id: int, now: datetime) -> datetime | None:
    """When the next card falls due after ``now`` (None without cards)."""
    with unit_of_work(db) as uow:
        return uow.study.next_due(user_id, now)


def _owned_card(uow: UnitOfWork, user_id: int, card_id: int, *, for_update: bool = False) -> ReviewCard:
    card = uow.study.card(card_id, for_update=for_update)
    if card is None or card.user_id != user_id:
        raise NotFound("No such card.")  # someone else's card looks exactly like a missing one
    return card


def expected_answer(db: Database, *, user_id: int, card_id: int) -> str:
    return _expected(db, user_id, card_id)[0]


def _expected(db: Database, user_id: int, card_id: int) -> tuple[str, SavedWord, str]:
    """The answer a typed card expects, its word and the card's kind."""
    with unit_of_work(db) as uow:
        card = _owned_card(uow, user_id, card_id)
        word = uow.study.word(card.saved_word_id)
        assert word is not None  # cards are deleted with their word
        if card.kind not in TYPED_KINDS:
            raise InvalidInput("This card is not answered by typing.", field="answer")
        met = uow.study.latest_encounters([word.id]).get(word.id) if card.kind == "cloze" else None
        return typed_answer(card.kind, word.lemma, word.word, met.form if met else ""), word, card.kind


def typed_answer(kind: str, lemma: str, word: str, cloze_form: str = "") -> str:
    """What a typed card expects: the form met in the cloze sentence, the word heard, or the lemma."""
    if kind == "cloze" and cloze_form:
        return cloze_form
    return word if kind == "listening" else lemma


def _sense_synonyms(lexicon: Lexicon | None, word: SavedWord) -> tuple[str, ...]:
    """The other words of the sense the word was saved with (WordNet synset), single words only."""
    if lexicon is None or not word.synset_id:
        return ()
    senses = lexicon.entries(word.lemma, word.pos).senses
    sense = next((s for s in senses if s.synset_id == word.synset_id), None)
    return tuple(w for w in sense.synonyms if " " not in w) if sense else ()


def check_answer(
    db: Database, *, user_id: int, card_id: int, answer: str, lexicon: Lexicon | None = None
) -> tuple[AnswerCheck, str]:
    """Check a typed answer (case, one typo and another form of the word forgiven; on form cards, with
    ``lexicon``, a synonym of the saved sense is "also right"); returns the check and the expected answer."""
    if len(answer) > 200:
        raise InvalidInput("An answer has at most 200 characters.", field="answer")
    expected, word, kind = _expected(db, user_id, card_id)
    # Only the form card asks for "the English word" freely; a cloze or a word heard wants that word.
    synonyms = _sense_synonyms(lexicon, word) if kind == "form" else ()
    return check_typed_answer(expected, answer, lemma=word.lemma, synonyms=synonyms), expected


UNDO_IDS_KEPT = timedelta(days=1)


def rate_card(
    db: Database,
    *,
    user_id: int,
    card_id: int,
    rating: int,
    request_id: str,
    now: datetime,
    duration_ms: int | None = None,
) -> RatingResult:
    """Apply a rating once: the same request id again (a double submit) changes nothing."""
    if not request_id or len(request_id) > 64:
        raise InvalidInput("Each rating needs a request id of 1 to 64 characters.", field="request_id")
    with unit_of_work(db) as uow:
        # Ratings of one card are serialised: the card's row stays locked until this one is stored.
        card = _owned_card(uow, user_id, card_id, for_update=True)
        earlier = uow.study.log_by_request(user_id, card.id, request_id)
        if earlier is not None:
            return RatingResult(card.id, earlier.rating, card.due, duplicate=True)
        user = uow.users.get(user_id)
        assert user is not None  # the card belongs to them
        before = card_state(card)
        if before.last_review is not None and now < before.last_review:
            raise Conflict(
                "This card was rated a moment ago by another request (another tab or device?). "
                "Reload the reviews to go on.",
                field="card_id",
            )
        after, record = review(
            before,
            rating,
            now,
            params=user_parameters(user),
            desired_retention=user.desired_retention,
            duration_ms=duration_ms,
        )
        word = uow.study.word(card.saved_word_id)
        assert word is not None
        status = uow.reading.statuses(user_id, [_key(word)]).get(_key(word))
        uow.study.add(
            ReviewLogEntry(
                user_id=user_id,
                card_id=card.id,
                rating=record.rating,
                reviewed_at=now,
                duration_ms=duration_ms,
                request_id=request_id,
                before_json=json.dumps(state_record(before, card.reps) | {"word_status": status}),
                was_new=card.reps == 0,
            )
        )
        card.state, card.step, card.stability, card.difficulty = (
            after.state,
            after.step,
            after.stability,
            after.difficulty,
        )
        card.due, card.last_review, card.reps = after.due, after.last_review, card.reps + 1
        update_status_after_review(uow, user_id, _key(word), status, after.stability, now)
        return RatingResult(card.id, record.rating, after.due, duplicate=False)


def update_status_after_review(
    uow: UnitOfWork, user_id: int, key: str, status: int | None, stability: float | None, now: datetime
) -> None:
    """Reviews move a word (its status key, lemma and part of speech) through the learning stages; known
    and ignored are the learner's call."""
    if (status is None or 1 <= status <= 4) and stability is not None:
        uow.reading.set_statuses(user_id, {key: status_from_stability(stability)}, now)


def undo_last_rating(
    db: Database, *, user_id: int, request_id: str | None = None, now: datetime | None = None
) -> int:
    """Put the last rated card (and its word's status) back as it was and forget that rating.

    With a request id, the same id again (a double press, a retry) answers the same card and undoes
    nothing more; ids are remembered for a day.
    """
    if request_id is not None and not 0 < len(request_id) <= 64:
        raise InvalidInput("An undo's request id has 1 to 64 characters.", field="request_id")
    with unit_of_work(db) as uow:
        uow.users.get(user_id, for_update=True)  # one undo per learner at a time
        if request_id is not None:
            done = uow.study.undo_by_request(user_id, request_id)
            if done is not None:
                return done.card_id
        log = uow.study.last_log(user_id)
        if log is None:
            raise NotFound("There is no rating to undo.")
        if request_id is not None:
            uow.study.record_undo(user_id, request_id, log.card_id, now or datetime.now(UTC), UNDO_IDS_KEPT)
        card = uow.study.card(log.card_id)
        if card is None:
            raise NotFound("The card no longer exists.")
        before = json.loads(log.before_json)
        card.state, card.step, card.stability, card.difficulty = (
            before["state"],
            before["step"],
            before["stability"],
            before["difficulty"],
        )
        card.due = datetime.fromisoformat(before["due"])
        card.last_review = datetime.fromisoformat(before["last_review"]) if before["last_review"] else None
        card.reps = before["reps"]
        word = uow.study.word(card.saved_word_id)
        if word is not None and "word_status" in before:
            if before["word_status"] is None:
                uow.reading.clear_status(user_id, _key(word))
            else:
                uow.reading.set_statuses(user_id, {_key(word): int(before["word_status"])}, log.reviewed_at)
        uow.study.delete_log(log.id)
        # Reviews synced from a device may lie after this one in time: the card then follows its log.
        rest = uow.study.logs_of_card(card.id)
        if any((x.reviewed_at, x.request_id) > (log.reviewed_at, log.request_id) for x in rest):
            user = uow.users.get(user_id)
            assert user is not None
            recompute_card(card, rest, params=user_parameters(user), desired_retention=user.desired_retention)
        return card.id


def delete_word(db: Database, *, user_id: int, word_id: int) -> None:
    """Remove a word from the vocabulary book with its cards, review log and encounters (the lemma's
    status stays: deleting a word is not the same as forgetting it)."""
    with unit_of_work(db) as uow:
        word = uow.study.word(word_id)
        if word is None or word.user_id != user_id:
            raise NotFound("No such word in your vocabulary book.")
        uow.session.delete(word)


def word_detail(db: Database, *, user_id: int, word_id: int, now: datetime, days: int = 42) -> WordDetail:
    """A saved word with its cards' predicted recall over the coming ``days``, reviews and encounters."""
    with unit_of_work(db) as uow:
        word = uow.study.word(word_id)
        if word is None or word.user_id != user_id:
            raise NotFound("No such word in your vocabulary book.")
        user = uow.users.get(user_id)
        params = user_parameters(user) if user is not None else None
        status = uow.reading.statuses(user_id, [_key(word)]).get(_key(word))
        cards = []
        for card in uow.study.cards_of_word(word.id):
            curve: Sequence[tuple[datetime, float]] = ()
            if card.last_review is not None:
                curve = forgetting_curve(card_state(card), now, days, params=params)
            cards.append(CardView(card.id, card.kind, card.due, card.reps, card.stability, tuple(curve)))
        history = tuple(
            ReviewView(log.reviewed_at, kind, log.rating, log.duration_ms)
            for log, kind in uow.study.logs_for_word(word.id)
        )
        met = uow.reading.encounters(word.id)
        story_ids = {e.story_id for e in met}
        if word.story_id is not None:
            story_ids.add(word.story_id)
        titles = uow.stories.titles(story_ids)
        encounters = tuple(
            EncounterView(e.story_id, titles.get(e.story_id, ""), e.level, e.form, e.sentence, e.seen_at)
            for e in met
        )
        title = titles.get(word.story_id) if word.story_id is not None else None
        stories = [uow.stories.get(story_id) for story_id in story_ids]
        open_ids = frozenset(s.id for s in stories if s and s.hidden_at is None and s.deleted_at is None)
        return WordDetail(word_view(word, status), tuple(cards), history, encounters, title, open_ids)
