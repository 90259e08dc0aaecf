"""Features of a word for the CEFR word-level model.

Corpus frequency (wordfreq), shape (length, syllables) and morphology (the level and frequency of
an easier base word the word is derived from or composed of) generalise beyond the word list. The
lexicon passed in is the only input from our list, so training can use a lexicon of the training
split and run time the full shipped lexicon. The cefrpy features (cefrpy_feature.py) are an outside
table, gated by frequency.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from lemminflect import getAllInflections
from wordfreq import zipf_frequency

from vocabsphere.core.levels.cefrpy_feature import CEFRPY_FEATURE_NAMES, cefrpy_features

# Open classes get their own indicator; closed classes share "other".
_POS_GROUPS: dict[str, str] = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB"}
_POS_GROUPS |= {"ADJ": "ADJ", "ADV": "ADV"}

FEATURE_NAMES: tuple[str, ...] = (
    "zipf",
    "lemma_zipf",
    "length",
    "syllables",
    "n_tokens",
    "hyphen",
    "pos_noun",
    "pos_verb",
    "pos_adj",
    "pos_adv",
    "has_base",
    "base_level",
    "base_zipf",
    "zipf_gain",
    "n_affixes",
    "has_parts",
    "parts_level",
    "parts_min_zipf",
    *CEFRPY_FEATURE_NAMES,
)

# (suffix, replacements for the stripped stem); longer suffixes first so "iness" beats "ness".
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("ize",)),
    ("isation", ("ise", "ize")),
    ("ability", ("able",)),
    ("ibility", ("ible",)),
    ("fulness", ("ful",)),
    ("iness", ("y",)),
    ("ation", ("ate", "e", "")),
    ("ition", ("", "e")),
    ("ically", ("ic", "ical")),
    ("ality", ("al",)),
    ("ness", ("",)),
    ("ment", ("",)),
    ("ship", ("",)),
    ("hood", ("",)),
    ("less", ("",)),
    ("ward", ("",)),
    ("wise", ("",)),
    ("sion", ("de", "d", "se", "t")),
    ("ion", ("", "e")),
    ("ity", ("", "e")),
    ("able", ("", "e")),
    ("ible", ("", "e")),
    ("iful", ("y",)),
    ("ful", ("",)),
    ("ious", ("y", "")),
    ("ous", ("", "e", "y")),
    ("ive", ("", "e")),
    ("ical", ("ic", "y")),
    ("ial", ("y", "")),
    ("al", ("", "e")),
    ("ize", ("", "e", "y")),
    ("ise", ("", "e", "y")),
    ("ism", ("", "e")),
    ("ist", ("", "e", "y")),
    ("ian", ("", "y", "e")),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("ant", ("", "e")),
    ("ent", ("", "e")),
    ("ier", ("y",)),
    ("er", ("", "e")),
    ("or", ("", "e")),
    ("ee", ("", "e")),
    ("ery", ("", "e")),
    ("dom", ("",)),
    ("ish", ("", "e")),
    ("ily", ("y",)),
    ("ly", ("", "le", "e")),
    ("ing", ("", "e")),
    ("ied", ("y",)),
    ("ed", ("", "e")),
    ("en", ("", "e")),
    ("ic", ("", "y", "e")),
    ("y", ("", "e")),
    ("ure", ("", "e")),
)
_PREFIXES: tuple[str, ...] = (
    "counter",
    "under",
    "inter",
    "super",
    "multi",
    "over",
    "anti",
    "post",
    "semi",
    "fore",
    "self",
    "non",
    "mis",
    "dis",
    "pre",
    "sub",
    "out",
    "un",
    "re",
    "in",
    "im",
    "il",
    "ir",
    "en",
    "de",
    "co",
    "up",
)
_MIN_STEM = 3
_REAL_WORD_ZIPF = 3.0  # an unlisted candidate base must be at least this common to count


@dataclass(frozen=True)
class Lexicon:
    """Known words: lower-cased word -> {UPOS: lowest level 1..6}."""

    entries: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[str, str, int]]) -> Lexicon:
        table: dict[str, dict[str, int]] = {}
        for word, upos, level in triples:
            senses = table.setdefault(word.lower(), {})
            senses[upos] = min(level, senses.get(upos, level))
        return cls(table)

    def level(self, word: str, upos: str | None = None, *, strict: bool = False) -> int | None:
        """Lowest level of `word` for `upos`, else (unless strict) across all POS; None if unknown."""
        senses = self.entries.get(word.lower())
        if not senses:
            return None
        if upos is not None and (strict or upos in senses):
            return senses.get(upos)
        return min(senses.values())


def normalise(text: str) -> str:
    """NFC, typographic apostrophes to ASCII, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).lower()


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def lemma_zipf(lemma: str, upos: str) -> float:
    """Zipf frequency of the lemma with all its inflected forms, so verbs are not undercounted."""
    forms = {lemma}
    for variants in getAllInflections(lemma, upos=upos).values():
        forms.update(variants)
    total = sum(10.0 ** zipf(form) for form in forms if zipf(form) > 0)
    return math.log10(total) if total > 0 else 0.0


