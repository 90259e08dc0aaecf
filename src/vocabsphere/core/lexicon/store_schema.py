"""SQLite schema of the lexicon file, plus the code tables shared by builder and look-up."""

from __future__ import annotations

import sqlite3

# Bump when a table or column changes meaning; readers refuse other versions.
SCHEMA_VERSION = 1
# Raised when what the builder keeps from the same sources changes (the file layout does not):
# it is part of the lexicon version and of the inputs fingerprint, so old files are rebuilt.
BUILD_RULES = 4  # 3: gloss vectors of the sense choice (gloss_vectors); 4: word levels (word_levels)

# Example sentences are stored in one column, joined by the ASCII unit separator.
EXAMPLE_SEP = "\x1f"

DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    lang TEXT, package TEXT, version TEXT, license TEXT NOT NULL, entries INTEGER NOT NULL);
CREATE TABLE languages(
    code TEXT PRIMARY KEY, name TEXT NOT NULL, entries INTEGER NOT NULL,
    source_ids TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE synsets(id INTEGER PRIMARY KEY, pos TEXT NOT NULL,
    definition TEXT NOT NULL, examples TEXT NOT NULL);
CREATE TABLE senses(lemma TEXT NOT NULL, pos TEXT NOT NULL, synset INTEGER NOT NULL,
    rank INTEGER NOT NULL, tag_count INTEGER NOT NULL, display TEXT NOT NULL,
    PRIMARY KEY(lemma, pos, synset)) WITHOUT ROWID;
CREATE TABLE relations(synset INTEGER NOT NULL, kind TEXT NOT NULL, target INTEGER NOT NULL,
    PRIMARY KEY(synset, kind, target)) WITHOUT ROWID;
CREATE TABLE derivations(lemma TEXT NOT NULL, pos TEXT NOT NULL,
    rel_lemma TEXT NOT NULL, rel_pos TEXT NOT NULL,
    PRIMARY KEY(lemma, pos, rel_lemma, rel_pos)) WITHOUT ROWID;
CREATE TABLE exceptions(form TEXT NOT NULL, pos TEXT NOT NULL, lemma TEXT NOT NULL,
    PRIMARY KEY(form, pos, lemma)) WITHOUT ROWID;
CREATE TABLE expressions(first TEXT NOT NULL, expression TEXT NOT NULL,
    length INTEGER NOT NULL, PRIMARY KEY(first, expression)) WITHOUT ROWID;
CREATE TABLE translations(lang TEXT NOT NULL, lemma TEXT NOT NULL, rank INTEGER NOT NULL,
    pos TEXT, text TEXT NOT NULL, source INTEGER NOT NULL, source_mask INTEGER NOT NULL,
    PRIMARY KEY(lang, lemma, rank)) WITHOUT ROWID;
CREATE TABLE pronunciations(word TEXT PRIMARY KEY, us TEXT, uk TEXT) WITHOUT ROWID;
CREATE TABLE gloss_vectors(synset INTEGER PRIMARY KEY, vector BLOB NOT NULL);
CREATE TABLE word_levels(word TEXT NOT NULL, pos TEXT NOT NULL, score REAL NOT NULL,
    source INTEGER NOT NULL, PRIMARY KEY(word, pos)) WITHOUT ROWID;
"""
# senses are also looked up by synset (synonyms of a sense).
INDEXES = "CREATE INDEX senses_by_synset ON senses(synset);"

# WordNet's one-letter POS codes; satellite adjectives ('s') are folded into 'a'.
WN_POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "r": "adverb"}
WN_POS_NUMBER = {"n": 1, "v": 2, "a": 3, "r": 4}

# Free-form POS labels (dictd tags, Apertium tags, UD/spaCy tags, CEFR-J) -> one vocabulary.
_POS_ALIASES = {
    "noun": (
        "n",
        "noun",
        "nn",
        "propn",
        "np",
        "pl",
        "sg",
        "masc",
        "fem",
        "neut",
        "m",
        "f",
        "nf",
        "nm",
        "nn2",
        "n pl",
    ),
    "verb": (
        "v",
        "verb",
        "vb",
        "vblex",
        "vbmod",
        "vbser",
        "vbhaver",
        "vaux",
        "vt",
        "vi",
        "aux",
        "vtr",
        "vintr",
        "modal auxiliary",
        "be-verb",
        "have-verb",
        "do-verb",
    ),
    "adjective": ("a", "s", "adj", "adjective", "jj"),
    "adverb": ("r", "adv", "adverb", "rb"),
    "preposition": ("prep", "pr", "adp", "preposition"),
    "pronoun": ("pron", "prn", "pronoun"),
    "determiner": ("det", "art", "determiner"),
    "conjunction": ("conj", "cnjcoo", "cnjsub", "cnjadv", "cconj", "sconj", "conjunction"),
    "number": ("num", "number", "numeral"),
    "interjection": ("ij", "intj", "interj", "interjection"),
}
POS_ALIASES: dict[str, str] = {alias: name for name, aliases in _POS_ALIASES.items() for alias in aliases}
NAME_TO_WN = {name: code for code, name in WN_POS_NAMES.items()}


def normalize_pos(label: str | None) -> str | None:
    """Map any POS label we meet to our vocabulary ('noun', 'verb', ...); None if unknown."""
    if not label:
        return None
    return POS_ALIASES.get(label.strip().lower().rstrip("."))


def wordnet_pos(label: str | None) -> str | None:
    """The WordNet letter for a POS label, or None when WordNet has no such POS."""
    name = normalize_pos(label)
    return NAME_TO_WN.get(name) if name else None


# FreeDict names languages by ISO 639-3; the API speaks ISO 639-1.
ISO3_TO_ISO1 = {
    "afr": "af",
    "ara": "ar",
    "bul": "bg",
    "ces": "cs",
    "cym": "cy",
    "dan": "da",
    "deu": "de",
    "ell": "el",
    "epo": "eo",
    "fin": "fi",
    "fra": "fr",
    "gle": "ga",
    "hin": "hi",
    "hrv": "hr",
    "hun": "hu",
    "ind": "id",
    "isl": "is",
    "ita": "it",
    "jpn": "ja",
    "kur": "ku",
    "lat": "la",
    "lit": "lt",
    "nld": "nl",
    "nor": "no",
    "pol": "pl",
    "por": "pt",
    "rus": "ru",
    "slk": "sk",
    "slv": "sl",
    "spa": "es",
    "srp": "sr",
    "swe": "sv",
    "swh": "sw",
    "tur": "tr",
}
LANGUAGE_NAMES = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "eo": "Esperanto",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ku": "Kurdish",
    "la": "Latin",
    "lt": "Lithuanian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "es": "Spanish",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "tr": "Turkish",
}
DEFAULT_LANGUAGES = ("de", "es", "ja", "fr", "it", "pt", "ru", "pl", "tr", "ar", "nl", "sv")

LICENSES = {
    "wordnet": "WordNet 3.0 license (Princeton, BSD-like)",
    "freedict": "GPL (FreeDict; see the package copyright file for the exact terms)",
    "trans": "GPL-2.0-or-later (Ding / trans-de-en)",
    "apertium": "GPL-2.0-or-later (Apertium)",
    "cmudict": "BSD-2-Clause (CMUdict)",
    "espeak": "GPL-3.0-or-later (eSpeak NG, generated transcriptions)",
}


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)


def create_indexes(conn: sqlite3.Connection) -> None:
    # Built after the bulk insert: cheaper than maintaining it row by row.
    conn.executescript(INDEXES)
