"""Practice: exercises made from the learner's saved words and the sentences they met them in.

Items are made once per saved word (``prepare_words``: parsing and sense ranking take a tenth of a
second or more per sentence) and stored, in a job (``jobs.tasks.prepare_exercises``) queued when the
word is saved and, for words still waiting, when a session is asked for; a session
(``build_session``) only reads stored items, so it is quick. A word's sentences are the one it was
saved with, the sentences where the learner met it again (encounters), and sentences holding one
of its forms in the level versions of its own story and of stories the learner read recently. A
word with no usable sentence gets no item, only a mark that it was tried.

Answers are events (``answer_item``), applied once per client request id. How they feed the
forgetting curve:

- a cloze answer counts as a review of the word's cloze card, a word-form or word-family answer as
  a review of its form card (both ask for the word itself); part of speech, sentence patterns and
  collocations practise grammar and are stored and counted, but schedule nothing;
- only the first answer to an item counts, only when that card is due, and never when the card was
  already reviewed on the learner's study day (so practice never doubles a review);
- right is Good, right with a spelling slip is Hard, wrong is Again; the rating goes through
  ``study.rate_card`` with a request id derived from the answer's, so a retried answer rates once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from lemminflect import getAllInflections
from spacy.language import Language

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.exercises import ExerciseItem, ExerciseKind, exercises_for_text, grade_answer
from vocabsphere.core.exercises.model import PatternRef
from vocabsphere.core.exercises.patterns import SVO
from vocabsphere.core.exercises.questions import PAST_QUESTION, PRESENT_QUESTION
from vocabsphere.core.levels import GRAMMAR_POINTS
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.local_time import day_start
from vocabsphere.services import study
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ExerciseAnswer, ExerciseItemRow, ExerciseWord, SavedWord
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

__all__ = [
    "GENERATOR_VERSION",
    "AnswerResult",
    "GrammarChoice",
    "HistoryEntry",
    "PracticeItem",
    "PracticeSession",
    "answer_item",
    "build_session",
    "grammar_points",
    "history",
    "prepare_words",
    "sentences_holding",
]

GENERATOR_VERSION = "exercises-10"
SESSION_SIZE, SESSION_MAX = 15, 20
MAX_SENTENCES = 12  # sentences tried per word (in the job, not on the request path)
# Recent stories searched for a word's other sentences: 20 gives more words a sentence where a
# second or third kind can be made (bench_exercises: kinds per due word 1.70 -> 1.78 from 10).
READ_STORIES = 20
CANDIDATE_WORDS = 40  # due and recent words considered for a session
PREPARE_AT_ONCE = 6  # words made by one call of prepare_words unless told otherwise
_FEEDS = {ExerciseKind.CLOZE: "cloze", ExerciseKind.WORD_FORM: "form", ExerciseKind.WORD_FAMILY: "form"}
_RATING = {(True, False): 3, (True, True): 2, (False, False): 1, (False, True): 1}
_SENTENCE_END = re.compile(r"(?<=[.!?][\"”’)])\s+|(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class PracticeItem:
    id: int
    kind: str
    prompt: str
    gapped: str  # the sentence with its gap ("" for items without one)
    options: tuple[str, ...]  # choices, or phrases to order; () for typed answers
    word: str
    saved_word_id: int
    grammar_point: PatternRef | None


@dataclass(frozen=True)
class PracticeSession:
    items: tuple[PracticeItem, ...]
    waiting_word_ids: tuple[int, ...]  # words whose items are not made yet (queue them: a job makes them)

    @property
    def waiting_words(self) -> int:
        return len(self.waiting_word_ids)


@dataclass(frozen=True)
class AnswerResult:
    item_id: int
    correct: bool
    near_miss: bool
    message: str
    answer: str  # the key
    accepted: tuple[str, ...]
    explanation: str
    duplicate: bool  # the same request was already applied
    review_card_id: int | None  # the card this answer counted as a review of


@dataclass(frozen=True)
class HistoryEntry:
    item_id: int
    kind: str
    word: str
    given: str
    correct: bool
    answered_at: datetime


def _item_of(row: ExerciseItemRow) -> ExerciseItem:
    data = json.loads(row.data_json)
    point = data.get("grammar_point")
    return ExerciseItem(
        kind=ExerciseKind(data["kind"]),
        prompt=data["instruction"],
        answer=data["answer"],
        explanation=data["explanation"],
        source_sentence=data["source_sentence"],
        word=data["word"],
        options=tuple(data["options"]),
        accepted=tuple(data["accepted"]),
        grammar_point=PatternRef(point["id"], point["level"]) if point else None,
        gapped=data.get("gapped", ""),
        shortened_from=data.get("shortened_from", ""),
    )


def _row_of(item: ExerciseItem, word: SavedWord, now: datetime) -> ExerciseItemRow:
    data = item.as_json() | {"instruction": item.prompt}
    return ExerciseItemRow(
        user_id=word.user_id,
        saved_word_id=word.id,
        kind=item.kind.value,
        item_key=item.key,
        grammar_point=item.grammar_point.id if item.grammar_point else None,
        data_json=json.dumps(data, ensure_ascii=False),
        created_at=now,
    )


def _view(row: ExerciseItemRow) -> PracticeItem:
    item = _item_of(row)
    return PracticeItem(
        row.id,
        row.kind,
        item.prompt,
        item.gapped,
        item.options,
        item.word,
        row.saved_word_id,
        item.grammar_point,
    )


def _forms(lemma: str) -> set[str]:
    return {f.lower() for forms in getAllInflections(lemma).values() for f in forms} | {lemma.lower()}


def _holding(text: str, forms: set[str]) -> list[str]:
    found = []
    for sentence in _SENTENCE_END.split(text):
        words = set(re.findall(r"[A-Za-z]+", sentence.lower()))
        if words & forms:
            found.append(sentence.strip())
    return found


def sentences_holding(text: str, lemma: str) -> list[str]:
    """The sentences of a story text holding a form of ``lemma``, as a word's other sentences are
    found (the synthetic learner of the benches gathers them the same way)."""
    return _holding(text, _forms(lemma))


def word_sentences(uow: UnitOfWork, word: SavedWord) -> list[str]:
    """The saved sentence first, then encounters, then story versions holding a form of the word."""
    found = [word.sentence] if word.sentence else []
    found += [e.sentence for e in uow.reading.encounters(word.id)]
    stories = ([word.story_id] if word.story_id else []) + uow.practice.read_story_ids(
        word.user_id, limit=READ_STORIES
    )
    forms = _forms(word.lemma)
    for story_id in dict.fromkeys(stories):
        if len(dict.fromkeys(s for s in found if s)) >= MAX_SENTENCES:
            break  # enough: the stories left are not read at all (the window is wide)
        for version in uow.versions.for_story(story_id):
            found += _holding(version.text, forms)
            if len(dict.fromkeys(s for s in found if s)) >= MAX_SENTENCES:
                break
    return list(dict.fromkeys(s for s in found if s))[:MAX_SENTENCES]


def prepare_words(
    db: Database,
    *,
    user_id: int,
    lexicon: Lexicon,
    nlp: Language,
    now: datetime,
    word_ids: Collection[int] | None = None,
    limit: int = PREPARE_AT_ONCE,
) -> int:
    """Make and store the items of up to ``limit`` of the learner's words that have none yet
    (``word_ids``: only among these; by default the due and recent words). Returns how many
    words were made."""
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        level = user.cefr_level
        ids = list(word_ids) if word_ids is not None else candidate_words(uow, user_id, now)
        words = [w for w in (uow.study.word(i) for i in ids) if w is not None and w.user_id == user_id]
        made = uow.practice.made([w.id for w in words])
        todo = [(w.id, word_sentences(uow, w), w.word, w.lemma) for w in words if w.id not in made][:limit]
    for word_id, sentences, written, lemma in todo:
        items: dict[str, ExerciseItem] = {}
        for number, sentence in enumerate(sentences):
            # The saved sentence holds the word as written; the others hold some form of its lemma.
            for item in exercises_for_text(lexicon, nlp, sentence, written if number == 0 else lemma, level):
                items.setdefault(item.key, item)
        _store(db, word_id, list(items.values()), now)
    return len(todo)


def _store(db: Database, word_id: int, items: list[ExerciseItem], now: datetime) -> None:
    with unit_of_work(db) as uow:
        word = uow.study.word(word_id)
        if word is None or uow.practice.made([word_id]):
            return  # deleted meanwhile, or made by a concurrent request
        for item in items:
            uow.practice.add(_row_of(item, word, now))
        uow.practice.add(
            ExerciseWord(
                saved_word_id=word_id,
                user_id=word.user_id,
                generator_version=GENERATOR_VERSION,
                item_count=len(items),
                made_at=now,
            )
        )


@dataclass(frozen=True)
class GrammarChoice:
    id: str
    name: str
    level: str


# Sentence patterns the exercises practise that are not grammar points of the catalogue: (name, level).
_PATTERNS = {
    SVO.id: ("Subject, verb, object", SVO.level),
    PRESENT_QUESTION.id: ("Yes/no questions with do/does", PRESENT_QUESTION.level),
    PAST_QUESTION.id: ("Yes/no questions with did", PAST_QUESTION.level),
}


def grammar_points(db: Database, *, user_id: int) -> list[GrammarChoice]:
    """The grammar points the learner's exercises practise, easiest first (for picking one)."""
    with unit_of_work(db, read_only=True) as uow:
        ids = uow.practice.grammar_points(user_id)
    found = []
    for point_id in ids:
        point = GRAMMAR_POINTS.get(point_id)
        if point is not None:
            found.append(GrammarChoice(point.id, point.name, point.level))
        elif point_id in _PATTERNS:
            found.append(GrammarChoice(point_id, *_PATTERNS[point_id]))
    return sorted(found, key=lambda c: (c.level, c.name))


