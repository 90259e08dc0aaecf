"""The vocabulary book in and out: CSV for spreadsheets and other apps, Anki packages for Anki users."""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import genanki

from vocabsphere.core.errors import Conflict, DomainError, InvalidInput
from vocabsphere.core.reading import lookup_key, word_key
from vocabsphere.services import study
from vocabsphere.services.study import SavedWordView, WordToSave
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

CSV_COLUMNS = (
    "lemma",
    "pos",
    "word",
    "sentence",
    "translation",
    "definition",
    "cefr_level",
    "story_id",
    "created_at",
    "status",
)
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5_000
MAX_REPORTED_ERRORS = 50
DEFAULT_DECK_NAME = "VocabSphere"

_PAGE = 1_000
# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A leading apostrophe is added on export; apostrophes already in front of a trigger get one more,
# so stripping exactly one on import gives back the original text.
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")
_STATUS_NAMES = {
    0: "new",
    **{n: f"learning-{n}" for n in range(1, 5)},
    5: "known",
    6: "ignored",
}
_HEADER_ALIASES = {"level": "cefr_level", "cefr": "cefr_level"}
_DELIMITERS = (",", "\t", ";")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BINARY_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive, such as an Excel workbook or an Anki package"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook"),
    (b"%PDF", "a PDF document"),
    (b"SQLite format 3", "a database file"),
)
_NOT_CSV_HINT = "Save the list as “CSV UTF-8” (comma- or tab-separated) and upload that."

# Anki identifies note types and decks by number: fixed numbers let a re-import update, not duplicate.
_MODEL_NAME = "VocabSphere word (v1)"
_CSS = """\
.card { font-family: sans-serif; font-size: 22px; text-align: center; color: #1d2433; background: #fff; }
.sentence { font-size: 20px; line-height: 1.5; }
.word { font-size: 30px; font-weight: 600; }
.translation { font-size: 24px; }
.definition { font-size: 18px; color: #4a5468; }
.level { font-size: 14px; color: #6b7486; }
"""
_RECOGNITION_FRONT = (
    '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}'
    '{{^Sentence}}<div class="word">{{Word}}</div>{{/Sentence}}'
)
_RECOGNITION_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="word">{{Word}}</div>'
    '{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}'
    '{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}'
    '{{#Level}}<div class="level">{{Level}}</div>{{/Level}}'
)
_PRODUCTION_FRONT = (
    '{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}'
    '{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}'
)
_PRODUCTION_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="word">{{Word}}</div>'
    '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}'
)


@dataclass
class ImportReport:
    """What an import did; ``errors`` holds the first few (line, message), ``failed`` counts them all."""

    added: int = 0
    skipped_duplicates: int = 0
    failed: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def fail(self, line: int, message: str) -> None:
        self.failed += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append((line, message))


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]


# --- export -------------------------------------------------------------------------------------------


def _all_words(db: Database, user_id: int) -> list[SavedWordView]:
    """Oldest first, so that importing the file in order keeps the book's order."""
    words: list[SavedWordView] = []
    while True:
        page = study.list_words(db, user_id=user_id, limit=_PAGE, offset=len(words))
        words.extend(page)
        if len(page) < _PAGE:
            break
    words.reverse()
    return words


def _statuses(db: Database, user_id: int, lemmas: list[str]) -> dict[str, int]:
    with unit_of_work(db) as uow:
        return uow.reading.statuses(user_id, lemmas)


