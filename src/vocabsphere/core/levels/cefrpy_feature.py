"""The cefrpy package's word levels as gated model features.

cefrpy (MIT) ships a (word, Penn tag) -> level table whose source is not documented. It agrees with
the CEFR-J list on most listed words but is unreliable on words outside it (e.g. "tenacious" A1;
most unlisted words are C2), so it is never used as a look-up: a model sees its level next to
what frequency alone predicts, and word_level.GatedModel bounds how far it may move the estimate.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Protocol

CEFRPY_FEATURE_NAMES: tuple[str, ...] = (
    "cefrpy_has",
    "cefrpy_has_pos",
    "cefrpy_pos_level",
    "cefrpy_min_level",
    "cefrpy_gap",
)
RARE_FLOOR = 4.0  # B2: the lowest level cefrpy alone may give a rare word

# UPOS -> the Penn Treebank tags cefrpy keys its table by.
_PENN: Mapping[str, tuple[str, ...]] = {
    "NOUN": ("NN", "NNS"),
    "PROPN": ("NNP", "NNPS", "NN"),
    "VERB": ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG"),
    "AUX": ("MD", "VB", "VBP", "VBZ", "VBD"),
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS", "WRB"),
    "ADP": ("IN", "RP"),
    "SCONJ": ("IN", "WRB"),
    "CCONJ": ("CC",),
    "DET": ("DT", "WDT", "PRP"),
    "PRON": ("PRP", "WP", "DT"),
    "NUM": ("CD",),
    "PART": ("TO", "RP", "RB"),
    "INTJ": ("UH",),
}
# Level expected from frequency alone: a least-squares line on the training split (train.py
# prints the refit); the gap to cefrpy's level is what tells the trees whether cefrpy is plausible.
_FREQ_INTERCEPT = 7.28
_FREQ_SLOPE = -0.978


class _Analyzer(Protocol):
    def get_pos_level_dict_for_word(
        self, word: str, pos_tag_as_string: bool = ..., word_level_as_float: bool = ...
    ) -> Mapping[str, float]: ...


@lru_cache(maxsize=1)
def _analyzer() -> _Analyzer:
    # Imported on first use: loading its table takes ~0.2-0.3 s, so only processes that grade words pay.
    from cefrpy import CEFRAnalyzer

    analyzer: _Analyzer = CEFRAnalyzer()
    return analyzer


def warm_up() -> None:
    """Load cefrpy's table now (0.3 s to seconds on a busy machine), not at the first rated word."""
    _analyzer()


@lru_cache(maxsize=65536)
def cefrpy_table(word: str) -> tuple[tuple[str, float], ...]:
    """cefrpy's (Penn tag, level 1.0..6.0) pairs for a lower-cased word; empty if it has none."""
    try:
        levels = _analyzer().get_pos_level_dict_for_word(
            word, pos_tag_as_string=True, word_level_as_float=True
        )
    except IndexError:  # cefrpy's search runs off its table for a few words ("uvulopalatopharyngoplasty")
        return ()
    return tuple(sorted((str(tag), float(level)) for tag, level in levels.items()))


def frequency_level(zipf: float) -> float:
    """Level (1..6) that Zipf frequency alone predicts."""
    return min(6.0, max(1.0, _FREQ_INTERCEPT + _FREQ_SLOPE * zipf))


def cefrpy_levels(word: str, upos: str) -> tuple[float | None, float | None]:
    """(level for this UPOS, lowest level over all its tags); None where cefrpy has no entry."""
    table = dict(cefrpy_table(word))
    if not table:
        return None, None
    tagged = [table[t] for t in _PENN.get(upos, ()) if t in table]
    return (min(tagged) if tagged else None), min(table.values())


def neutral_features(zipf: float) -> list[float]:
    """The block for a word cefrpy does not know: its levels imputed from frequency, gap 0.

    Imputing (rather than 0) keeps "no entry" out of the trees' easy end, so a masked word is
    judged on its other features.
    """
    expected = frequency_level(zipf)
    return [0.0, 0.0, expected, expected, 0.0]


def cefrpy_features(word: str, upos: str, zipf: float) -> list[float]:
    """has entry, has entry for this POS, level for the POS, lowest level, frequency level - level."""
    pos_level, min_level = cefrpy_levels(word, upos)
    if min_level is None:
        return neutral_features(zipf)
    expected = frequency_level(zipf)
    level = pos_level if pos_level is not None else min_level
    has_pos = float(pos_level is not None)
    return [1.0, has_pos, pos_level if pos_level is not None else expected, min_level, expected - level]
