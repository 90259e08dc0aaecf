"""A learner's progress on both databases: words by status, reviews and streak in the learner's time zone,
due cards, readings and the day-by-day history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from vocabsphere.core.levels.grammar_points import GRAMMAR_POINTS
from vocabsphere.core.progress.streaks import study_streak
from vocabsphere.services import accounts, progress, reading, study
from vocabsphere.store.database import Database
from vocabsphere.store.progress_repo import ProgressRepository
from vocabsphere.store.tables import (
    ExerciseAnswer,
    ExerciseItemRow,
    LookupEvent,
    ReadingSession,
    SavedWord,
    Story,
)
from vocabsphere.store.unit_of_work import unit_of_work

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_streak_counts_consecutive_days_up_to_today_or_yesterday() -> None:
    today = date(2026, 11, 10)
    days = {today, today - timedelta(days=1), today - timedelta(days=2), today - timedelta(days=5)}
    assert progress.streak(days, today) == 3  # a two-day gap ends it, freeze or not
    assert progress.streak(days - {today}, today) == 2  # not yet reviewed today: still alive
    assert progress.streak({today - timedelta(days=3)}, today) == 0
    assert progress.streak(set(), today) == 0


def test_a_freeze_bridges_one_missed_day_a_week() -> None:
    today = date(2026, 11, 20)
    missed = {today - timedelta(days=3)}
    days = {today - timedelta(days=n) for n in range(12)} - missed
    run = study_streak(days, today)
    assert run.days == 11 and run.frozen == (today - timedelta(days=3),)
    # A second miss within the same week of streak is not forgiven.
    run = study_streak(days - {today - timedelta(days=6)}, today)
    assert run.days == 5 and run.frozen == (today - timedelta(days=3),)
    # A miss a week later is: one freeze per seven days walked.
    run = study_streak(days - {today - timedelta(days=10)}, today)
    assert run.days == 10 and len(run.frozen) == 2


def _save(database: Database, user_id: int, lemma: str, now: datetime) -> None:
    study.save_word(
        database,
        user_id=user_id,
        word=study.WordToSave(lemma=lemma, pos="NOUN", word=lemma, sentence=f"A {lemma}.", translation="x"),
        now=now,
    )


def test_progress_counts_what_the_learner_did(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    bob = accounts.create_user(database, username="bob", password="s3cret-pass", now=T0).id
    assert progress.progress(database, user_id=ana, now=T0).is_empty
    for lemma in ("harbour", "ferry"):
        _save(database, ana, lemma, T0 - timedelta(days=1))
    reading.set_statuses(database, user_id=ana, lemmas=["the", "bridge", "wind"], status="known", now=T0)
    yesterday = study.due_cards(database, user_id=ana, now=T0 - timedelta(days=1))[0]
    study.rate_card(
        database, user_id=ana, card_id=yesterday.card_id, rating=4, request_id="y", now=T0 - timedelta(days=1)
    )
    today = study.due_cards(database, user_id=ana, now=T0)[0]
    study.rate_card(database, user_id=ana, card_id=today.card_id, rating=3, request_id="t", now=T0)

    later = T0 + timedelta(minutes=1)
    view = progress.progress(database, user_id=ana, now=later)
    assert (view.saved_words, view.known_words, view.learning_words) == (2, 3, 2)
    assert view.reviews_today == 1 and view.review_streak_days == 2
    # The count is the queue the review page would build, without building it.
    assert view.due_now == len(study.due_cards(database, user_id=ana, now=later, limit=study.MAX_QUEUE)) >= 1
    assert not view.is_empty and not view.goal_met_today and view.daily_goal == 20
    assert progress.progress(database, user_id=bob, now=T0).is_empty  # nothing of Ana's leaks to Bob


def test_a_review_at_2330_utc_counts_for_the_next_day_in_madrid(database: Database) -> None:
    eva = accounts.create_user(
        database, username="eva", password="s3cret-pass", now=T0, time_zone="Europe/Madrid"
    ).id
    _save(database, eva, "harbour", T0)
    late = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)  # 00:30 on 6 December in Madrid
    card = study.due_cards(database, user_id=eva, now=late)[0]
    study.rate_card(database, user_id=eva, card_id=card.card_id, rating=3, request_id="late", now=late)

    view = progress.progress(database, user_id=eva, now=late + timedelta(hours=1))
    assert view.today == date(2026, 12, 6) and view.reviews_today == 1 and view.review_streak_days == 1
    days = {row.day: row for row in progress.history(database, user_id=eva, now=late, days=3).days}
    assert days[date(2026, 12, 6)].reviews == 1 and days[date(2026, 12, 5)].reviews == 0
    assert days[date(2026, 12, 6)].studied and not days[date(2026, 12, 5)].studied
    # At 22:30 UTC on 6 December it is 23:30 in Madrid: still the same study day, streak alive.
    same_day = progress.progress(database, user_id=eva, now=datetime(2026, 12, 6, 22, 30, tzinfo=UTC))
    assert same_day.reviews_today == 1 and same_day.today == date(2026, 12, 6)
    # Half an hour later Madrid has turned to 7 December: a new day, yesterday's review keeps the streak.
    next_day = progress.progress(database, user_id=eva, now=datetime(2026, 12, 6, 23, 5, tzinfo=UTC))
    assert next_day.reviews_today == 0 and next_day.review_streak_days == 1


def test_history_counts_days_across_a_daylight_saving_change(database: Database) -> None:
    # Madrid moved from UTC+2 to UTC+1 at 01:00 UTC on 25 October 2026.
    leo = accounts.create_user(
        database,
        username="leo",
        password="s3cret-pass",
        now=T0 - timedelta(days=60),
        time_zone="Europe/Madrid",
    ).id
    for n, lemma in enumerate(("ferry", "harbour", "bridge")):
        _save(database, leo, lemma, datetime(2026, 10, 20, tzinfo=UTC) + timedelta(minutes=n))
    before = datetime(2026, 10, 24, 22, 30, tzinfo=UTC)  # 00:30 on 25 October (UTC+2)
    after = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)  # 00:30 on 26 October (UTC+1)
    cards = study.due_cards(database, user_id=leo, now=before)
    study.rate_card(database, user_id=leo, card_id=cards[0].card_id, rating=3, request_id="a", now=before)
    cards = study.due_cards(database, user_id=leo, now=after)
    study.rate_card(database, user_id=leo, card_id=cards[0].card_id, rating=1, request_id="b", now=after)
    rows = progress.history(database, user_id=leo, now=datetime(2026, 10, 27, 12, tzinfo=UTC), days=10).days
    reviews = {row.day: row.reviews for row in rows if row.reviews}
    assert reviews == {date(2026, 10, 25): 1, date(2026, 10, 26): 1}
    assert [row.saved_words for row in rows][-1] == 3 and rows[-1].day == date(2026, 10, 27)


def test_recent_readings_are_one_row_per_story_latest_first(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    with unit_of_work(database) as uow:
        stories = [Story(title=t, created_at=T0, updated_at=T0) for t in ("Ferries", "Bees")]
        uow.session.add_all(stories)
        uow.session.flush()
        ferries, bees = (s.id for s in stories)

        def session(story: int, minutes: int, finished: bool, seconds: int = 120) -> ReadingSession:
            at = T0 + timedelta(minutes=minutes)
            return ReadingSession(
                user_id=ana,
                story_id=story,
                level="B1",
                word_count=300,
                active_seconds=seconds,
                started_at=at,
                last_seen_at=at,
                finished_at=at if finished else None,
            )

        uow.session.add_all(
            [session(ferries, 0, True), session(bees, 5, False), session(ferries, 10, False, 60)]
        )
    rows = progress.progress(database, user_id=ana, now=T0 + timedelta(hours=1)).readings
    assert [(r.title, r.minutes, r.finished_at is not None) for r in rows] == [
        ("Ferries", 1.0, True),  # its latest reading, marked finished because an earlier one was
        ("Bees", 2.0, False),
    ]
    assert progress.progress(database, user_id=ana, now=T0, recent=1).readings[0].title == "Ferries"


def test_a_streak_longer_than_a_month_is_found_through_the_freeze(database: Database) -> None:
    from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord

    tom = accounts.create_user(
        database,
        username="tom",
        password="s3cret-pass",
        now=T0 - timedelta(days=90),
        time_zone="America/New_York",
    ).id
    now = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 23:00 on 5 December in New York
    with unit_of_work(database) as uow:
        word = SavedWord(
            user_id=tom, lemma="ferry", pos="NOUN", word="ferry", created_at=T0 - timedelta(days=90)
        )
        uow.session.add(word)
        uow.session.flush()
        card = ReviewCard(user_id=tom, saved_word_id=word.id, kind="meaning", state=2, due=now, reps=1)
        uow.session.add(card)
        uow.session.flush()
        missed = {10, 45}  # days before 5 December (local) without a review
        for back in range(0, 50):
            if back in missed:
                continue
            # 22:30 local time each day: 03:30 UTC the next day.
            at = datetime(2026, 12, 6, 3, 30, tzinfo=UTC) - timedelta(days=back)
            uow.session.add(
                ReviewLogEntry(
                    user_id=tom,
                    card_id=card.id,
                    rating=3,
                    reviewed_at=at,
                    request_id=f"r{back}",
                    before_json="{}",
                )
            )
    view = progress.progress(database, user_id=tom, now=now)
    # 5 December back to 6 October (day 45 missed, day 46 studied: a second freeze, more than a week
    # after the first): 48 study days and two frozen days, then day 50 has no review.
    assert view.today == date(2026, 12, 5)
    assert view.review_streak_days == 48 and len(view.streak_frozen_days) == 2
    assert view.streak_frozen_days[0] == date(2026, 11, 25)


def test_the_level_evidence_counts_look_ups_in_stories_finished_at_the_level(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0, cefr_level="B1").id
    with unit_of_work(database) as uow:
        stories = [Story(title=t, created_at=T0, updated_at=T0) for t in ("Ferries", "Bees", "Owls")]
        uow.session.add_all(stories)
        uow.session.flush()
        ferries, bees, owls = (s.id for s in stories)
        uow.session.add_all(
            ReadingSession(
                user_id=ana, story_id=story, level=level, word_count=1000, active_seconds=400,
                started_at=T0, last_seen_at=T0, finished_at=T0 if finished else None,
            )
            for story, level, finished in ((ferries, "B1", True), (bees, "B1", True), (owls, "B1", False))
        )  # fmt: skip
        # Counted: look-ups at B1 in the two finished stories; not: another level, an unfinished story.
        looked = [(ferries, "B1", "tide"), (ferries, "B1", "hull"), (bees, "B1", "hive"), (bees, "A2", "bee")]
        uow.session.add_all(
            LookupEvent(user_id=ana, story_id=s, level=level, lemma=lemma, looked_up_at=T0)
            for s, level, lemma in [*looked, (owls, "B1", "owl")]
        )
    found = progress.level_suggestion(database, user_id=ana)
    assert found.suggested is None and not found.enough_evidence  # 2,000 words and no reviews
    with unit_of_work(database, read_only=True) as uow:
        repo = ProgressRepository(uow.session)
        assert repo.reading_at_level(ana, "B1") == (2000, 800, 0)
        assert repo.lookups_at_level(ana, "B1") == 3
        assert repo.practice_totals(ana) == (0, 0)


def test_practice_accuracy_is_grouped_by_kind_and_grammar_point(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    bob = accounts.create_user(database, username="bob", password="s3cret-pass", now=T0).id
    for user, lemma in ((ana, "harbour"), (bob, "ferry")):
        _save(database, user, lemma, T0)
    point = next(iter(GRAMMAR_POINTS.values()))
    with unit_of_work(database) as uow:
        words = {w.user_id: w.id for w in uow.session.scalars(select(SavedWord))}
        items = [
            ExerciseItemRow(user_id=user, saved_word_id=words[user], kind=kind, item_key=f"{user}{kind}",
                            grammar_point=gp, data_json="{}", created_at=T0)
            for user, kind, gp in ((ana, "cloze", None), (ana, "word_form", point.id), (bob, "cloze", None))
        ]  # fmt: skip
        uow.session.add_all(items)
        uow.session.flush()
        cloze, form, bobs = (i.id for i in items)
        uow.session.add_all(
            ExerciseAnswer(user_id=items[k].user_id, item_id=item, request_id=f"r{n}", answer="x",
                           correct=right, answered_at=T0)
            for n, (k, item, right) in enumerate(
                [(0, cloze, True), (0, cloze, True), (0, cloze, False), (1, form, False), (2, bobs, True)]
            )
        )  # fmt: skip
    found = progress.accuracy(database, user_id=ana)
    assert [(r.key, r.label, r.answers, r.right) for r in found.practice_by_kind] == [
        ("cloze", "Cloze", 3, 2),
        ("word_form", "Word form", 1, 0),
    ]
    assert [(r.key, r.label, r.level, r.answers, r.right) for r in found.practice_by_point] == [
        (point.id, point.name, point.level, 1, 0)
    ]
    assert not found.quiz_by_kind and not found.is_empty
    assert [(r.answers, r.right) for r in progress.accuracy(database, user_id=bob).practice_by_kind] == [
        (1, 1)
    ]