def count_syllables(word: str) -> int:
    """Vowel-group heuristic: good enough as a length-of-word signal, no dictionary needed."""
    total = 0
    for token in re.split(r"[\s\-]+", word.lower()):
        letters = re.sub(r"[^a-z]", "", token)
        if not letters:
            continue
        n = len(re.findall(r"[aeiouy]+", letters))
        if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and n > 1:
            n -= 1
        total += max(1, n)
    return max(1, total)


def _strip_once(word: str) -> set[tuple[str, int]]:
    """Candidate bases (with affix count 1) from removing one suffix or prefix."""
    out: set[tuple[str, int]] = set()
    for suffix, replacements in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < _MIN_STEM:
            continue
        stems = {stem, stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else {stem}
        out.update((s + r, 1) for s in stems for r in replacements)
    for prefix in _PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= _MIN_STEM:
            out.add((rest, 1))
    out.discard((word, 1))
    return out


def _derivation_bases(word: str, lexicon: Lexicon) -> list[tuple[str, int]]:
    """Real-word bases reachable by stripping up to two affixes, with the number stripped."""
    found: dict[str, int] = {}
    frontier = _strip_once(word)
    for depth in (1, 2):
        next_frontier: set[tuple[str, int]] = set()
        for base, _ in frontier:
            if base in found:
                continue
            if lexicon.level(base) is not None or zipf(base) >= _REAL_WORD_ZIPF:
                found[base] = depth
            if depth == 1:
                next_frontier.update(_strip_once(base))
        frontier = next_frontier
    return list(found.items())


def _base_features(word: str, lexicon: Lexicon) -> list[float]:
    """has_base, base_level, base_zipf, zipf_gain, n_affixes of the easiest derivation base."""
    if " " in word or "-" in word:
        return [0.0, 0.0, 0.0, 0.0, 0.0]
    bases = _derivation_bases(word, lexicon)
    if not bases:
        return [0.0, 0.0, 0.0, 0.0, 0.0]
    listed = [lv for b, _ in bases if (lv := lexicon.level(b)) is not None]
    level = float(min(listed)) if listed else 0.0
    best_zipf, best_n = max((zipf(b), -n) for b, n in bases)
    return [1.0, level, best_zipf, best_zipf - zipf(word), float(-best_n)]


def _split_compound(word: str, lexicon: Lexicon) -> list[str]:
    """Parts of a spaced/hyphenated word, or the best two-way split of a closed compound."""
    parts = [p for p in re.split(r"[\s\-/]+", word) if p]
    if len(parts) > 1:
        return parts
    best: tuple[float, list[str]] = (0.0, [])
    for i in range(_MIN_STEM, len(word) - _MIN_STEM + 1):
        left, right = word[:i], word[i:]
        if lexicon.level(left) is None or lexicon.level(right) is None:
            continue
        score = min(zipf(left), zipf(right))
        if score > best[0]:
            best = (score, [left, right])
    return best[1]


def _parts_features(word: str, lexicon: Lexicon) -> list[float]:
    """has_parts, hardest listed part's level, rarest part's Zipf."""
    parts = _split_compound(word, lexicon)
    if not parts:
        return [0.0, 0.0, 0.0]
    levels = [lexicon.level(p) for p in parts]
    known = [lv for lv in levels if lv is not None]
    return [1.0, float(max(known)) if known else 0.0, min(zipf(p) for p in parts)]


def word_features(variants: Iterable[str], upos: str, lexicon: Lexicon) -> list[float]:
    """Feature vector (see FEATURE_NAMES) of a word given as one or more spelling variants."""
    forms = [normalise(v) for v in variants if normalise(v)]
    if not forms:
        raise ValueError("word has no non-empty spelling")
    word = max(forms, key=zipf)  # the most common spelling speaks for the word
    group = _POS_GROUPS.get(upos, "OTHER")
    pos = [float(group == g) for g in ("NOUN", "VERB", "ADJ", "ADV")]
    shape = [
        zipf(word),
        lemma_zipf(word, upos if group != "OTHER" else "NOUN"),
        float(len(re.sub(r"[\s\-.']", "", word))),
        float(count_syllables(word)),
        float(len(word.split())),
        float("-" in word),
    ]
    gated = cefrpy_features(word, upos, shape[0])
    return shape + pos + _base_features(word, lexicon) + _parts_features(word, lexicon) + gated
