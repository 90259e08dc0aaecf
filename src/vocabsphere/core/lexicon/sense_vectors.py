"""Static word vectors for the sense choice in the default install (no torch).

The vectors were distilled from all-MiniLM-L6-v2 by ``training/sense_vectors/train.py`` (each
frequent word encoded alone, PCA to 128 dimensions, int8) and ship as package data. A text's
vector is the rarity-weighted mean of its words' vectors; the cosine between a word's sentence
and a sense's gloss says what shared words cannot ("fired ... employees" and "terminate the
employment of"). The lexicon stores each synset's gloss sum (:mod:`.gloss_vector_stage`), so a
tap computes one sentence vector and subtracts the looked-up word from the stored sums; a
lexicon without them (or from another model) gets them built on the tap, cached per sense.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS

from .lookup import Lexicon, Sense

__all__ = [
    "GLOSS_VECTORS_KEY",
    "MODEL_VERSION",
    "StaticVectors",
    "gloss_text",
    "gloss_words",
    "load_static_vectors",
    "stored_gloss_sums",
]

_DIR = "sense_vectors"
_WORD = re.compile(r"[A-Za-z]+")
Vector = NDArray[np.float32]
Rows = tuple[tuple[int, ...], tuple[float, ...]]  # vector rows of a text's words, and their weights


def _read(name: str) -> bytes:
    return resources.files("vocabsphere.models").joinpath(_DIR, name).read_bytes()


MODEL_VERSION: str = json.loads(_read("meta.json"))["version"]
GLOSS_VECTORS_KEY = "gloss_vectors_model"  # lexicon meta: the model the stored gloss sums come from


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

    @property
    def words(self) -> tuple[str, ...]:
        """The content words that have a vector."""
        return tuple(self._index)

    def weighted_sum(self, words: Iterable[str], skip: Iterable[str] = ()) -> Vector | None:
        """Rarity-weighted sum of the known content words' vectors, None when there is none."""
        rows, weights = self.rows(words, skip)
        if not rows:
            return None
        total: Vector = np.asarray(weights, dtype=np.float32) @ self._vectors[list(rows)]
        return total

    def row(self, word: str) -> int | None:
        """The word's row in :meth:`matrix` (None for unknown and stop words)."""
        return self._index.get(word.lower())

    def matrix(self) -> Vector:
        return self._vectors

    def row_words(self) -> tuple[str, ...]:
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

    def similarities(
        self,
        context: Sequence[str],
        senses: Sequence[Sense],
        lemma: str,
        stored: Mapping[str, Vector] | None = None,
    ) -> dict[str, float]:
        """Cosine of the context words with each sense's gloss, examples and hypernym names,
        all senses in one matrix product (a tap on "run" ranks 40 senses). ``stored``: gloss
        sums by synset from the lexicon; the looked-up word's own rows are taken out of them."""
        anchor = self.text_vector(context, (lemma,))
        if anchor is None:
            return {}
        skip = (lemma.lower(), *lemma.lower().split())
        ids: list[str] = []
        sums: list[Vector] = []
        for sense in senses:
            total = stored.get(sense.synset_id) if stored else None
            if total is None:
                total = _gloss_sum(self, sense, lemma)
            else:
                total = self._without(total, gloss_text(sense), skip)
            if total is not None:
                ids.append(sense.synset_id)
                sums.append(total)
        if not ids:
            return {}
        matrix = np.vstack(sums)
        norms = np.linalg.norm(matrix, axis=1)
        cosines = (matrix @ anchor) / np.where(norms > 1e-6, norms, np.inf)
        return {sid: float(c) for sid, c in zip(ids, cosines, strict=True)}

    def _without(self, total: Vector, text: str, skip: tuple[str, ...]) -> Vector | None:
        """A stored gloss sum less the looked-up word's own rows (None when nothing else is left:
        float16 rounding would leave noise, not a direction)."""
        low = text.lower()
        if not any(part in low for part in skip):  # most glosses do not repeat the word
            return total
        words = gloss_words(text)
        own = [w for w in words if w.lower() in skip]
        if not own:
            return total
        if not any(w.lower() not in skip and w.lower() in self._index for w in words):
            return None
        less = self.weighted_sum(own)
        return total if less is None else total - less


def gloss_text(sense: Sense) -> str:
    """What a sense's gloss vector is made of: definition, examples, hypernym names."""
    return " ".join((sense.definition, *sense.examples, *sense.hypernyms))


def gloss_words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=50_000)  # a word's senses recur from tap to tap
def _gloss_sum(vectors: StaticVectors, sense: Sense, lemma: str) -> Vector | None:
    return vectors.weighted_sum(gloss_words(gloss_text(sense)), (lemma, *lemma.split()))


@lru_cache(maxsize=1)
def load_static_vectors() -> StaticVectors:
    """The process's vectors (about 5 MB, loaded once), words weighted by the Lesk overlap's
    rarity so both signals read a sentence alike."""
    from .sense_ranking import rarity  # sense_ranking imports this module

    codes = np.load(io.BytesIO(_read("vectors.npy")))
    scale = np.load(io.BytesIO(_read("scale.npy")))
    words = _read("words.txt").decode("utf-8").split()
    return StaticVectors(words, (codes.astype(np.float32) * scale[:, None]).astype(np.float32), rarity)


def stored_gloss_sums(lexicon: Lexicon, senses: Sequence[Sense]) -> dict[str, Vector]:
    """The lexicon's gloss sums of these senses by synset id; empty when the lexicon has none
    from this model (an older file, built before them)."""
    if not senses or not _has_gloss_sums(lexicon):
        return {}
    from .sense_ranking import synset_key  # sense_ranking imports this module

    keys = {synset_key(s.synset_id): s.synset_id for s in senses}
    rows = lexicon._in("SELECT synset, vector FROM gloss_vectors WHERE synset IN ({})", list(keys))
    if not rows:
        return {}
    matrix = np.frombuffer(b"".join(v for _, v in rows), dtype=np.float16).reshape(len(rows), -1)
    return {keys[int(k)]: row for (k, _), row in zip(rows, matrix.astype(np.float32), strict=True)}


@lru_cache(maxsize=8)
def _has_gloss_sums(lexicon: Lexicon) -> bool:
    try:
        row = lexicon._conn().execute("SELECT value FROM meta WHERE key = ?", (GLOSS_VECTORS_KEY,)).fetchone()
    except sqlite3.OperationalError:  # no meta table: not a lexicon this code built
        return False
    return row is not None and row[0] == MODEL_VERSION
