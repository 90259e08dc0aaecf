"""Read-only look-up API over a built lexicon file (one cached connection per thread)."""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from cachetools import LRUCache

from .store_schema import EXAMPLE_SEP, SCHEMA_VERSION, WN_POS_NAMES, wordnet_pos
from .wordnet_reader import synset_key, synset_label

FAMILY_LIMIT = 30
ENTRY_CACHE = 20_000  # words whose senses stay in memory (a few MB)
EXPRESSION_CACHE = 50_000  # words with the expressions they start (most start none)
# WordNet morphy detachment rules: (suffix, replacement) per POS.
_DETACH = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


class LexiconError(RuntimeError):
    """The file is missing or was built with another schema version."""


@dataclass(frozen=True)
class Sense:
    synset_id: str  # WordNet 3.0 offset-pos, e.g. "03544360-n"
    pos: str  # noun / verb / adjective / adverb
    definition: str
    examples: tuple[str, ...]
    synonyms: tuple[str, ...]
    hypernyms: tuple[str, ...]
    rank: int  # WordNet sense number (1 = most frequent)
    tag_count: int  # SemCor frequency from index.sense


@dataclass(frozen=True)
class LexEntry:
    query: str
    lemma: str  # the base form the senses belong to (may differ from query: "went" -> "go")
    senses: tuple[Sense, ...]

    @property
    def found(self) -> bool:
        return bool(self.senses)


@dataclass(frozen=True)
class Translation:
    text: str
    source: str  # the source that ranked it best
    pos: str | None = None
    sources: tuple[str, ...] = ()  # every source that gave this text


@dataclass(frozen=True)
class Ipa:
    us: str | None
    uk: str | None


@dataclass(frozen=True)
class FamilyMember:
    lemma: str
    pos: str

    def __str__(self) -> str:
        return f"{self.lemma} ({self.pos})"


@dataclass(frozen=True)
class LanguageInfo:
    code: str  # ISO 639-1
    name: str
    entries: int  # English lemmas with at least one translation
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str
    lang: str | None
    package: str | None
    version: str | None
    license: str
    entries: int


class ExpressionMatch(NamedTuple):
    start: int
    end: int  # exclusive
    expression: str


