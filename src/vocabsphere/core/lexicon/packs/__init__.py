"""Dictionary packs: merge extra translations into a built lexicon file.

Supported formats (detected by extension, then by content):

=========  ==================================================  =========================
format     files                                                language from
=========  ==================================================  =========================
wikdict    WikDict SQLite ``en-ko.sqlite3`` (simple_translation) file name or ``lang``
stardict   ``.ifo`` + ``.idx``/``.idx.gz`` + ``.dict``/``.dict.dz``   file or book name, ``lang``
           (+ ``.syn``)
dictd      ``.index`` + ``.dict``/``.dict.dz`` (FreeDict layout)   file name or ``lang``
kaikki     kaikki.org Wiktextract JSONL (``.jsonl``, ``.json``,    each translation's
           ``.gz``)                                             lang_code; ``lang`` filters
tsv        ``english<TAB>translation[<TAB>pos]`` (``.tsv``)      header ``en<TAB>ko`` or
                                                                ``lang``
=========  ==================================================  =========================

The lexicon file is opened read-write only inside :func:`import_pack`; running readers keep
working (SQLite locking) and see the new rows on their next query, but a :class:`Lexicon`
caches its source list, so open a new one to get the new source names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from . import dictd_pack, kaikki, stardict, store, tsv, wikdict
from .base import PackEntry
from .iso639 import ISO639_1

Reader = Callable[[Path, str | None], Iterator[PackEntry]]
FORMATS: dict[str, tuple[Reader, str]] = {
    "wikdict": (wikdict.read, wikdict.LICENSE),
    "stardict": (stardict.read, stardict.LICENSE),
    "dictd": (dictd_pack.read, dictd_pack.LICENSE),
    "kaikki": (kaikki.read, kaikki.LICENSE),
    "tsv": (tsv.read, tsv.LICENSE),
}
SUPPORTED = ", ".join(FORMATS)


@dataclass(frozen=True)
class PackReport:
    pack: str  # file name
    format: str
    languages: tuple[store.LanguageCount, ...]
    lexicon_version: str

    @property
    def added(self) -> int:
        return sum(c.added for c in self.languages)


def detect_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".ifo", ".idx", ".idx.gz", ".syn")) or (
        name.endswith((".dict", ".dict.dz")) and stardict.ifo_for(path).exists()
    ):
        return "stardict"
    if name.endswith((".index", ".dict", ".dict.dz")):
        return "dictd"
    if name.endswith((".jsonl", ".json", ".jsonl.gz", ".json.gz")):
        return "kaikki"
    if name.endswith((".tsv", ".tab")):
        return "tsv"
    if name.endswith((".sqlite3", ".sqlite", ".db")) or wikdict.is_wikdict(path):
        return "wikdict"
    with path.open("rb") as fh:
        head = fh.read(4096).lstrip()
    if head.startswith(b"{"):
        return "kaikki"
    if b"\t" in head:
        return "tsv"
    raise InvalidInput(
        f"Unknown dictionary format for {path.name}; supported formats: {SUPPORTED}.", field="pack"
    )


def import_pack(
    lexicon_path: Path,
    pack_path: Path,
    *,
    lang: str | None = None,
    source_name: str | None = None,
    license: str | None = None,
) -> PackReport:
    """Merge one pack into the lexicon file; importing it again adds nothing."""
    pack_path, code = Path(pack_path), _check_lang(lang)
    if not pack_path.is_file():
        raise InvalidInput(f"Pack file not found: {pack_path.name}", field="pack")
    fmt = detect_format(pack_path)
    reader, default_license = FORMATS[fmt]
    name = source_name or f"pack-{_stem(pack_path)}"
    conn = store.open_for_merge(Path(lexicon_path))
    try:
        with conn:  # one transaction: a failed import leaves the file as it was
            counts = [
                store.merge_language(
                    conn,
                    entries,
                    _name(name, lg, code),
                    lg,
                    store.file_digest(pack_path),
                    license or default_license,
                )
                for lg, entries in _by_language(reader(pack_path, code))
            ]
            version = store.refresh_version(conn)
    finally:
        conn.close()
    return PackReport(pack_path.name, fmt, tuple(counts), version)


def _check_lang(lang: str | None) -> str | None:
    if lang is None:
        return None
    code = lang.strip().lower()
    if code not in ISO639_1 or code == "en":
        raise InvalidInput(
            f"Unknown language code {lang!r}: use a two-letter ISO 639-1 code other than 'en'.", field="lang"
        )
    return code


def _by_language(entries: Iterable[PackEntry]) -> Iterator[tuple[str, list[PackEntry]]]:
    """Entries grouped by language (a kaikki file mixes them), in file order within one."""
    buckets: dict[str, list[PackEntry]] = {}
    for entry in entries:
        buckets.setdefault(entry.lang, []).append(entry)
    yield from sorted(buckets.items())


def _name(name: str, lang: str, requested: str | None) -> str:
    """One source per (pack, language); a single-language pack keeps the plain name."""
    return name if requested or name.endswith(f"-{lang}") else f"{name}-{lang}"


def _stem(path: Path) -> str:
    return path.name.split(".")[0].lower()


__all__ = ["FORMATS", "PackReport", "detect_format", "import_pack"]
