"""Reading on both databases: statuses, coverage, "next for you", mark the rest known, reading sessions,
and saved words met again in another story (which gives them a cloze card)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.articles import BRIDGE_A, GARDEN
from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services import accounts, reading, stories, study, versions
from vocabsphere.services import progress as progress_view
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def story(db: Database, settings: Settings, text: str) -> int:
    story_id = ingest(db, IngestSource(kind="text", text=text), now=T0, policy=FetchPolicy()).story_id
    versions.build_versions(db, settings, story_id, now=T0)
    return story_id


def test_reading_loop(database: Database, make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    bridge, garden = story(database, settings, BRIDGE_A), story(database, settings, GARDEN + GARDEN_FOLLOW_UP)
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    bob = accounts.create_user(database, username="bob", password="s3cret-pass", now=T0).id

    page = reading.reader_page(database, user_id=ana, learner_level="B1", story_id=bridge, level="B1")
    words = list(page.text.words())
    assert words and all(t.lemma == t.lemma.lower() for t in words)
    assert any(t.is_name for t in words)  # "Ruth Adeyemi" is a name, never counted as unknown
    before = page.coverage
    assert 0 < before.known_share < 1 and before.new_lemmas > 0

    # Save a word from the story that also occurs in the other story, in its sentence.
    bridge_lemmas = {t.lemma for t in words if not t.is_name}
    garden_text = reading.reader_text(database, garden, "B1")
    shared = sorted(bridge_lemmas & {t.lemma for t in garden_text.words() if len(t.lemma) > 3})
    assert shared, "the two stories share no content word"
    lemma = shared[0]
    token, sentence = next(
        (t, s.text) for p in page.text.paragraphs for s in p for t in s.tokens if t.lemma == lemma
    )
    saved = study.save_word(
        database,
        user_id=ana,
        word=study.WordToSave(
            lemma=lemma, pos=token.pos, word=token.text, sentence=sentence, story_id=bridge
        ),
        now=T0,
    )
    with pytest.raises(InvalidInput):  # a word and sentence that are not in the story
        study.save_word(
            database,
            user_id=ana,
            word=study.WordToSave(
                lemma="zebra", pos="NOUN", word="zebra", sentence="A zebra ran.", story_id=bridge
            ),
            now=T0,
        )

    # Mark the rest known: every unmarked word becomes known, the saved one stays in learning.
    before_marking = reading.reader_page(
        database, user_id=ana, learner_level="B1", story_id=bridge, level="B1"
    ).coverage
    changed = reading.mark_rest_known(database, user_id=ana, story_id=bridge, level="B1", now=T0)
    assert changed and lemma not in changed
    after = reading.reader_page(database, user_id=ana, learner_level="B1", story_id=bridge, level="B1")
    assert after.coverage.new_lemmas == 0 and after.statuses[lemma] == 1
    assert after.coverage.known_share > before.known_share
    assert reading.mark_rest_known(database, user_id=ana, story_id=bridge, level="B1", now=T0) == ()
    # Undo takes the marking back (only for the words it marked); then marking again gives the same words.
    assert reading.undo_mark_known(database, user_id=ana, lemmas=[*changed, lemma]) == len(changed)
    undone = reading.reader_page(database, user_id=ana, learner_level="B1", story_id=bridge, level="B1")
    assert undone.coverage == before_marking and undone.statuses[lemma] == 1
    assert reading.mark_rest_known(database, user_id=ana, story_id=bridge, level="B1", now=T0) == changed
    # A status set without saving is findable (the vocabulary book lists it); saved words are not repeated.
    other = next(x for x in sorted(bridge_lemmas) if x != lemma and len(x) > 3)
    reading.set_status(database, user_id=ana, lemma=other, status="learning-2", now=T0)
    reading.set_status(database, user_id=ana, lemma=lemma, status="learning-3", now=T0)
    marked = reading.marked_words(database, user_id=ana)
    assert [(m.lemma, m.status, m.meaning) for m in marked] == [(other, "learning-2", "I recognise it")]
    assert reading.marked_words(database, user_id=ana, query=other[1:3].upper()) == marked
    assert reading.marked_words(database, user_id=ana, query="zzzz") == []
    assert reading.marked_words(database, user_id=bob) == []
    # Bob's statuses are his own.
    assert reading.statuses_of(database, user_id=bob) == {}

    # Coverage per story and "next for you" skip what was finished.
    fits = reading.story_fits(database, user_id=ana, learner_level="B1", story_ids=[bridge, garden])
    assert fits[bridge].coverage.known_share > fits[garden].coverage.known_share
    session = reading.start_reading(database, user_id=ana, story_id=bridge, level="B1", now=T0)
    progress = reading.record_progress(
        database,
        user_id=ana,
        session_id=session.session_id,
        seconds=500,
        finished=False,
        now=T0 + timedelta(seconds=20),
    )
    assert progress.active_seconds == 21  # never more than the clock allows
    done = reading.record_progress(
        database,
        user_id=ana,
        session_id=session.session_id,
        seconds=40,
        finished=True,
        now=T0 + timedelta(minutes=1),
    )
    assert done.finished_at is not None and done.words_per_minute is not None
    again = reading.record_progress(
        database,
        user_id=ana,
        session_id=session.session_id,
        seconds=0,
        finished=True,
        now=T0 + timedelta(minutes=5),
    )
    assert again.finished_at == done.finished_at  # finishing is one event
    with pytest.raises(NotFound):
        reading.record_progress(
            database, user_id=bob, session_id=session.session_id, seconds=5, finished=True, now=T0
        )
    pick = reading.next_for_you(database, user_id=ana, learner_level="B1")
    assert pick is not None and pick.story_id == garden

    # Progress lists a story read twice once, finished (its latest reading, with the finish kept).
    second = reading.start_reading(
        database, user_id=ana, story_id=bridge, level="B1", now=T0 + timedelta(minutes=10)
    )
    reading.record_progress(
        database,
        user_id=ana,
        session_id=second.session_id,
        seconds=5,
        finished=False,
        now=T0 + timedelta(minutes=10, seconds=5),
    )
    rows = progress_view.progress(database, user_id=ana, now=T0 + timedelta(minutes=11)).readings
    assert [r.story_id for r in rows] == [bridge] and rows[0].finished_at == done.finished_at

    # Reading the other story meets the saved word again: recorded once, with a cloze card from it.
    met = reading.start_reading(
        database, user_id=ana, story_id=garden, level="B1", now=T0 + timedelta(hours=1)
    )
    assert met.met_again == (lemma,)
    assert reading.start_reading(database, user_id=ana, story_id=garden, level="B1", now=T0).met_again == ()
    detail = study.word_detail(database, user_id=ana, word_id=saved.id, now=T0)
    assert [e.story_id for e in detail.encounters] == [garden]
    assert "cloze" in {c.kind for c in detail.cards}

    with pytest.raises(InvalidInput):
        reading.set_status(database, user_id=ana, lemma="ferry", status="famous", now=T0)
    with pytest.raises(InvalidInput):
        reading.set_status(database, user_id=ana, lemma="   ", status="known", now=T0)
    with pytest.raises(NotFound):
        reading.reader_page(database, user_id=ana, learner_level="B1", story_id=9999, level="B1")


GARDEN_FOLLOW_UP = """

