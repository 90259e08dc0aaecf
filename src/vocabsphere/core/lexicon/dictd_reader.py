"""Reader for dictd dictionaries (FreeDict): ``.index`` + ``.dict.dz`` (or plain ``.dict``).

The index has ``headword<TAB>offset<TAB>size`` with numbers in dictd's base64 alphabet; the
``.dict.dz`` is dictzip, which plain gzip can read. FreeDict renders its TEI sources into a
few text layouts; :func:`parse_entry` reduces all of them to (POS, translation strings).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .store_schema import normalize_pos

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}

# "1. ", "II.  <N> 1.  " (Polish layout), leading sense numbers.
_SENSE_START = re.compile(r"^\s*(?:[IVX]+\.\s+)?(?:<([^>]*)>\s*)?\d+\.\s*")
_ROMAN_POS = re.compile(r"^\s*[IVX]+\.\s+<([^>]*)>\s*")
_ANGLE = re.compile(r"<([^>]*)>")
_BRACKETS = re.compile(r"\[[^\]]*\]|\{[^}]*\}|\([^()]*\)")
_TRAILING_NUMBER = re.compile(r"\s+\d+\.$")
_SPLIT = re.compile(r"\s*[,;]\s*")
_IPA = re.compile(r"/[^/]*/")
_ANNOTATION = ("Note:", "see:", "Synonym:", "Synonyms:", "Antonym:", "Antonyms:", "-", '"')
MAX_TRANSLATION_CHARS = 60
# Ding's "someone/something" slot fillers carry no meaning in a short translation.
_PLACEHOLDERS = frozenset({"etw.", "jdn.", "jdm.", "jds.", "sb.", "sth.", "sb's", "sth's", "sb"})
_LIST_LETTER = re.compile(r"^[a-z]\.\s+")  # "a. szczęśliwy" (Polish sub-sense letters)


@dataclass(frozen=True)
class DictEntry:
    headword: str  # as displayed in the entry (case kept)
    pos: str | None
    translations: tuple[tuple[str, str | None], ...]  # (text, pos) in entry order


def b64_decode(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64_VALUE[char]
    return value


def read_dict_bytes(base: Path) -> bytes:
    """Whole uncompressed dictionary body; offsets in the index refer to it."""
    dz = base.with_name(base.name + ".dict.dz")
    if dz.exists():
        with gzip.open(dz) as fh:
            return fh.read()
    return base.with_name(base.name + ".dict").read_bytes()


def iter_index(base: Path) -> Iterator[tuple[str, int, int]]:
    with base.with_name(base.name + ".index").open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00-database") or not parts[0].strip():
                continue
            yield parts[0], b64_decode(parts[1]), b64_decode(parts[2])


def header_text(body: bytes) -> str:
    """The 00-database-info entry (edition, licence) sits at the start of the body."""
    return body[:4000].decode("utf-8", errors="replace")


def clean_text(text: str) -> str:
    text = _ANGLE.sub("", text)
    for _ in range(2):  # nested parentheses, e.g. "(noun (common))"
        text = _BRACKETS.sub("", text)
    words = [w for w in text.split() if w not in _PLACEHOLDERS]
    return _LIST_LETTER.sub("", " ".join(words)).strip(" .:;-\u2010")


def split_translations(line: str, pos: str | None) -> list[tuple[str, str | None]]:
    tags = [normalize_pos(t) for tag in _ANGLE.findall(line) for t in tag.split(",")]
    line_pos = next((t for t in tags if t), pos)
    out = []
    for part in _SPLIT.split(_BRACKETS.sub(" ", _ANGLE.sub(" ", line))):
        text = clean_text(part)
        if text.startswith("/") and text.endswith("/"):
            continue  # a pronunciation on a translation line ("/pˌiːˌeɪtʃ/"), not a word
        if text and len(text) <= MAX_TRANSLATION_CHARS and not text[0].isdigit():
            out.append((text, line_pos))
    return out


def parse_headline(line: str) -> tuple[str, str | None]:
    tags = [normalize_pos(t) for tag in _ANGLE.findall(line) for t in tag.split(",")]
    head = clean_text(_IPA.sub(" ", _ANGLE.sub(" ", line)).split(",")[0])
    return head.rstrip("\u2010-"), next((t for t in tags if t), None)


def translation_lines(lines: list[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (line, pos override) for lines that carry translations, skipping glosses/notes.

    A translation line opens a sense: the first line, a numbered line, or the line after a
    sense number that held only a label. Unnumbered lines inside a sense are glosses.
    """
    pending = True  # the next content line opens a sense
    section_pos: str | None = None
    for raw in lines:
        stripped = raw.strip()
        if not stripped or stripped.startswith(_ANNOTATION):
            continue
        roman = _ROMAN_POS.match(raw)
        if roman:
            section_pos = normalize_pos(roman.group(1)) or section_pos
        match = _SENSE_START.match(raw)
        body = raw[match.end() :] if match else raw
        body = _TRAILING_NUMBER.sub("", body)
        if not (match or pending) or not body.strip():
            continue  # a gloss line, or a bare sense number sharing the previous translation
        if not clean_text(body):
            pending = True  # label-only line ("1. (noun)"): translation follows
            continue
        pending = False
        yield body, section_pos


def parse_entry(block: str) -> DictEntry | None:
    lines = block.split("\n")
    if not lines:
        return None
    headword, pos = parse_headline(lines[0])
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for line, section_pos in translation_lines(lines[1:]):
        for text, tpos in split_translations(line, section_pos or pos):
            if text.lower() not in seen:
                seen.add(text.lower())
                found.append((text, tpos))
    if not headword or not found:
        return None
    return DictEntry(headword, pos, tuple(found))


def is_metadata(headword: str) -> bool:
    """dictd's own entries (00-database-info, 00databaseurl, ...): never words."""
    return headword.startswith("00") and headword.lstrip("0-").startswith("database")


def iter_entries(base: Path) -> Iterator[tuple[str, DictEntry]]:
    """(index headword, parsed entry) for every entry of the dictionary at ``base``."""
    body = read_dict_bytes(base)
    for key, offset, size in iter_index(base):
        if is_metadata(key):
            continue
        block = body[offset : offset + size].decode("utf-8", errors="replace")
        entry = parse_entry(block)
        if entry is not None:
            yield key, entry
