"""What a device keeps for offline use: the review cards due in the coming days (with what each asks
and expects) and the stories the learner opened recently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services import reading
from vocabsphere.services.study import (
    MAX_QUEUE,
    DueCard,
    card_state,
    due_cards,
    rating_previews,
    typed_answer,
    user_parameters,
    word_view,
)
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

__all__ = ["MAX_DAYS", "OfflineBundle", "OfflineCard", "OfflineStory", "offline_bundle"]

MAX_DAYS = 14
MAX_UPCOMING = 500
MAX_STORIES = 8


@dataclass(frozen=True)
class OfflineCard:
    card: DueCard
    answer: str  # what a typed card expects ("" for meaning cards, which are not typed)


@dataclass(frozen=True)
class OfflineStory:
    story_id: int
    level: str
    title: str


@dataclass(frozen=True)
class OfflineBundle:
    generated_at: datetime
    until: datetime
    cards: tuple[OfflineCard, ...]  # today's queue first, then reviews in due order
    stories: tuple[OfflineStory, ...]  # most recently opened first


def offline_bundle(db: Database, *, user_id: int, now: datetime, days: int) -> OfflineBundle:
    if isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be between 1 and {MAX_DAYS}.", field="days")
    until = now + timedelta(days=days)
    today = due_cards(db, user_id=user_id, now=now, limit=MAX_QUEUE)
    cards = [*today, *_upcoming(db, user_id, now, until)]
    return OfflineBundle(now, until, tuple(_with_answer(c) for c in cards), _recent_stories(db, user_id))


def _with_answer(card: DueCard) -> OfflineCard:
    if card.kind == "meaning":
        return OfflineCard(card, "")
    return OfflineCard(card, typed_answer(card.kind, card.word.lemma, card.word.word, card.cloze_answer))


def _upcoming(db: Database, user_id: int, now: datetime, until: datetime) -> list[DueCard]:
    """Reviews falling due after now and up to ``until``; the intervals each rating would give are those
    of a review at the card's due time."""
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        rows = uow.study.reviews_due_between(user_id, now, until, limit=MAX_UPCOMING)
        cloze = [word.id for card, word, _ in rows if card.kind == "cloze"]
        met = uow.study.latest_encounters(cloze) if cloze else {}
        params = user_parameters(user)
        result = []
        for card, word, status in rows:
            previews = rating_previews(card_state(card), card.due, params, user.desired_retention)
            seen = met.get(word.id) if card.kind == "cloze" else None
            result.append(
                DueCard(
                    card.id,
                    card.kind,
                    card.due,
                    False,
                    word_view(word, status),
                    seen.sentence if seen else "",
                    seen.form if seen else "",
                    previews,
                )
            )
        return result


def _recent_stories(db: Database, user_id: int) -> tuple[OfflineStory, ...]:
    """The versions the learner opened last, one per story, leaving out stories now hidden or deleted."""
    wanted: dict[int, str] = {}
    for session in reading.recent_readings(db, user_id=user_id, limit=4 * MAX_STORIES):
        wanted.setdefault(session.story_id, session.level)
    with unit_of_work(db, read_only=True) as uow:
        titles = uow.stories.titles(set(wanted))
        kept = []
        for story_id, level in wanted.items():
            story = uow.stories.get(story_id)
            if story is not None and story.hidden_at is None and story.deleted_at is None:
                kept.append(OfflineStory(story_id, level, titles.get(story_id, "")))
        return tuple(kept[:MAX_STORIES])
