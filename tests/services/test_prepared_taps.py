"""What a tap would compute slowly is prepared when the versions are built: the same answers, read
instead of computed, and computed as before when the stored ones are missing or from other code."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from vocabsphere.config import Settings
from vocabsphere.core.lexicon import Lexicon, context, sense_ranking
from vocabsphere.core.lexicon.context import WordLookup
from vocabsphere.core.lexicon.prepared import prepared_fingerprint, tap_simpler
from vocabsphere.core.lexicon.sense_choice import SenseChoice, TokenReading, choose_sense, resolve_token
from vocabsphere.core.lexicon.sense_embedding import OFF_SWITCH
from vocabsphere.core.lexicon.substitute_ranking import MAX_SENSES as RANKER_SENSES
from vocabsphere.core.lexicon.substitutes import Substitute
from vocabsphere.core.lexicon.tap_choice import (
    TAP_SENSES,
    StoredChoice,
    StoredChoices,
    choices_from_json,
    choices_to_json,
    expression_choice,
    rebuild_choices,
)
from vocabsphere.core.reading.tokens import ReaderText, sentence_doc
from vocabsphere.services import dictionary, reading, versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

# Unlike other tests' times: the reader's parse is cached per process by (version row, build time).
T0 = datetime(2026, 11, 2, 9, 0, 41, 271828, tzinfo=UTC)
# Invented; "instructors" gets a simpler word in the popover ("teachers"); "run", "up", "carry" and
# "become" have many senses, and "take part" is an expression of the dictionary.
STORY = (
    "The instructors work at a school in the city. Every morning the instructors help young pupils "
    "with their reading and writing.\n\n"
    "The school also employs two physicians who check the children once a month. Parents say the "
    "instructors are patient and kind, and the children enjoy their lessons.\n\n"
    "Every spring the pupils take part in a long race. They run up a steep hill while the "
    "instructors carry bottles of water, and the race has become a custom of the town."
)


@pytest.fixture(scope="module")
def lexicon_file() -> Path:
    path = os.environ.get("VOCABSPHERE_LEXICON")
    if not path or not Path(path).is_file():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon")
    return Path(path)


@pytest.fixture
def built(
    tmp_path: Path,
    make_settings: Callable[..., Settings],
    lexicon_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Settings, Database, int]]:
    # The default install's behaviour: with the `senses` extra nothing is prepared (see should_prepare).
    monkeypatch.setenv(OFF_SWITCH, "off")
    settings = make_settings(lexicon_path=lexicon_file)
    db = Database.connect(f"sqlite:///{tmp_path / 'prepared.sqlite3'}")
    upgrade_database(db.engine)
    story_id = ingest(db, IngestSource(kind="text", text=STORY), now=T0, policy=FetchPolicy()).story_id
    versions.build_versions(db, settings, story_id, now=T0)
    yield settings, db, story_id
    db.dispose()


def test_prepared_simpler_words_equal_what_a_tap_computes(built: tuple[Settings, Database, int]) -> None:
    settings, db, story_id = built
    lexicon = dictionary.require_lexicon(settings)
    vocab = dictionary.vocabulary()
    prepared = shown = 0
    for version in versions.list_versions(db, story_id):
        text = reading.reader_text(db, story_id, version.level)
        assert text.prepared is not None and text.prepared.fingerprint == prepared_fingerprint(lexicon)
        sentences = list(text.sentences())
        for (i, j), stored in text.prepared.simpler.items():
            doc = sentence_doc(vocab, sentences[i])
            assert doc is not None and sentences[i].tokens[j].is_word
            fresh = tap_simpler(lexicon, doc, j, choose_sense(lexicon, doc, j))
            assert stored == fresh, (version.level, sentences[i].tokens[j])
            prepared, shown = prepared + 1, shown + bool(fresh)
    # Words above A2 are prepared, and some have simpler words, so the comparison says something.
    assert prepared and shown


def test_a_tap_reads_the_prepared_answer_and_computes_without_one(
    built: tuple[Settings, Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, db, story_id = built
    text = reading.reader_text(db, story_id, "orig")
    assert text.prepared is not None
    (s, t), words = next((key, w) for key, w in text.prepared.simpler.items() if w)
    computed: list[int] = []

    def spy(lexicon: Lexicon, doc: Doc, index: int, choice: SenseChoice) -> tuple[Substitute, ...]:
        computed.append(index)
        return tap_simpler(lexicon, doc, index, choice)

    monkeypatch.setattr(context, "tap_simpler", spy)

    def tap() -> WordLookup:
        return dictionary.look_up_in_version(
            settings, db, story_id=story_id, level="orig", sentence=s, token=t, lang="de"
        )

    assert tap().simpler == words and not computed
    # A word the build left out (one that no substitution takes) is computed by its tap.
    easy = next(
        (i, j)
        for i, sentence in enumerate(text.sentences())
        for j, token in enumerate(sentence.tokens)
        if token.is_word and (i, j) not in text.prepared.simpler
    )
    dictionary.look_up_in_version(
        settings, db, story_id=story_id, level="orig", sentence=easy[0], token=easy[1], lang="de"
    )
    assert computed == [easy[1]]
    # Answers prepared by other code or another lexicon are not trusted: the tap computes them.
    monkeypatch.setattr(dictionary, "prepared_fingerprint", lambda _lexicon: "other code")
    assert tap().simpler == words and computed == [easy[1], t]


def test_reader_text_keeps_prepared_answers_through_its_json() -> None:
    from vocabsphere.core.reading.tokens import PreparedWords, ReaderSentence, ReaderToken, TokenParse

    sentence = ReaderSentence(
        (
            ReaderToken("Instructors", True, "instructor", "NOUN"),
            ReaderToken("teach", False, "teach", "VERB"),
        ),
        (TokenParse("NOUN", "NNS", "nsubj", 1), TokenParse("VERB", "VBP", "ROOT", 1)),
    )
    words = (Substitute("teacher", "Teachers", "A1", 4.88),)
    text = ReaderText(((sentence,),), {"teach": "A1"}, PreparedWords("abc", {(0, 0): words}))
    again = ReaderText.from_json(text.to_json())
    assert again == text and again is not None and again.prepared is not None
    assert again.prepared.simpler[0, 0] == words
    # A version stored before (no prepared answers) reads as before: the tap computes.
    bare = ReaderText.from_json(ReaderText(((sentence,),), {}).to_json())
    assert bare is not None and bare.prepared is None


def _words(text: ReaderText) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, sentence in enumerate(text.sentences())
        for j, token in enumerate(sentence.tokens)
        if token.is_word
    ]


def test_every_word_has_its_sense_choices_stored_and_they_are_the_taps_own(
    built: tuple[Settings, Database, int],
) -> None:
    settings, db, story_id = built
    lexicon = dictionary.require_lexicon(settings)
    vocab = dictionary.vocabulary()
    expressions = 0
    for version in versions.list_versions(db, story_id):
        text = reading.reader_text(db, story_id, version.level)
        assert text.prepared is not None
        assert set(text.prepared.choices) == set(_words(text)), version.level
        sentences = list(text.sentences())
        for (i, j), stored in text.prepared.choices.items():
            doc = sentence_doc(vocab, sentences[i])
            assert doc is not None
            found = rebuild_choices(lexicon, doc, j, stored)
            assert found is not None
            fresh = choose_sense(lexicon, doc, j)
            assert found.choice.senses == fresh.senses[:TAP_SENSES], (version.level, doc[j].text)
            assert found.choice.probability == fresh.probability and found.choice.lemma == fresh.lemma
            assert found.reading == resolve_token(lexicon, doc[j])
            around = expression_choice(lexicon, doc, j)
            assert (found.expression is None) == (around is None)
            if found.expression is not None and around is not None:
                assert found.expression[0] == around[0]
                assert found.expression[1].senses == around[1].senses[:TAP_SENSES]
                expressions += 1
    assert expressions  # "take part": the expression's own choice was stored and compared


def test_stored_choices_give_the_same_look_up_as_computing_them(
    built: tuple[Settings, Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, db, story_id = built
    text = reading.reader_text(db, story_id, "orig")

    def taps() -> list[dict[str, Any]]:
        return [
            dictionary.lookup_as_dict(
                dictionary.look_up_in_version(
                    settings, db, story_id=story_id, level="orig", sentence=i, token=j, lang="de"
                )
            )
            for i, j in _words(text)
        ]

    read = taps()
    monkeypatch.setattr(dictionary, "prepared_fingerprint", lambda _lexicon: "other code")
    assert read == taps()
    assert any(tap["expression"] for tap in read) and any(len(tap["senses"]) > 5 for tap in read)


def test_a_tap_with_stored_choices_ranks_no_senses_and_a_stale_one_does(
    built: tuple[Settings, Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, db, story_id = built
    text = reading.reader_text(db, story_id, "orig")
    ranked: list[str] = []
    rank = sense_ranking.rank_in_lexicon

    def spy(lexicon: Lexicon, senses: object, *args: object, **kwargs: object) -> object:
        ranked.append(str(args[1]))  # the lemma
        return rank(lexicon, senses, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sense_ranking, "rank_in_lexicon", spy)
    sentences = list(text.sentences())
    wanted = {"run", "up", "carry", "become", "take"}
    taps = [(i, j) for i, j in _words(text) if sentences[i].tokens[j].text.lower() in wanted]
    assert len(taps) == len(wanted)

    def tap(i: int, j: int) -> WordLookup:
        return dictionary.look_up_in_version(
            settings, db, story_id=story_id, level="orig", sentence=i, token=j, lang="de"
        )

    for i, j in taps:
        found = tap(i, j)
        assert found.senses
    assert ranked == []
    # Choices stored by other code or on another lexicon are not trusted: the tap ranks.
    monkeypatch.setattr(dictionary, "prepared_fingerprint", lambda _lexicon: "other code")
    tap(*taps[0])
    assert ranked


def test_a_stored_choice_whose_sense_the_lexicon_lacks_is_not_used(
    built: tuple[Settings, Database, int],
) -> None:
    settings, db, story_id = built
    lexicon = dictionary.require_lexicon(settings)
    text = reading.reader_text(db, story_id, "orig")
    assert text.prepared is not None
    (i, j), stored = next((key, c) for key, c in text.prepared.choices.items() if c.choice.senses)
    doc = sentence_doc(dictionary.vocabulary(), list(text.sentences())[i])
    assert doc is not None and rebuild_choices(lexicon, doc, j, stored) is not None
    bogus = stored.choice.senses[0]
    broken = StoredChoices(
        stored.reading,
        replace(stored.choice, senses=(("99999999-n", *bogus[1:]),)),
        stored.expression,
    )
    assert rebuild_choices(lexicon, doc, j, broken) is None


def test_stored_choices_keep_their_scores_exactly_through_json() -> None:
    import json

    choice = StoredChoice("run", "VERB", False, False, 0.1 + 0.2, "VERB", (("01926311-v", -1 / 3, 0.0),))
    phrase = StoredChoice("take part", "VERB", False, False, 0.7, None, (("02436349-v", 2 / 7, 1e-17),))
    stored = StoredChoices(TokenReading("run", "VERB", False), choice, ("take part", phrase))
    assert choices_from_json(json.loads(json.dumps(choices_to_json(stored)))) == stored
    function = StoredChoices(
        TokenReading("accord", "VERB", False),
        StoredChoice("according to", "ADP", True, True, 0.0, None, ()),
        None,
    )
    assert choices_from_json(json.loads(json.dumps(choices_to_json(function)))) == function


def test_a_stored_choice_keeps_every_sense_a_tap_reads() -> None:
    assert TAP_SENSES >= context.MAX_SENSES and TAP_SENSES >= RANKER_SENSES


def test_taps_prepared_by_the_follow_up_job_are_read_and_answer_as_before(
    tmp_path: Path,
    make_settings: Callable[..., Settings],
    lexicon_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The job a teacher waits for stores the versions without their taps; the follow-up job adds
    # them. A tap before it computes, a tap after it reads (the reader's cache sees the new build
    # stamp), and both give the same answer; the stored JSON is the one a build that prepares makes.
    monkeypatch.setenv(OFF_SWITCH, "off")
    settings = make_settings(lexicon_path=lexicon_file)
    db = Database.connect(f"sqlite:///{tmp_path / 'later.sqlite3'}")
    upgrade_database(db.engine)
    built_at = datetime(2026, 11, 2, 9, 0, 41, 314159, tzinfo=UTC)  # its own reader-cache stamps
    story_id = ingest(db, IngestSource(kind="text", text=STORY), now=built_at, policy=FetchPolicy()).story_id
    versions.build_versions(db, settings, story_id, now=built_at, prepare_taps=False)
    levels = [v.level for v in versions.list_versions(db, story_id)]
    assert reading.reader_text(db, story_id, "orig").prepared is None
    ranked: list[str] = []
    rank = sense_ranking.rank_in_lexicon

    def spy(lexicon: Lexicon, senses: object, *args: object, **kwargs: object) -> object:
        ranked.append(str(args[1]))
        return rank(lexicon, senses, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sense_ranking, "rank_in_lexicon", spy)

    def taps() -> list[dict[str, Any]]:
        text = reading.reader_text(db, story_id, "orig")
        return [
            dictionary.lookup_as_dict(
                dictionary.look_up_in_version(
                    settings, db, story_id=story_id, level="orig", sentence=i, token=j, lang="de"
                )
            )
            for i, j in _words(text)
        ]

    computed = taps()
    assert ranked  # nothing prepared yet: the taps ranked senses
    stamp = reading.stamped_reader_text(db, story_id, "orig")[0]
    assert versions.prepare_version_taps(db, settings, story_id) == len(levels)
    new_stamp = reading.stamped_reader_text(db, story_id, "orig")[0]
    assert new_stamp[:2] == stamp[:2] and stamp[2] is None and new_stamp[2] is not None  # build time kept
    assert reading.reader_text(db, story_id, "orig").prepared is not None
    ranked.clear()
    assert taps() == computed and ranked == []  # read, not computed: the same answers
    assert versions.prepare_version_taps(db, settings, story_id) == 0  # nothing left to prepare
    later = {level: _reader_json(db, story_id, level) for level in levels}
    versions.build_versions(db, settings, story_id, now=built_at)  # preparing during the build
    assert later == {level: _reader_json(db, story_id, level) for level in levels}
    db.dispose()


def _reader_json(db: Database, story_id: int, level: str) -> str:
    from vocabsphere.store.unit_of_work import unit_of_work

    with unit_of_work(db, read_only=True) as uow:
        row = uow.versions.get(story_id, level)
        assert row is not None
        return row.reader_json
