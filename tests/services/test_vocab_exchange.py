"""Vocabulary export and import on both databases: CSV round trip, formula cells, bad files, Anki packages."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import accounts, reading, study, vocab_exchange
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
WORDS = [
    study.WordToSave(
        lemma="closure",
        pos="NOUN",
        word="closure",
        sentence="It was the first full closure in twenty years.",
        translation="Schließung",
        definition="the act of closing something",
        cefr_level="B2",
    ),
    study.WordToSave(
        lemma="sum",
        pos="NOUN",
        word="sum",
        sentence='She wrote "=SUM(A1:A9)" in the cell, a sum of nine numbers.',
        translation="=SUM(A1:A9)",
        definition="@total, or +all of it; -1 is not one",
    ),
    study.WordToSave(lemma="bridge", pos="VERB", word="bridging", sentence="", translation="", definition=""),
]
HEADER = "lemma,pos,word,sentence,translation,definition,cefr_level,story_id,created_at\n"


def user(db: Database, name: str) -> int:
    return accounts.create_user(db, username=name, password="s3cret-pass", now=T0).id


def book(db: Database, user_id: int) -> list[tuple[object, ...]]:
    """What a learner would see of their words, without ids and times."""
    return [
        (w.lemma, w.pos, w.word, w.sentence, w.translation, w.definition, w.cefr_level, w.story_id)
        for w in study.list_words(db, user_id=user_id, limit=500)
    ]


def mark(db: Database, user_id: int, lemma: str, status: int) -> None:
    reading.set_status(db, user_id=user_id, lemma=lemma, status=status, now=T0)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_round_trip_gives_another_learner_the_same_words(database: Database) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    for word in WORDS:
        study.save_word(database, user_id=ana, word=word, now=T0)
    exported = vocab_exchange.export_csv(database, user_id=ana)
    assert exported.splitlines()[0] == ",".join(vocab_exchange.CSV_COLUMNS)
    report = vocab_exchange.import_csv(database, user_id=bob, data=exported.encode(), now=T1)
    assert (report.added, report.skipped_duplicates, report.errors) == (3, 0, [])
    assert book(database, bob) == book(database, ana)
    assert len(study.due_cards(database, user_id=bob, now=T1)) == len(
        study.due_cards(database, user_id=ana, now=T1)
    )


def test_formula_cells_are_escaped_and_restored(database: Database) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    study.save_word(database, user_id=ana, word=WORDS[1], now=T0)
    row = rows_of(vocab_exchange.export_csv(database, user_id=ana))[0]
    assert row["translation"] == "'=SUM(A1:A9)"
    assert row["definition"] == "'@total, or +all of it; -1 is not one"
    assert row["sentence"].startswith("She wrote")  # only a leading trigger is escaped
    for value in ["=1+1", "'=1+1", "''@x", "+x", "-x", "\tx", "'plain", "plain"]:
        assert vocab_exchange.unescape_cell(vocab_exchange.escape_cell(value)) == value
        assert not vocab_exchange.escape_cell(value).startswith(("=", "+", "-", "@", "\t"))
    vocab_exchange.import_csv(
        database, user_id=bob, data=vocab_exchange.export_csv(database, user_id=ana).encode(), now=T1
    )
    saved = study.list_words(database, user_id=bob)[0]
    assert saved.translation == "=SUM(A1:A9)" and saved.definition == WORDS[1].definition


def test_second_import_of_the_same_file_adds_nothing(database: Database) -> None:
    ana = user(database, "ana")
    data = (HEADER + "closure,NOUN,closure,,Schließung,,B2,,\nharbour,NOUN,harbours,,,,,,\n").encode()
    first = vocab_exchange.import_csv(database, user_id=ana, data=data, now=T0)
    second = vocab_exchange.import_csv(database, user_id=ana, data=data, now=T1)
    assert (first.added, first.skipped_duplicates) == (2, 0)
    assert (second.added, second.skipped_duplicates, second.errors) == (0, 2, [])
    assert len(study.list_words(database, user_id=ana)) == 2


def test_bad_rows_are_reported_by_line_and_good_rows_kept(database: Database) -> None:
    ana = user(database, "ana")
    data = (
        "word,translation,cefr_level\n"  # 1: only a word column: the lemma is the word
        "Harbour,puerto,b1\n"  # 2
        ",sin palabra,\n"  # 3: no word
        'storm,"tormenta,\nborrasca",Z9\n'  # 4-5: a quoted line break, an unknown level
        "\n"  # 6: blank lines are skipped
        "123,número,\n"  # 7: no letter
        "harbour,puerto,B1\n"  # 8: the same word again is a duplicate, not an error
        "tide,marea,A2\n"  # 9
    ).encode()
    report = vocab_exchange.import_csv(database, user_id=ana, data=data, now=T0)
    assert (report.added, report.skipped_duplicates, report.failed) == (2, 1, 3)
    assert [line for line, _ in report.errors] == [3, 4, 7]
    assert "CEFR" in report.errors[1][1]
    assert {w.lemma: w.cefr_level for w in study.list_words(database, user_id=ana)} == {
        "harbour": "B1",
        "tide": "A2",
    }


def test_story_ids_in_a_file_are_ignored(database: Database) -> None:
    ana = user(database, "ana")
    data = (HEADER + "closure,NOUN,closure,,,,,424242,2020-01-01T00:00:00+00:00\n").encode()
    report = vocab_exchange.import_csv(database, user_id=ana, data=data, now=T0)
    assert report.added == 1 and report.errors == []
    assert study.list_words(database, user_id=ana)[0].story_id is None


def test_bom_tabs_and_utf16_are_accepted(database: Database) -> None:
    ana = user(database, "ana")
    tabbed = "lemma\tpos\ttranslation\nclosure\tNOUN\tcierre, clausura\n"
    assert vocab_exchange.import_csv(
        database, user_id=ana, data=codecs.BOM_UTF8 + tabbed.encode(), now=T0
    ).added
    assert vocab_exchange.import_csv(
        database, user_id=ana, data="lemma;pos\nharbour;NOUN\n".encode("utf-8-sig"), now=T0
    ).added
    excel_unicode_text = "lemma\tword\ntide\ttides\n".encode("utf-16")  # Excel's "Unicode Text"
    assert vocab_exchange.import_csv(database, user_id=ana, data=excel_unicode_text, now=T0).added == 1
    words = {w.lemma: w for w in study.list_words(database, user_id=ana)}
    assert set(words) == {"closure", "harbour", "tide"}
    assert words["closure"].translation == "cierre, clausura" and words["tide"].word == "tides"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\x03" * 300, "binary data"),
        (b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
        ("lemma\ncafé\n".encode("latin-1"), "not UTF-8"),
        (b"   \n", "empty"),
        (b"name,meaning\nclosure,cierre\n", "“lemma” or “word” column"),
        (b"lemma\n" + b"x" * (vocab_exchange.MAX_IMPORT_BYTES + 1), "larger than 2 MB"),
    ],
)
def test_files_that_are_not_word_lists_are_refused(database: Database, data: bytes, message: str) -> None:
    ana = user(database, "ana")
    with pytest.raises(InvalidInput, match=message):
        vocab_exchange.import_csv(database, user_id=ana, data=data, now=T0)
    assert study.list_words(database, user_id=ana) == []


def test_too_many_rows_are_refused_before_anything_is_saved(database: Database) -> None:
    ana = user(database, "ana")
    rows = "".join(f"word{n}a\n" for n in range(vocab_exchange.MAX_IMPORT_ROWS + 1))
    with pytest.raises(InvalidInput, match="at most 5,000 words"):
        vocab_exchange.import_csv(database, user_id=ana, data=("lemma\n" + rows).encode(), now=T0)
    assert study.list_words(database, user_id=ana) == []


def test_error_list_is_capped_but_every_failure_counted(database: Database) -> None:
    ana = user(database, "ana")
    data = ("lemma\n" + "".join(f"{n}\n" for n in range(80))).encode()  # digits only: no letter
    report = vocab_exchange.import_csv(database, user_id=ana, data=data, now=T0)
    assert report.failed == 80 and len(report.errors) == vocab_exchange.MAX_REPORTED_ERRORS


def test_export_names_the_status_of_each_lemma(database: Database) -> None:
    ana = user(database, "ana")
    for word in WORDS:
        study.save_word(database, user_id=ana, word=word, now=T0)
    for lemma, status in [("closure", 5), ("sum", 2), ("bridge", 6)]:
        mark(database, ana, lemma, status)
    rows = {r["lemma"]: r for r in rows_of(vocab_exchange.export_csv(database, user_id=ana))}
    assert {lemma: r["status"] for lemma, r in rows.items()} == {
        "closure": "known",
        "sum": "learning-2",
        "bridge": "ignored",
    }
    assert list(rows) == ["closure", "sum", "bridge"]  # oldest first, as saved
    assert rows["closure"]["created_at"] == T0.isoformat()


def read_apkg(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {"collection.anki2", "media"} <= set(package.namelist())
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_anki_package_holds_escaped_notes_with_both_card_kinds(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = user(database, "ana")
    for word in WORDS:
        study.save_word(database, user_id=ana, word=word, now=T0)
    study.save_word(
        database,
        user_id=ana,
        word=study.WordToSave(
            lemma="tag",
            pos="NOUN",
            word="tag",
            sentence="Never trust a <script> tag & its friends.",
            translation="<etiqueta>",
        ),
        now=T0,
    )
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    data = vocab_exchange.export_apkg(database, user_id=ana, deck_name="My  words", now=T1)
    assert list(scratch.iterdir()) == []  # the temporary collection is gone
    with contextlib.closing(read_apkg(data, tmp_path)) as collection:
        notes = {
            flds.split("\x1f")[0]: (guid, flds.split("\x1f"), tags)
            for guid, flds, tags in collection.execute("SELECT guid, flds, tags FROM notes")
        }
        cards = collection.execute(
            "SELECT n.sfld, c.ord FROM cards c JOIN notes n ON n.id = c.nid"
        ).fetchall()
        decks = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
    assert set(notes) == {"closure", "sum", "bridging", "tag"}
    guid, fields, tags = notes["closure"]
    assert fields == [
        "closure",
        "It was the first full <b>closure</b> in twenty years.",
        "Schließung",
        "the act of closing something",
        "B2",
    ]
    assert guid == vocab_exchange.genanki.guid_for(ana, "closure", "NOUN")
    assert "vocabsphere" in tags.split() and "b2" in tags.split()
    assert notes["tag"][1][1] == "Never trust a &lt;script&gt; <b>tag</b> &amp; its friends."
    assert notes["tag"][1][2] == "&lt;etiqueta&gt;"
    assert notes["bridging"][1][1] == ""  # no sentence: the word alone is the recognition prompt
    kinds = {(word, ord_) for word, ord_ in cards}
    assert {("closure", 0), ("closure", 1)} <= kinds  # recognition and production
    assert ("bridging", 0) in kinds and ("bridging", 1) not in kinds  # nothing to produce it from
    assert decks[str(vocab_exchange.deck_id(ana))]["name"] == "My words"


def test_anki_ids_are_stable_and_the_deck_is_per_learner(database: Database, tmp_path: Path) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    study.save_word(database, user_id=ana, word=WORDS[0], now=T0)
    study.save_word(database, user_id=bob, word=WORDS[2], now=T0)

    def ids(user_id: int, name: str) -> tuple[set[str], set[str], set[str]]:
        folder = tmp_path / name
        folder.mkdir()
        data = vocab_exchange.export_apkg(database, user_id=user_id, deck_name="")
        with contextlib.closing(read_apkg(data, folder)) as collection:
            models, decks = collection.execute("SELECT models, decks FROM col").fetchone()
            guids = {g for (g,) in collection.execute("SELECT guid FROM notes")}
        return set(json.loads(models)), set(json.loads(decks)) - {"1"}, guids  # "1" is Anki's Default deck

    first, second, other = ids(ana, "first"), ids(ana, "second"), ids(bob, "other")
    assert first == second
    assert first[0] == {str(vocab_exchange.model_id())} == other[0]
    assert first[1] == {str(vocab_exchange.deck_id(ana))} != other[1]
    assert first[2].isdisjoint(other[2])
