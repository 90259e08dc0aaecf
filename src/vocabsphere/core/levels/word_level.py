"""CEFR level (A1..C2) of a word given its lemma and Universal Dependencies POS tag.

Look-up order: (1) words of the CEFR-J / Octanove list get their listed level (lowest sense for
that POS, else for any POS); (2) non-vocabulary tags (PROPN, NUM, PUNCT, SYM, X) match only list
entries of the same kind and otherwise get a neutral A1, so they never raise a text's level;
(3) anything else gets a level from small gradient-boosted tree models over frequency, shape and
morphology features (see word_features.py); the cefrpy package's level may move that estimate by
a bounded amount (GatedModel, cefrpy_feature.py), never act as a look-up.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from typing import Any, Literal, Protocol

from vocabsphere.core.levels.cefr import LEVELS
from vocabsphere.core.levels.cefrpy_feature import (
    CEFRPY_FEATURE_NAMES,
    RARE_FLOOR,
    neutral_features,
)
from vocabsphere.core.levels.cefrpy_feature import warm_up as warm_cefrpy
from vocabsphere.core.levels.word_features import (
    FEATURE_NAMES,
    Lexicon,
    normalise,
    word_features,
)

Source = Literal["list", "model", "name", "number", "symbol"]

UPOS_TAGS: frozenset[str] = frozenset(
    {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN"}
    | {"PUNCT", "SCONJ", "SYM", "VERB", "X"}
)
# Not vocabulary to learn: a known word keeps its list level (e.g. "Monday", "two"), others are A1.
_NEUTRAL: dict[str, Source] = {"PROPN": "name", "NUM": "number", "PUNCT": "symbol", "SYM": "symbol"}
_NEUTRAL["X"] = "symbol"  # UD X: foreign words, typos, URLs; not graded vocabulary

_MODEL_DIR = "word_level"
_BASE_LEVEL = FEATURE_NAMES.index("base_level")
_ZIPF = FEATURE_NAMES.index("zipf")
_CEFRPY_HAS = FEATURE_NAMES.index(CEFRPY_FEATURE_NAMES[0])  # the cefrpy block ends the vector
MAX_ABOVE_BASE = 2.0  # levels a derived word may sit above its listed base


@dataclass(frozen=True, slots=True)
class WordLevel:
    """A word's CEFR level, its continuous score (1.0 = A1 ... 6.0 = C2) and where it came from."""

    level: str
    score: float
    source: Source


@dataclass(frozen=True, slots=True)
class _Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, x: Sequence[float]) -> float:
        node = 0
        while self.left[node] != -1:  # sklearn marks leaves with child -1
            node = self.left[node] if x[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]


@dataclass(frozen=True, slots=True)
class LevelModel:
    """Boosted regression trees giving a raw score, and five cut points mapping it to levels."""

    init: float
    cuts: tuple[float, ...]
    trees: tuple[_Tree, ...]

    def raw(self, x: Sequence[float]) -> float:
        # scikit-learn trees compare float32 inputs; round the same way or splits can flip.
        x32 = array("f", x)
        return self.init + sum(tree.predict(x32) for tree in self.trees)

    def score(self, x: Sequence[float]) -> float:
        """Calibrated score in [1, 6]: cut point k maps to k + 0.5, so rounding gives the level."""
        return _calibrate(self.raw(x), self.cuts)


@dataclass(frozen=True, slots=True)
class GatedModel:
    """A frequency/shape/morphology model, and one that also sees cefrpy, bounded around it.

    cefrpy's table copies the word list's labels (so it scores well on held-out list words) but is
    noisy off the list, where the model actually runs. So cefrpy may only move the first model's
    estimate by `max_shift` levels, and a rare word (Zipf < `rare_zipf`) may not go below B2 on
    cefrpy's word alone. A word cefrpy does not know gets the first model's estimate unchanged.
    """

    base: LevelModel
    full: LevelModel
    max_shift: float
    rare_zipf: float


def _calibrate(raw: float, cuts: Sequence[float]) -> float:
    if raw < cuts[0]:
        value = 1.5 - (cuts[0] - raw)
    elif raw >= cuts[-1]:
        value = len(cuts) + 0.5 + (raw - cuts[-1])
    else:
        k = max(i for i, cut in enumerate(cuts) if cut <= raw)
        value = k + 1.5 + (raw - cuts[k]) / (cuts[k + 1] - cuts[k])
    return min(6.0, max(1.0, value))


def level_of_score(score: float) -> str:
    """Level "A1".."C2" of a score in [1, 6]; half-way points round up."""
    return LEVELS[min(6, max(1, math.floor(score + 0.5))) - 1]


def _read_text(name: str) -> str:
    return resources.files("vocabsphere.models").joinpath(_MODEL_DIR, name).read_text("utf-8")


@lru_cache(maxsize=1)
def load_model() -> GatedModel:
    data = json.loads(_read_text("model.json"))
    if tuple(data["features"]) != FEATURE_NAMES:
        raise RuntimeError("word-level model was trained on other features; retrain it")
    return GatedModel(
        level_model_from_json(data["base"]),
        level_model_from_json(data["full"]),
        float(data["max_shift"]),
        float(data["rare_zipf"]),
    )


