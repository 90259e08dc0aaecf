"""What a tap would compute slowly is prepared when the versions are built: the same answers, read
instead of computed, and computed as before when the stored ones are missing or from other code."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.tokens import Doc

from vocabsphere.config import Settings
from vocabsphere.core.lexicon import Lexicon, context
from vocabsphere.core.lexicon.context import WordLookup
from vocabsphere.core.lexicon.prepared import prepared_fingerprint, tap_simpler
from vocabsphere.core.lexicon.sense_choice import SenseChoice, choose_sense
from vocabsphere.core.lexicon.sense_embedding import OFF_SWITCH
from vocabsphere.core.lexicon.substitutes import Substitute
from vocabsphere.core.reading.tokens import ReaderText, sentence_doc
from vocabsphere.services import dictionary, reading, versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

# Unlike other tests' times: the reader's parse is cached per process by (version row, build time).
T0 = datetime(2026, 11, 2, 9, 0, 41, 271828, tzinfo=UTC)
# Invented; "instructors" gets a simpler word in the popover ("teachers").
STORY = (
    "The instructors work at a school in the city. Every morning the instructors help young pupils "
    "with their reading and writing.\n\n"
    "The school also employs two physicians who check the children once a month. Parents say the "
    "instructors are patient and kind, and the children enjoy their lessons."
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
    # A word left out (rated A1-A2) is computed by its tap.
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