def candidate_words(uow: UnitOfWork, user_id: int, now: datetime) -> list[int]:
    """Due words first (lowest predicted recall first), then the most recently saved."""
    due = [word.id for _, word, _ in uow.study.due_reviews(user_id, now, limit=CANDIDATE_WORDS)]
    recent = [w.id for w in uow.practice.recent_words(user_id, limit=CANDIDATE_WORDS)]
    return list(dict.fromkeys([*due, *recent]))[:CANDIDATE_WORDS]


def build_session(
    db: Database,
    *,
    user_id: int,
    now: datetime,
    size: int = SESSION_SIZE,
    kinds: Collection[ExerciseKind] | None = None,
    grammar_point: str | None = None,
) -> PracticeSession:
    """Up to ``size`` items (10-20) mixing kinds, from due and recently saved words, leaving out
    items already answered right today. Only stored items are picked: words whose items are not
    made yet are returned as waiting, for the caller to queue (nothing is parsed here)."""
    if not 1 <= size <= SESSION_MAX:
        raise InvalidInput(f"A session has 1 to {SESSION_MAX} items.", field="size")
    if grammar_point is not None and not 0 < len(grammar_point) <= 48:
        raise InvalidInput("Unknown grammar point.", field="grammar_point")
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        words = candidate_words(uow, user_id, now)
        made = uow.practice.made(words)
        done = uow.practice.answered_since(user_id, day_start(now, user.time_zone))
        rows = [
            r
            for r in uow.practice.items_of_words(user_id, words)
            if not done.get(r.id)
            and (kinds is None or r.kind in {k.value for k in kinds})
            and (grammar_point is None or r.grammar_point == grammar_point)
        ]
        picked = _mix(rows, words, size)
        return PracticeSession(tuple(_view(r) for r in picked), tuple(w for w in words if w not in made))


