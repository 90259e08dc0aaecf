"""How far deletion alone can go on OneStopEnglish: SARI of oracle systems that know the answer.

Usage (from the repository root):
    python bench/bench_adapt_bounds.py [DATA_DIR] [--split dev|train] [--level ele|int]

Each Advanced text is compared with its human version (Elementary by default) through the same
scorer as bench_adapt.py (bench/sari.py):
- copy: the source unchanged;
- truncate: the source cut to the reference's length;
- oracle sentence selection: exactly the source sentences the editors kept (at least 30 % of their
  words in the reference, by a longest-common-subsequence alignment of the whole text), unchanged;
- oracle word deletion: exactly the source words that the alignment finds in the reference, in order
  (the best any system that only deletes words could do).
No model is involved: the figures bound what content selection and sentence compression can reach.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_adapt import read_articles, truncate  # noqa: E402
from sari import normalise, sari_components  # noqa: E402

from vocabsphere.core.adapt.document import prepare  # noqa: E402

KEPT_SHARE = 0.3


def lcs_kept(source: list[str], reference: list[str]) -> list[bool]:
    """Per source token: is it part of one longest common subsequence with the reference?"""
    n, m = len(source), len(reference)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if source[i] == reference[j] else max(below[j], row[j + 1])
    kept = [False] * n
    i = j = 0
    while i < n and j < m:
        if source[i] == reference[j]:
            kept[i] = True
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def oracles(source: str, reference: str) -> tuple[str, str]:
    """(oracle sentence selection, oracle word deletion) for one text."""
    sentences = [u.text for u in prepare(source).units]
    tokens = [normalise(s).split() for s in sentences]
    kept = lcs_kept([t for ts in tokens for t in ts], normalise(reference).split())
    chosen, words, offset = [], [], 0
    for sentence, ts in zip(sentences, tokens, strict=True):
        flags = kept[offset : offset + len(ts)]
        if ts and sum(flags) >= KEPT_SHARE * len(ts):
            chosen.append(sentence)
        words += [t for t, k in zip(ts, flags, strict=True) if k]
        offset += len(ts)
    return " ".join(chosen), " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--level", default="ele", choices=("ele", "int"))
    args = parser.parse_args()
    articles = read_articles(Path(args.data_dir) / "onestopenglish", args.split)
    totals: dict[str, list[float]] = {}
    for texts in articles.values():
        source, reference = texts["adv"], texts[args.level]
        selection, deletion = oracles(source, reference)
        systems = {
            "copy the source": source,
            "truncate to the reference's length": truncate(source, len(reference.split())),
            "oracle sentence selection": selection,
            "oracle word deletion": deletion,
        }
        for name, text in systems.items():
            parts = sari_components(normalise(source), normalise(text), [normalise(reference)])
            totals.setdefault(name, [0.0, 0.0, 0.0])
            totals[name] = [a + b for a, b in zip(totals[name], parts, strict=True)]
    n = len(articles)
    print(f"OneStopEnglish {args.split}, Advanced -> {args.level} (n={n}), SARI (keep / delete / add):")
    for name, (keep, delete, add) in totals.items():
        sari = 100 * (keep + delete + add) / 3 / n
        parts = " / ".join(f"{100 * x / n:.1f}" for x in (keep, delete, add))
        print(f"  {name:36s} {sari:6.2f}  ({parts})")


if __name__ == "__main__":
    main()