def escape_cell(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula; ``unescape_cell`` undoes it exactly."""
    if value.startswith(_FORMULA_START) or _ESCAPED.match(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    return value[1:] if _ESCAPED.match(value) else value


def export_csv(db: Database, *, user_id: int) -> str:
    """The whole vocabulary book of one learner as CSV text with a header row."""
    words = _all_words(db, user_id)
    statuses = _statuses(db, user_id, [word_key(w.lemma, w.pos) for w in words])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for w in words:
        status = lookup_key(statuses, word_key(w.lemma, w.pos))
        cells = [
            w.lemma,
            w.pos,
            w.word,
            w.sentence,
            w.translation,
            w.definition,
            w.cefr_level or "",
            "" if w.story_id is None else str(w.story_id),
            w.created_at.isoformat(),
            "" if status is None else _STATUS_NAMES.get(status, ""),
        ]
        writer.writerow([escape_cell(c) for c in cells])
    return out.getvalue()


def _stable_id(*parts: object) -> int:
    """A fixed id in the range Anki's own generator uses, from a hash (never random)."""
    digest = hashlib.sha256("__".join(str(p) for p in parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def model_id() -> int:
    return _stable_id("vocabsphere", "model", 1)


def deck_id(user_id: int) -> int:
    return _stable_id("vocabsphere", "deck", user_id)


def _model() -> genanki.Model:
    # Built per export: genanki writes into the template dicts it is given.
    return genanki.Model(
        model_id(),
        _MODEL_NAME,
        fields=[{"name": n} for n in ("Word", "Sentence", "Translation", "Definition", "Level")],
        templates=[
            {"name": "Recognition", "qfmt": _RECOGNITION_FRONT, "afmt": _RECOGNITION_BACK},
            {"name": "Production", "qfmt": _PRODUCTION_FRONT, "afmt": _PRODUCTION_BACK},
        ],
        css=_CSS,
    )


def _bold_word(sentence: str, *forms: str) -> str:
    """The sentence as HTML, the first match of the saved form (else the lemma) in <b>."""
    for form in forms:
        if not form:
            continue
        match = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sentence, re.IGNORECASE)
        if match:
            before, hit, after = sentence[: match.start()], match.group(0), sentence[match.end() :]
            return f"{html.escape(before)}<b>{html.escape(hit)}</b>{html.escape(after)}"
    return html.escape(sentence)


def _tag(text: str) -> str:
    return re.sub(r"[^\w-]", "", text.lower())


def _deck_name(name: str) -> str:
    clean = " ".join(name.split())[:100]
    return clean or DEFAULT_DECK_NAME


def export_apkg(db: Database, *, user_id: int, deck_name: str, now: datetime | None = None) -> bytes:
    """An Anki package; notes keep their guid across exports, so re-importing updates instead of doubling."""
    model = _model()
    deck = genanki.Deck(deck_id(user_id), _deck_name(deck_name))
    for w in _all_words(db, user_id):
        tags = ["vocabsphere", *(t for t in (_tag(w.pos), _tag(w.cefr_level or "")) if t)]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    html.escape(w.word),
                    _bold_word(w.sentence, w.word, w.lemma),
                    html.escape(w.translation),
                    html.escape(w.definition),
                    html.escape(w.cefr_level or ""),
                ],
                tags=tags,
                guid=genanki.guid_for(user_id, w.lemma, w.pos),
            )
        )
    timestamp = now.timestamp() if now is not None else time.time()
    # Package.write_to_file leaves its own temporary database behind, so the collection is written here.
    with tempfile.TemporaryDirectory(prefix="vocabsphere-apkg-") as tmp:
        collection = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            genanki.Package(deck).write_to_db(connection.cursor(), timestamp, _ids(timestamp))
            connection.commit()
        finally:
            connection.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
            package.write(collection, "collection.anki2")
            package.writestr("media", "{}")
        return out.getvalue()


def _ids(timestamp: float) -> Iterator[int]:
    """Note and card ids the way genanki makes them: counting up from the time in milliseconds."""
    next_id = int(timestamp * 1000)
    while True:
        yield next_id
        next_id += 1


# --- import -------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput(
            f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB; split it into smaller files.",
            field="file",
        )
    if not data.strip():
        raise InvalidInput("The file is empty.", field="file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                break
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InvalidInput(
                f"This is not a CSV file (it looks like {kind}). {_NOT_CSV_HINT}", field="file"
            )
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r")
    if b"\x00" in head or controls > len(head) // 50:
        raise InvalidInput(f"This is not a CSV file (it contains binary data). {_NOT_CSV_HINT}", field="file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"The file is not UTF-8 text. {_NOT_CSV_HINT}", field="file") from error


def _delimiter(header_line: str) -> str:
    """The header names the columns, so the separator it uses most is the file's separator."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _parse(text: str) -> list[_Row]:
    """All rows before anything is saved: a malformed or oversized file changes nothing."""
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    try:
        header = next(reader, [])
        names = [_HEADER_ALIASES.get(n, n) for n in (h.strip().lower().replace(" ", "_") for h in header)]
        if "lemma" not in names and "word" not in names:
            raise InvalidInput(
                "The first row must name the columns, with a “lemma” or “word” column "
                "(export a file to see the layout).",
                field="file",
            )
        rows: list[_Row] = []
        line = reader.line_num + 1
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(rows) >= MAX_IMPORT_ROWS:
                    raise InvalidInput(
                        f"A file may have at most {MAX_IMPORT_ROWS:,} words; split it into smaller files.",
                        field="file",
                    )
                cells = {n: unescape_cell(v) for n, v in zip(names, record, strict=False) if n}
                rows.append(_Row(line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(
            f"Line {reader.line_num}: the file is not valid CSV ({error}).", field="file"
        ) from error
    return rows


def _word_of(cells: dict[str, str]) -> WordToSave:
    """story_id in a file is never trusted: it could name someone else's or a missing story."""
    lemma = cells.get("lemma", "").strip() or cells.get("word", "").strip()
    level = cells.get("cefr_level", "").strip().upper()
    return WordToSave(
        lemma=lemma,
        pos=cells.get("pos", "").strip() or "X",
        word=cells.get("word", "").strip(),
        sentence=cells.get("sentence", ""),
        translation=cells.get("translation", ""),
        definition=cells.get("definition", ""),
        cefr_level=level or None,
    )


def import_csv(db: Database, *, user_id: int, data: bytes, now: datetime) -> ImportReport:
    """Each row is saved like a word from a story (cards included); words already in the book are skipped."""
    rows = _parse(_decode(data))
    report = ImportReport()
    for row in rows:
        try:
            study.save_word(db, user_id=user_id, word=_word_of(row.cells), now=now)
        except Conflict:
            report.skipped_duplicates += 1
        except DomainError as error:
            report.fail(row.line, error.message)
        else:
            report.added += 1
    return report
