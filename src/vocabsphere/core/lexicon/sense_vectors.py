"""Static word vectors for the sense choice in the default install (no torch).

The vectors were distilled from all-MiniLM-L6-v2 by ``training/sense_vectors/train.py`` (each
frequent word encoded alone, PCA to 128 dimensions, int8) and ship as package data. A text's
vector is the rarity-weighted mean of its words' vectors; the cosine between a word's sentence
and a sense's gloss says what shared words cannot ("fired ... employees" and "terminate the
employment of"). Gloss vectors are cached per synset, so a tap computes one sentence vector.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS

from .lookup import Sense

__all__ = ["MODEL_VERSION", "StaticVectors", "load_static_vectors"]

_DIR = "sense_vectors"
_WORD = re.compile(r"[A-Za-z]+")
Vector = NDArray[np.float32]
Rows = tuple[tuple[int, ...], tuple[float, ...]]  # vector rows of a text's words, and their weights


def _read(name: str) -> bytes:
    return resources.files("vocabsphere.models").joinpath(_DIR, name).read_bytes()


MODEL_VERSION: str = json.loads(_read("meta.json"))["version"]


class StaticVectors:
    def __init__(self, words: Sequence[str], vectors: Vector, weight: Callable[[str], float]) -> None:
        # stop words never count, so they are left out of the index once, not checked per word
        self._index = {w: i for i, w in enumerate(words) if w not in STOP_WORDS}
        self._vectors = vectors
        self._weight = weight  # rarer words carry more of a text's meaning

    def rows(self, words: Iterable[str], skip: Iterable[str] = ()) -> Rows:
        """Vector rows and weights of the known content words."""
        left_out = [s.lower() for s in skip]
        rows: list[int] = []
        weights: list[float] = []
        for word in words:
            low = word.lower()
            row = self._index.get(low)
            if row is not None and low not in left_out:
                rows.append(row)
                weights.append(self._weight(low))
        return tuple(rows), tuple(weights)

    def row(self, word: str) -> int | None:
        """The word's row in :meth:`matrix` (None for unknown and stop words)."""
        return self._index.get(word.lower())

    def matrix(self) -> Vector:
        return self._vectors

    def words(self) -> tuple[str, ...]:
        """Word of each row ("" for the stop words, which are never matched)."""
        out = [""] * len(self._vectors)
        for word, row in self._index.items():
            out[row] = word
        return tuple(out)

    def text_vector(self, words: Iterable[str], skip: Iterable[str] = ()) -> Vector | None:
        """Unit-length weighted mean of the known content words, None when there is none."""
        rows, weights = self.rows(words, skip)
        if not rows:
            return None
        mean = np.asarray(weights, dtype=np.float32) @ self._vectors[list(rows)]
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else None

    def similarities(self, context: Sequence[str], senses: Sequence[Sense], lemma: str) -> dict[str, float]:
        """Cosine of the context words with each sense's gloss, examples and hypernym names,
        all senses in one matrix product (a tap on "run" ranks 40 senses)."""
        anchor = self.text_vector(context, (lemma,))
        if anchor is None:
            return {}
        ids: list[str] = []
        starts: list[int] = []
        rows: list[int] = []
        weights: list[float] = []
        for sense in senses:
            sense_rows, sense_weights = _gloss_rows(self, sense, lemma)
            if sense_rows:
                ids.append(sense.synset_id)
                starts.append(len(rows))
                rows.extend(sense_rows)
                weights.extend(sense_weights)
        if not ids:
            return {}
        weighted = self._vectors[rows] * np.asarray(weights, dtype=np.float32)[:, None]
        sums = np.add.reduceat(weighted, starts, axis=0)
        norms = np.linalg.norm(sums, axis=1)
        cosines = (sums @ anchor) / np.where(norms > 0, norms, 1.0)
        return {sid: float(c) for sid, c in zip(ids, cosines, strict=True)}


@lru_cache(maxsize=50_000)  # a word's senses recur from tap to tap
def _gloss_rows(vectors: StaticVectors, sense: Sense, lemma: str) -> Rows:
    text = " ".join((sense.definition, *sense.examples, *sense.hypernyms))
    return vectors.rows(_WORD.findall(text), (lemma, *lemma.split()))


@lru_cache(maxsize=1)
def load_static_vectors() -> StaticVectors:
    """The process's vectors (about 5 MB, loaded once), words weighted by the Lesk overlap's
    rarity so both signals read a sentence alike."""
    from .sense_ranking import rarity  # sense_ranking imports this module

    codes = np.load(io.BytesIO(_read("vectors.npy")))
    scale = np.load(io.BytesIO(_read("scale.npy")))
    words = _read("words.txt").decode("utf-8").split()
    return StaticVectors(words, (codes.astype(np.float32) * scale[:, None]).astype(np.float32), rarity)