The garden began three years ago as a small project for one class. Pupils planted beans, carrots and
potatoes in old wooden boxes behind the sports hall, and a retired farmer came every Friday to show them
how to water the beds and keep the soil healthy.

Today the garden covers most of the school field. The children sell what they do not eat at a weekly
market, and the money pays for seeds, tools and a small greenhouse. Parents say their children now ask
for vegetables at home, and the head teacher hopes other schools in the region will copy the idea next
spring."""


def test_next_for_you_offers_real_articles_learners_may_see(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    """A too short page is never offered; hidden and deleted stories are not offered or listed, and a
    deleted story keeps the learners' saved words until it is restored."""
    settings = make_settings()
    short = story(database, settings, BRIDGE_A)
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    assert stories.get_story(database, short).summary.word_count < reading.NEXT_FOR_YOU_MIN_WORDS
    assert reading.next_for_you(database, user_id=ana, learner_level="B1") is None
    long = story(database, settings, GARDEN + GARDEN_FOLLOW_UP)
    assert stories.get_story(database, long).summary.word_count >= reading.NEXT_FOR_YOU_MIN_WORDS
    pick = reading.next_for_you(database, user_id=ana, learner_level="B1")
    assert pick is not None and pick.story_id == long
    token, sentence = next(
        (t, s.text)
        for p in reading.reader_text(database, long, "B1").paragraphs
        for s in p
        for t in s.tokens
        if t.is_word and not t.is_name and len(t.lemma) > 4
    )
    word = study.WordToSave(
        lemma=token.lemma, pos=token.pos, word=token.text, sentence=sentence, story_id=long
    )
    study.save_word(database, user_id=ana, word=word, now=T0)

    hidden = stories.change_visibility(database, story_id=long, action="hide", now=T0)
    assert hidden.hidden and not hidden.deleted
    assert reading.next_for_you(database, user_id=ana, learner_level="B1") is None
    assert [s.id for s in stories.list_stories(database)] == [short]
    assert {s.id for s in stories.list_stories(database, include_hidden=True)} == {short, long}
    with pytest.raises(NotFound):
        stories.get_story(database, long)
    assert stories.get_story(database, long, include_hidden=True).summary.hidden

    stories.change_visibility(database, story_id=long, action="restore", now=T0)
    assert reading.next_for_you(database, user_id=ana, learner_level="B1") is not None
    deleted = stories.change_visibility(database, story_id=long, action="delete", now=T0)
    assert deleted.deleted and [s.id for s in stories.deleted_stories(database)] == [long]
    assert {s.id for s in stories.list_stories(database, include_hidden=True)} == {short}
    assert reading.next_for_you(database, user_id=ana, learner_level="B1") is None
    kept = study.list_words(database, user_id=ana, where=study.WordFilter(), limit=10, offset=0)
    assert [(w.lemma, w.story_id) for w in kept] == [(token.lemma, long)]
    stories.change_visibility(database, story_id=long, action="restore", now=T0)
    assert stories.deleted_stories(database) == []
    assert {s.id for s in stories.list_stories(database)} == {short, long}
    with pytest.raises(InvalidInput):
        stories.change_visibility(database, story_id=long, action="publish", now=T0)
    with pytest.raises(NotFound):
        stories.change_visibility(database, story_id=999, action="hide", now=T0)