def _mix(rows: list[ExerciseItemRow], words: list[int], size: int) -> list[ExerciseItemRow]:
    """Round robin over the words in order (due first), each turn a kind unlike the last one picked
    and not yet used for that word, the kind the session has had least of first (a few words with
    many items each still meet the rarer kinds, cloze and collocations): many words give one item
    each, few words several."""
    by_word: dict[int, list[ExerciseItemRow]] = {}
    for item in rows:
        by_word.setdefault(item.saved_word_id, []).append(item)
    picked: list[ExerciseItemRow] = []
    for _ in range(len(ExerciseKind)):
        for word in words:
            pool = by_word.get(word, [])
            if not pool or len(picked) >= size:
                continue
            last = picked[-1].kind if picked else ""
            used = {r.kind for r in picked if r.saved_word_id == word}
            had = Counter(r.kind for r in picked)
            fresh = sorted((r for r in pool if r.kind not in used), key=lambda r: had[r.kind])
            choice = next((r for r in fresh if r.kind != last), fresh[0] if fresh else None)
            if choice is not None:
                pool.remove(choice)
                picked.append(choice)
    return picked


def _request_key(request_id: str) -> str:
    """The review request id of a practice answer: stable, distinct from the app's own ids."""
    return "practice:" + hashlib.sha256(request_id.encode("utf-8")).hexdigest()[:40]