class Lexicon:
    """Look-ups over a lexicon file. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._entries: LRUCache[tuple[str, str | None], LexEntry] = LRUCache(maxsize=ENTRY_CACHE)
        self._entries_lock = threading.Lock()
        # word -> {length: expressions of that many words starting with it}
        self._starting: LRUCache[str, dict[int, frozenset[str]]] = LRUCache(maxsize=EXPRESSION_CACHE)
        meta: dict[str, str] = {
            str(k): str(v) for k, v in self._conn().execute("SELECT key, value FROM meta")
        }
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise LexiconError(
                f"{self.path}: schema {meta.get('schema_version')}, "
                f"this code reads {SCHEMA_VERSION}; rebuild the lexicon"
            )
        self._meta = meta
        rows = self._conn().execute("SELECT id, name FROM sources").fetchall()
        self._source_names: dict[int, str] = dict(rows)
        # Per language, the source ids in mask-bit order (bit i = i-th id).
        self._mask_sources: dict[str, list[str]] = {
            code: [self._source_names[int(i)] for i in ids.split(",") if i]
            for code, ids in self._conn().execute("SELECT code, source_ids FROM languages")
        }

    @classmethod
    def open(cls, path: Path | str) -> Lexicon:
        if not Path(path).is_file():
            raise LexiconError(f"lexicon file not found: {path}")
        return cls(Path(path))

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True)
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- metadata -------------------------------------------------------------------
    def lexicon_version(self) -> str:
        return self._meta["lexicon_version"]

    def build_time(self) -> str:
        return self._meta["build_time"]

    def sources(self) -> list[SourceInfo]:
        rows = (
            self._conn()
            .execute("SELECT name, kind, lang, package, version, license, entries FROM sources ORDER BY id")
            .fetchall()
        )
        return [SourceInfo(*row) for row in rows]

    def languages(self) -> list[LanguageInfo]:
        rows = (
            self._conn()
            .execute("SELECT code, name, entries, source_ids FROM languages ORDER BY code")
            .fetchall()
        )
        return [
            LanguageInfo(code, name, entries, tuple(self._source_names[int(i)] for i in ids.split(",") if i))
            for code, name, entries, ids in rows
        ]

    # -- English ----------------------------------------------------------------------
    def base_forms(self, word: str, pos: str | None = None) -> list[tuple[str, str]]:
        """(lemma, WordNet POS letter) pairs WordNet knows for a word form, morphy-style."""
        key = _key(word)
        wanted = wordnet_pos(pos)
        poses = [wanted] if wanted else list(WN_POS_NAMES)
        # Two queries, not one per candidate: a tap asks this of dozens of words.
        exceptions: dict[str, list[str]] = {}
        for p, lemma in self._conn().execute("SELECT pos, lemma FROM exceptions WHERE form = ?", (key,)):
            exceptions.setdefault(p, []).append(lemma)
        candidates = {
            p: dict.fromkeys(
                [key, *exceptions.get(p, ())]
                + [
                    key[: -len(suf)] + rep
                    for suf, rep in _DETACH[p]
                    if key.endswith(suf) and len(key) > len(suf)
                ]
            )
            for p in poses
        }
        known = set(
            self._in(
                "SELECT DISTINCT lemma, pos FROM senses WHERE lemma IN ({})",
                sorted({c for cands in candidates.values() for c in cands}),
            )
        )
        found = [(cand, p) for p in poses for cand in candidates[p] if (cand, p) in known]
        # The word itself first, then other lemmas in POS order.
        return sorted(dict.fromkeys(found), key=lambda lp: lp[0] != key)

    def entries(self, lemma: str, pos: str | None = None) -> LexEntry:
        """WordNet senses of a word (inflected forms fall back to their lemma); recent answers are
        kept (a tap asks for the same word's senses more than once)."""
        key = (lemma, pos)
        with self._entries_lock:
            found = self._entries.get(key)
        if found is None:
            found = self._entries_uncached(lemma, pos)
            with self._entries_lock:
                self._entries[key] = found
        return found

    def _entries_uncached(self, lemma: str, pos: str | None) -> LexEntry:
        forms = self.base_forms(lemma, pos)
        if not forms:
            return LexEntry(lemma, _key(lemma), ())
        base = forms[0][0]
        wanted = [p for b, p in forms if b == base]
        return LexEntry(lemma, base, self._senses(base, wanted))

    def _senses(self, lemma: str, poses: Sequence[str]) -> tuple[Sense, ...]:
        rows = self._in(
            "SELECT s.synset, s.pos, s.rank, s.tag_count, y.definition, y.examples "
            "FROM senses s JOIN synsets y ON y.id = s.synset "
            "WHERE s.lemma = ? AND s.pos IN ({}) ORDER BY s.rank, s.pos",
            poses,
            (lemma,),
        )
        keys = [int(r[0]) for r in rows]
        synonyms = self._synset_words(keys)
        hypernyms: dict[int, list[int]] = {}
        for synset, target in self._in("SELECT synset, target FROM relations WHERE synset IN ({})", keys):
            hypernyms.setdefault(synset, []).append(target)
        names = self._synset_words([t for ts in hypernyms.values() for t in ts])
        return tuple(
            Sense(
                synset_label(key),
                WN_POS_NAMES[pos],
                definition,
                tuple(e for e in examples.split(EXAMPLE_SEP) if e),
                tuple(w for w in synonyms.get(key, []) if w.lower() != lemma),
                tuple(names[t][0] for t in hypernyms.get(key, []) if names.get(t)),
                rank,
                tags,
            )
            for key, pos, rank, tags, definition, examples in rows
        )

    def _in(self, sql: str, values: Sequence[object], before: Sequence[object] = ()) -> list[Any]:
        """Run ``sql`` with its ``IN ({})`` expanded to one placeholder per value."""
        if not values:
            return []
        query = sql.format(",".join("?" * len(values)))  # only "?" marks are inserted
        return self._conn().execute(query, [*before, *values]).fetchall()

    def _synset_words(self, keys: Sequence[int]) -> dict[int, list[str]]:
        words: dict[int, list[str]] = {}
        for synset, display in self._in(
            "SELECT synset, display FROM senses WHERE synset IN ({}) ORDER BY synset, tag_count DESC, rank",
            keys,
        ):
            words.setdefault(synset, []).append(display)
        return words

    def ancestors(self, synset_id: str) -> frozenset[str]:
        """Every hypernym of a sense up to "entity", instance links included ("02084071-n"
        ids): what kind of thing a sense names, however far up ("basement" is a "whole")."""
        offset, pos = synset_id.split("-")
        key = synset_key(int(offset), pos)
        rows = self._conn().execute(
            "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT r.target FROM relations r "
            "JOIN up ON r.synset = up.id WHERE r.kind IN ('hypernym', 'instance_hypernym')) "
            "SELECT id FROM up WHERE id != ?",
            (key, key),
        )
        return frozenset(synset_label(int(r[0])) for r in rows)

    def family(self, lemma: str) -> list[FamilyMember]:
        """Derivationally related forms (decide -> decision, decisive), two steps deep."""
        conn = self._conn()
        key = _key(lemma)
        seen: dict[tuple[str, str], None] = {}
        frontier = {(key, p) for p in WN_POS_NAMES}
        for _ in range(2):
            step = {
                (r, rp)
                for w, p in frontier
                for r, rp in conn.execute(
                    "SELECT rel_lemma, rel_pos FROM derivations WHERE lemma = ? AND pos = ?", (w, p)
                )
            }
            new = {m for m in step if m not in seen and m[0] != key}
            seen.update(dict.fromkeys(sorted(new)))
            frontier = new
        return [FamilyMember(w, WN_POS_NAMES[p]) for w, p in list(seen)[:FAMILY_LIMIT]]

    def find_expressions(self, lemmas: Sequence[str]) -> list[ExpressionMatch]:
        """Multi-word expressions in a lemma sequence, longest match first, no overlaps."""
        keys = [_key(x) for x in lemmas]
        starting = self._expressions_starting(keys)
        matches: list[ExpressionMatch] = []
        i = 0
        while i < len(keys):
            by_length = starting[keys[i]]
            # The longest first: a set look-up per length, not a comparison per expression ("family"
            # starts 1,192 of them).
            length = next(
                (n for n in sorted(by_length, reverse=True) if " ".join(keys[i : i + n]) in by_length[n]), 0
            )
            if not length:
                i += 1
                continue
            matches.append(ExpressionMatch(i, i + length, " ".join(keys[i : i + length])))
            i += length
        return matches

    def _expressions_starting(self, keys: Sequence[str]) -> dict[str, dict[int, frozenset[str]]]:
        """Per word, the expressions starting with it by length; recent words are kept (every tap
        and every sentence of a version's build asks)."""
        with self._entries_lock:
            found = {k: hit for k in set(keys) if (hit := self._starting.get(k)) is not None}
        missing = sorted(set(keys) - found.keys())
        fetched: dict[str, dict[int, set[str]]] = {k: {} for k in missing}
        for first, expression, length in self._in(
            "SELECT first, expression, length FROM expressions WHERE first IN ({})", missing
        ):
            fetched[first].setdefault(int(length), set()).add(str(expression))
        new = {k: {n: frozenset(e) for n, e in by.items()} for k, by in fetched.items()}
        with self._entries_lock:
            self._starting.update(new)
        return {**found, **new}

    def ipa(self, word: str) -> Ipa:
        row = (
            self._conn().execute("SELECT us, uk FROM pronunciations WHERE word = ?", (_key(word),)).fetchone()
        )
        return Ipa(row[0], row[1]) if row else Ipa(None, None)

    # -- translations -------------------------------------------------------------------
    def translations(self, lemma: str, lang: str, pos: str | None = None) -> list[Translation]:
        """Ranked translations; if the word has none, those of its base form ("went" -> go).

        With ``pos``, translations tagged with another POS are dropped unless nothing is left.
        """
        rows: list[tuple[str, str | None, int, int]] = []
        for key in _spelling_variants(_key(lemma)):
            rows = rows or self._translation_rows(key, lang)
        if not rows:
            for base, _p in self.base_forms(lemma, pos):
                rows = self._translation_rows(base, lang)
                if rows:
                    break
        result = [self._translation(lang, *row) for row in rows]
        if pos is None:
            return result
        from .store_schema import normalize_pos

        want = normalize_pos(pos)
        matching = [t for t in result if t.pos is None or t.pos == want]
        return matching or result

    def translations_by_language(self, lemma: str, pos: str | None = None) -> dict[str, list[Translation]]:
        """:meth:`translations` for every language that has some, in one query per key rather
        than several per language (the simpler-word ranker compares dozens of words' translations)."""
        codes = list(self._mask_sources)
        found: dict[str, list[tuple[str, str | None, int, int]]] = {}
        keys = _spelling_variants(_key(lemma))
        for key in keys:
            self._rows_by_language(key, [c for c in codes if c not in found], found)
        if len(found) < len(codes):  # the base forms', in their order, where the word has none
            for base, _p in self.base_forms(lemma, pos):
                if base not in keys:  # asked already
                    self._rows_by_language(base, [c for c in codes if c not in found], found)
        out: dict[str, list[Translation]] = {}
        for code, rows in found.items():
            result = [self._translation(code, *row) for row in rows]
            if pos is not None:
                from .store_schema import normalize_pos

                want = normalize_pos(pos)
                result = [t for t in result if t.pos is None or t.pos == want] or result
            out[code] = result
        return out

    def _rows_by_language(
        self, key: str, codes: Sequence[str], found: dict[str, list[tuple[str, str | None, int, int]]]
    ) -> None:
        if not codes:
            return
        marks = ",".join("?" * len(codes))
        for lang, *row in self._conn().execute(
            f"SELECT lang, text, pos, source, source_mask FROM translations "  # noqa: S608 (placeholders only)
            f"WHERE lang IN ({marks}) AND lemma = ? ORDER BY lang, rank",
            (*codes, key),
        ):
            found.setdefault(lang, []).append(tuple(row))

    def _translation_rows(self, key: str, lang: str) -> list[tuple[str, str | None, int, int]]:
        return (
            self._conn()
            .execute(
                "SELECT text, pos, source, source_mask FROM translations "
                "WHERE lang = ? AND lemma = ? ORDER BY rank",
                (lang, key),
            )
            .fetchall()
        )

    def _translation(self, lang: str, text: str, pos: str | None, source: int, mask: int) -> Translation:
        names = tuple(name for bit, name in enumerate(self._mask_sources.get(lang, [])) if mask >> bit & 1)
        return Translation(text, self._source_names.get(source, "?"), pos, names)


def _spelling_variants(key: str) -> list[str]:
    """The key, then hyphen/space/closed-up variants: "well-known", "well known", "wellknown"."""
    if "-" not in key and " " not in key:
        return [key]
    spaced = key.replace("-", " ")
    return list(dict.fromkeys([key, spaced, spaced.replace(" ", "-"), spaced.replace(" ", "")]))


def _key(word: str) -> str:
    """Storage key: lower case, underscores as spaces, single spaces."""
    return " ".join(word.replace("_", " ").lower().split())
