"""Benchmark the packaged English pipeline: speed on one core and UD English-EWT dev accuracy.

Usage (from the repository root):
    python bench/bench_pipeline.py [DATA_DIR]

DATA_DIR is the shared data directory holding ``ud_english_ewt/`` (default ``../shared/data``).
Accuracy is measured with gold tokenization (the treebank's own words) and predicted
sentence boundaries; scores with spaCy's tokenizer are printed too for comparison.
"""

from __future__ import annotations

import os

# Pin every BLAS/OpenMP pool to one thread *before* numpy/spaCy are imported: the speed
# figure is a single-core figure.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402 (env must be set first)
import sys  # noqa: E402 (env must be set first)
import time  # noqa: E402 (env must be set first)
from collections.abc import Callable, Iterable, Sequence  # noqa: E402 (env must be set first)
from pathlib import Path  # noqa: E402 (env must be set first)

from spacy.language import Language  # noqa: E402 (env must be set first)
from spacy.tokens import Doc  # noqa: E402 (env must be set first)
from spacy.training import Example  # noqa: E402 (env must be set first)
from spacy.training.converters.conllu_to_docs import conllu_to_docs  # noqa: E402 (env must be set first)

from vocabsphere.core.text.pipeline import MODEL_VERSION, load_pipeline, model_path  # noqa: E402 (env must be set first)

DEV_FILE = Path("ud_english_ewt") / "en_ewt-ud-dev.conllu"
# spaCy's converter is untyped; give it the signature we rely on.
_conllu_to_docs: Callable[..., Iterable[Doc]] = conllu_to_docs

SCORE_KEYS: tuple[tuple[str, str], ...] = (
    ("UPOS", "pos_acc"),
    ("XPOS", "tag_acc"),
    ("FEATS", "morph_acc"),
    ("UAS", "dep_uas"),
    ("LAS", "dep_las"),
    ("lemma", "lemma_acc"),
    ("sent-F", "sents_f"),
)


def read_dev_docs(nlp: Language, data_dir: Path) -> list[Doc]:
    """Convert the dev CoNLL-U on the fly, 10 sentences per doc like the training corpus."""
    text = (data_dir / DEV_FILE).read_text(encoding="utf-8")
    docs = list(_conllu_to_docs(text, n_sents=10, no_print=True))
    # Re-home the docs in the pipeline's vocab so Example can pair them with its output.
    return [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in docs]


def gold_token_examples(nlp: Language, refs: Sequence[Doc]) -> list[Example]:
    """Examples whose input uses the gold words and spaces (gold tokenization)."""
    return [
        Example(Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]), ref)
        for ref in refs
    ]


def tokenizer_examples(nlp: Language, refs: Sequence[Doc]) -> list[Example]:
    """Examples whose input is spaCy's own tokenization of the raw text (aligned to gold)."""
    return [Example(nlp.make_doc(ref.text), ref) for ref in refs]


def words_per_second(nlp: Language, texts: Sequence[str], min_seconds: float = 10.0) -> tuple[float, float]:
    """Throughput of nlp.pipe on raw text (tokenizer included), after one warm-up pass.

    Returns (words per wall-clock second, words per CPU second of this process). On a busy
    shared machine the CPU-time figure is the fairer single-core number.
    """
    for _ in nlp.pipe(texts[:20]):
        pass
    words = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    wall = 0.0
    while wall < min_seconds:
        for doc in nlp.pipe(texts, batch_size=64):
            words += sum(1 for t in doc if not t.is_space)
        wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    return words / wall, words / cpu


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", nargs="?", default="../shared/data", type=Path)
    parser.add_argument("--min-seconds", type=float, default=10.0, help="length of the speed run")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0
    location = Path(str(model_path()))
    print(f"model: {MODEL_VERSION}  pipeline: {nlp.pipe_names}")
    print(f"model size on disk: {dir_size_mb(location):.1f} MB  load time: {load_s:.1f} s")

    refs = read_dev_docs(nlp, args.data_dir)
    n_words = sum(len(d) for d in refs)
    print(f"dev: {len(refs)} docs, {n_words} words")

    wall_wps, cpu_wps = words_per_second(nlp, [d.text for d in refs], args.min_seconds)
    print(
        f"speed: {wall_wps:,.0f} words/s wall clock, "
        f"{cpu_wps:,.0f} words/s per CPU second (nlp.pipe, 1 thread)"
    )

    for label, examples in (
        ("gold tokenization", gold_token_examples(nlp, refs)),
        ("spaCy tokenization", tokenizer_examples(nlp, refs)),
    ):
        scores = nlp.evaluate(examples)
        line = "  ".join(
            f"{name} {100 * float(scores[key] or 0.0):.2f}" for name, key in SCORE_KEYS if key in scores
        )
        print(f"dev, {label}: {line}")

    # The figure must not come from a torch-backed run (thinc would pull torch in if it were used).
    print(f"torch imported: {'torch' in sys.modules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