def answer_item(
    db: Database, *, user_id: int, item_id: int, answer: str, request_id: str, now: datetime
) -> AnswerResult:
    """Grade and store an answer once per request id; see the module notes for the schedule."""
    if not request_id or len(request_id) > 64:
        raise InvalidInput("Each answer needs a request id of 1 to 64 characters.", field="request_id")
    with unit_of_work(db) as uow:
        uow.users.get(user_id, for_update=True)  # one answer of a learner at a time: request ids stay unique
        row = uow.practice.item(item_id)
        if row is None or row.user_id != user_id:
            raise NotFound("No such exercise.")  # someone else's item looks exactly like a missing one
        item = _item_of(row)
        earlier = uow.practice.answer_by_request(user_id, request_id)
        if earlier is not None:
            if earlier.item_id != item_id:
                raise InvalidInput("This request id was used for another exercise.", field="request_id")
            grade = grade_answer(item, earlier.answer)
            feed = earlier.review_card_id
            duplicate = True
        else:
            grade = grade_answer(item, answer)  # empty or too long: InvalidInput, nothing stored
            feed = _card_to_feed(uow, row, item, user_id, now)
            uow.practice.add(
                ExerciseAnswer(
                    user_id=user_id,
                    item_id=item_id,
                    request_id=request_id,
                    answer=answer.strip(),
                    correct=grade.correct,
                    near_miss=grade.near_miss,
                    review_card_id=feed,
                    answered_at=now,
                )
            )
            duplicate = False
    if feed is not None:
        # Idempotent by its request id: a retried answer (or one that failed here) rates once.
        study.rate_card(
            db,
            user_id=user_id,
            card_id=feed,
            rating=_RATING[(grade.correct, grade.near_miss)],
            request_id=_request_key(request_id),
            now=now,
        )
    return AnswerResult(
        item_id,
        grade.correct,
        grade.near_miss,
        grade.message,
        item.answer,
        item.accepted or (item.answer,),
        item.explanation,
        duplicate,
        feed,
    )


def _card_to_feed(
    uow: UnitOfWork, row: ExerciseItemRow, item: ExerciseItem, user_id: int, now: datetime
) -> int | None:
    kind = _FEEDS.get(item.kind)
    if kind is None or uow.practice.answered_before(row.id):
        return None
    card = uow.study.card_of_kind(row.saved_word_id, kind)
    user = uow.users.get(user_id)
    if card is None or user is None or card.due > now:
        return None
    if card.last_review is not None and card.last_review >= day_start(now, user.time_zone):
        return None  # reviewed today already: practice does not count twice
    return card.id


def history(db: Database, *, user_id: int, limit: int = 50, offset: int = 0) -> list[HistoryEntry]:
    if not 1 <= limit <= 200 or offset < 0:
        raise InvalidInput("limit is 1 to 200 and offset at least 0.", field="limit")
    with unit_of_work(db, read_only=True) as uow:
        return [
            HistoryEntry(a.item_id, row.kind, _item_of(row).word, a.answer, a.correct, a.answered_at)
            for a, row in uow.practice.history(user_id, limit=limit, offset=offset)
        ]


@dataclass(frozen=True)
class OfflineItem:
    item: PracticeItem
    answer: str
    accepted: tuple[str, ...]
    explanation: str


def offline_items(db: Database, *, user_id: int, now: datetime) -> tuple[OfflineItem, ...]:
    """A session's worth of items with their keys, for a device to practise offline (it grades only
    exact matches there; the server grades every answer again when it syncs)."""
    session = build_session(db, user_id=user_id, now=now, size=SESSION_MAX)
    with unit_of_work(db, read_only=True) as uow:
        rows = [uow.practice.item(i.id) for i in session.items]
        keys = [_item_of(r) for r in rows if r is not None]
    return tuple(
        OfflineItem(view, key.answer, key.accepted or (key.answer,), key.explanation)
        for view, key in zip(session.items, keys, strict=True)
    )
