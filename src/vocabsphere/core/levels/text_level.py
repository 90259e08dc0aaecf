"""CEFR level (A1..C2) of an English text, with the features behind it.

``text_level(text)`` normalises the text (NFKC, straight quotes, '-' dashes, collapsed spaces),
parses it with VocabSphere's pipeline and scores it with a small linear model: a weighted sum of
standardised features (``text_features.py``) gives a raw score, and five cut points map it
piecewise-linearly to the continuous scale 1.0 = A1 ... 6.0 = C2 (cut k lands on k + 1.5, so
rounding the score gives the level). The weights, feature means/scales and cut points live in
``vocabsphere/models/text_level/model.json`` (trained by ``training/text_level/train.py``).

Long input is bounded: only the first ``MAX_CHARS`` characters (cut at a paragraph or sentence
end) are parsed and only the first ``MAX_WORDS`` words (whole sentences) are analysed;
``TextLevel.truncated`` is True when anything was left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.levels.cefr import LEVELS
from vocabsphere.core.levels.readability import normalise_text
from vocabsphere.core.levels.text_features import (
    MAX_WORDS,
    TextFeatures,
    extract_features,
    grammar_detector,
)
from vocabsphere.core.levels.word_level import level_of_score
from vocabsphere.core.text import load_pipeline

__all__ = [
    "MAX_CHARS",
    "MAX_WORDS",
    "InvalidText",
    "TextLevel",
    "TextLevelModel",
    "load_text_model",
    "model_from_json",
    "parse_texts",
    "text_level",
    "text_level_of_doc",
    "text_levels",
]

MAX_CHARS = 120_000  # characters parsed per text (about 20k words of news); see module docstring
_BATCH_SIZE = 16


class InvalidText(InvalidInput, ValueError):
    """Text that cannot be levelled (not a string, empty, or without a single word)."""


@dataclass(frozen=True, slots=True)
class TextLevel:
    """A text's level, continuous score and the features behind it."""

    level: str  # "A1".."C2"
    score: float  # 1.0 = A1 ... 6.0 = C2
    features: TextFeatures
    share_above_level: float  # share of content words whose level is above `level`
    truncated: bool  # only the first part of a long text was analysed
    model_version: str

    @property
    def word_count(self) -> int:
        return self.features.word_count

    @property
    def sentence_count(self) -> int:
        return self.features.sentence_count

    @property
    def fkgl(self) -> float:
        return self.features.fkgl

    @property
    def vocab_profile(self) -> dict[str, float]:
        """Share of content words per CEFR band."""
        return dict(zip(LEVELS, self.features.vocab_profile, strict=True))


@dataclass(frozen=True, slots=True)
class TextLevelModel:
    """Linear model over standardised features, then a piecewise-linear map to 1..6."""

    version: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    cuts: tuple[float, ...]
    lexicon: Mapping[str, float]  # style lexicon: word -> weight (feature "style_score")

    def raw(self, inputs: dict[str, float]) -> float:
        total = self.bias
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            total += w * (inputs[name] - mu) / sd
        return total

    def score(self, inputs: dict[str, float]) -> float:
        return calibrate(self.raw(inputs), self.cuts)


def calibrate(raw: float, cuts: Sequence[float]) -> float:
    """Map a raw score to 1..6 so that cut k lands on k + 1.5; linear between cuts, clipped."""
    if raw < cuts[0]:
        value = 1.5 - (cuts[0] - raw) / (cuts[1] - cuts[0])
    elif raw >= cuts[-1]:
        value = len(cuts) + 0.5 + (raw - cuts[-1]) / (cuts[-1] - cuts[-2])
    else:
        k = max(i for i, cut in enumerate(cuts) if cut <= raw)
        value = k + 1.5 + (raw - cuts[k]) / (cuts[k + 1] - cuts[k])
    return min(6.0, max(1.0, value))


def model_from_json(data: Mapping[str, Any]) -> TextLevelModel:
    """The model from its JSON form (see vocabsphere/models/text_level/README.md)."""
    return TextLevelModel(
        version=str(data["version"]),
        features=tuple(data["features"]),
        mean=tuple(float(v) for v in data["mean"]),
        scale=tuple(float(v) for v in data["scale"]),
        weights=tuple(float(v) for v in data["weights"]),
        bias=float(data["bias"]),
        cuts=tuple(float(v) for v in data["cuts"]),
        lexicon={str(k): float(v) for k, v in data.get("style_lexicon", {}).items()},
    )


@lru_cache(maxsize=1)
def load_text_model() -> TextLevelModel:
    """The shipped model (read once per process)."""
    path = resources.files("vocabsphere.models").joinpath("text_level", "model.json")
    model = model_from_json(json.loads(path.read_text("utf-8")))
    uses_grammar = any(name.startswith("grammar_") for name in model.features)
    if uses_grammar and grammar_detector() is None:
        raise RuntimeError("text-level model needs vocabsphere.core.levels.grammar, which is missing")
    return model


def _bounded_text(text: object) -> tuple[str, bool]:
    if not isinstance(text, str):
        raise InvalidText("text must be a string", field="text")
    truncated = len(text) > MAX_CHARS
    if truncated:
        head = text[:MAX_CHARS]
        cut = max(head.rfind("\n"), head.rfind(". "))
        text = head[: cut + 1] if cut > MAX_CHARS // 2 else head
    clean = normalise_text(text)
    if not any(ch.isalnum() for ch in clean):
        raise InvalidText("text is empty: it has no words to level", field="text")
    return clean, truncated


def parse_texts(texts: Sequence[str]) -> Iterator[tuple[Doc, bool]]:
    """Normalised, bounded and parsed texts (batched), each with its `truncated` flag.

    Every text is validated before parsing starts, so bad input fails fast.
    """
    prepared = [_bounded_text(text) for text in texts]
    nlp = load_pipeline()
    docs = nlp.pipe((clean for clean, _ in prepared), batch_size=_BATCH_SIZE)
    for doc, (_, truncated) in zip(docs, prepared, strict=True):
        yield doc, truncated


def text_level_of_doc(
    doc: Doc, *, truncated: bool = False, grammar: Iterable[Any] | None = None
) -> TextLevel:
    """Level of an already parsed text (a Doc from ``load_pipeline()``).

    The Doc should come from normalised text (``readability.normalise_text``, as ``parse_texts``
    does) to match training. ``grammar``: the grammar points already found in ``doc``, if any.
    """
    model = load_text_model()
    features = extract_features(doc, MAX_WORDS, model.lexicon, grammar)
    if features.word_count == 0:
        raise InvalidText("text is empty: it has no words to level", field="text")
    score = model.score(features.model_inputs())
    level = level_of_score(score)
    return TextLevel(
        level=level,
        score=round(score, 3),
        features=features,
        share_above_level=round(features.share_from(LEVELS.index(level) + 1), 4),
        truncated=truncated or features.truncated,
        model_version=model.version,
    )


def text_level(text: str) -> TextLevel:
    """CEFR level of an English text; raises InvalidText (a ValueError) for empty input."""
    return text_levels([text])[0]


def text_levels(texts: Sequence[str]) -> list[TextLevel]:
    """Levels of many texts, parsed in batches with ``nlp.pipe``."""
    return [text_level_of_doc(doc, truncated=cut) for doc, cut in parse_texts(texts)]