def level_model_from_json(data: Mapping[str, Any]) -> LevelModel:
    """A LevelModel from model.json's fields (train.py also uses it for in-memory models)."""
    trees = tuple(
        _Tree(*(tuple(t[k]) for k in ("feature", "threshold", "left", "right", "value")))
        for t in data["trees"]
    )
    return LevelModel(float(data["init"]), tuple(data["cuts"]), trees)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped known-word table (word, UPOS, lowest level)."""
    lines = _read_text("known_words.tsv").splitlines()[1:]  # skip the header
    return Lexicon.from_triples((w, u, int(lv)) for w, u, lv in (ln.split("\t") for ln in lines))


def estimate(variants: Iterable[str], upos: str, lexicon: Lexicon) -> WordLevel:
    """Model estimate only (no list look-up), with `lexicon` supplying base-word levels."""
    score = score_features(load_model(), word_features(variants, upos, lexicon))
    return WordLevel(level_of_score(score), score, "model")


def score_features(model: GatedModel, features: Sequence[float]) -> float:
    """Calibrated score of a feature vector (see GatedModel)."""
    base = model.base.score([*features[:_CEFRPY_HAS], *neutral_features(features[_ZIPF])])
    score = base
    if features[_CEFRPY_HAS] > 0:
        score = min(max(model.full.score(features), base - model.max_shift), base + model.max_shift)
        if features[_ZIPF] < model.rare_zipf:
            # cefrpy puts ~12 % of rare unlisted words at A1-A2 ("figment" A1): floor at B2
            # unless the estimate without cefrpy is itself lower (a listed base, a compound).
            score = max(score, min(RARE_FLOOR, base))
    base_level = features[_BASE_LEVEL]
    if base_level > 0:
        # A derived word stays near its listed base (on dev: +1 level on average, rarely > +2).
        score = min(score, base_level + MAX_ABOVE_BASE)
    return round(score, 3)  # round first so level_of_score(result.score) == result.level


def _validate(lemma: object, pos: object) -> tuple[str, str]:
    if not isinstance(lemma, str) or not isinstance(pos, str):
        raise ValueError("lemma and pos must be strings")
    word, upos = normalise(lemma), pos.strip().upper()
    if not word:
        raise ValueError("lemma is empty")
    if upos not in UPOS_TAGS:
        raise ValueError(f"unknown UPOS tag: {pos!r}")
    return word, upos


def assess_word(lemma: str, pos: str) -> WordLevel:
    """Level, score and source of a word; raises ValueError on an empty lemma or unknown tag."""
    return _assess(*_validate(lemma, pos))


class StoredLevels(Protocol):
    """Levels computed ahead by this very code (the lexicon build stores every WordNet word's)."""

    def stored_level(self, word: str, upos: str) -> WordLevel | None: ...


_stored: list[StoredLevels] = []  # at most one: the table of the lexicon this process opened


def use_stored_levels(table: StoredLevels | None) -> None:
    """Answer from ``table`` before rating a word (None: rate every word). Only for a table made
    under this ``level_fingerprint()``: its answers are then the ones rating would give, read in
    microseconds instead of the model's fraction of a millisecond per new word."""
    _stored[:] = [table] if table is not None else []
    _assess.cache_clear()


@lru_cache(maxsize=32768)
def _assess(word: str, upos: str) -> WordLevel:
    if _stored and (found := _stored[0].stored_level(word, upos)) is not None:
        return found
    return rate_word(word, upos)


def rate_word(word: str, upos: str) -> WordLevel:
    """``assess_word`` of a normalised word and tag, by the list and the model (no stored table)."""
    lexicon = load_lexicon()
    neutral = upos in _NEUTRAL
    # PROPN/NUM match only same-kind entries: "May" the month is listed; "Bush" is not the noun.
    spellings = dict.fromkeys((word, word.replace("-", " "), word.replace(" ", "-"), word.replace("-", "")))
    found = (lexicon.level(s, upos, strict=neutral) for s in spellings)  # "ice-cream" = "ice cream"
    listed = next((level for level in found if level is not None), None)
    if listed is not None:
        return WordLevel(LEVELS[listed - 1], float(listed), "list")
    if neutral:
        return WordLevel("A1", 1.0, _NEUTRAL[upos])
    return estimate([word], upos, lexicon)


def word_level(lemma: str, pos: str) -> str:
    """CEFR level "A1".."C2" of a lemma with a UPOS tag."""
    return assess_word(lemma, pos).level


def word_level_score(lemma: str, pos: str) -> float:
    """Continuous difficulty, 1.0 = A1 ... 6.0 = C2."""
    return assess_word(lemma, pos).score


# What a stored level depends on: the model, the word list, the feature code and the packages the
# features read. A table made under another fingerprint is not used (the words are rated instead).
_LEVEL_CODE = ("word_level.py", "word_features.py", "cefrpy_feature.py")
_LEVEL_PACKAGES = ("cefrpy", "lemminflect", "wordfreq")


@lru_cache(maxsize=1)
def code_shape(source: str) -> bytes:
    """What a module computes, without its layout: the syntax tree. Reformatting or a comment leaves
    the answers alone and must not make every lexicon ignore its stored levels."""
    return ast.dump(ast.parse(source)).encode()


def level_fingerprint() -> str:
    """Hash of everything ``rate_word`` depends on (see ``use_stored_levels``)."""
    digest = hashlib.blake2b(digest_size=8)
    models = resources.files("vocabsphere.models").joinpath(_MODEL_DIR)
    code = resources.files("vocabsphere.core.levels")
    for item in [models.joinpath("model.json"), models.joinpath("known_words.tsv")]:
        digest.update(item.read_bytes())
    for name in _LEVEL_CODE:
        digest.update(code_shape(code.joinpath(name).read_text(encoding="utf-8")))
    for package in _LEVEL_PACKAGES:
        digest.update(f"{package} {metadata.version(package)}".encode())
    return digest.hexdigest()


def warm_up() -> None:
    """Load the model, the word list and cefrpy's table (about a second) before the first word
    is rated, rather than in the middle of a request."""
    load_model()
    load_lexicon()
    warm_cefrpy()
