"""Word-level benchmark: the shipped model (cefrpy gated) against the old one, cefrpy and frequency.

Usage (from the repository root):
    python bench/bench_word_level.py [DATA_DIR]      # DATA_DIR defaults to ../shared/data

Prints, all on our own dev split (training/word_level/cefrj_data.py) with the same scorer:
(a) dev exact / within one; (b) the same on dev items cefrpy has no entry for (pure
generalisation) and on items it has no entry for that POS; (c) the share of 500 rare words outside
the list (Zipf 1.5-3, training/word_level/rare_words.py) placed at A1-A2, and of 500 mid-frequency
ones (Zipf 3-4), lower is better, with the mean level; (d) frequency alone. Dev words are scored by
the model only, with base-word levels from the train part of the list, so no dev label leaks in.
"Old" is the shipped base model with the cefrpy gate closed (max_shift 0), which is the model
shipped before cefrpy was added, retrained.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training" / "word_level"))

from cefrj_data import items_of, lexicon_triples, read_rows, split_rows  # noqa: E402
from metrics import accuracy, cefrpy_raw, frequency_baseline, item_words  # noqa: E402
from rare_words import samples  # noqa: E402

from vocabsphere.core.levels.cefr import LEVELS  # noqa: E402
from vocabsphere.core.levels.cefrpy_feature import CEFRPY_FEATURE_NAMES  # noqa: E402
from vocabsphere.core.levels.word_features import FEATURE_NAMES, Lexicon, word_features  # noqa: E402
from vocabsphere.core.levels.word_level import GatedModel, level_of_score, load_model, score_features  # noqa: E402

HAS, HAS_POS = (FEATURE_NAMES.index(n) for n in CEFRPY_FEATURE_NAMES[:2])


def levels(model: GatedModel, x: list[list[float]]) -> np.ndarray:
    return np.array([LEVELS.index(level_of_score(score_features(model, row))) + 1 for row in x])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    rows = read_rows(Path(parser.parse_args().data_dir))
    train_rows, dev_rows = split_rows(rows)
    train, dev = items_of(train_rows), items_of(dev_rows)
    lexicon = Lexicon.from_triples(lexicon_triples(train_rows))  # dev: base words from train only
    full_lexicon = Lexicon.from_triples(lexicon_triples(rows))  # unlisted words: as at run time
    gold = np.array([it.level for it in dev])
    shipped = load_model()
    models = {"new (shipped)": shipped, "old (no cefrpy)": replace(shipped, max_shift=0.0, rare_zipf=0.0)}

    start = time.perf_counter()
    x_dev = [word_features(it.variants, it.upos, lexicon) for it in dev]
    pred = {name: levels(model, x_dev) for name, model in models.items()}
    ms = (time.perf_counter() - start) * 1000 / len(dev)
    raw = cefrpy_raw(item_words(dev))
    pred["cefrpy alone"] = np.where(raw == 0, 6, raw)  # no entry: counted as C2
    off_words = {"rare": samples(rows, 1.5, 3.0)[0], "mid": samples(rows, 3.0, 4.0)[0]}
    x_off = {b: [word_features([w], u, full_lexicon) for w, u in words] for b, words in off_words.items()}
    off = {name: {b: levels(m, x) for b, x in x_off.items()} for name, m in models.items()}
    off["cefrpy alone"] = {b: cefrpy_raw(words) for b, words in off_words.items()}  # 0 = no entry

    no_entry = np.array([row[HAS] == 0 for row in x_dev])
    no_pos = np.array([row[HAS_POS] == 0 for row in x_dev])
    print(
        f"model: max_shift {shipped.max_shift}, rare-word floor below Zipf {shipped.rare_zipf}; "
        f"{ms:.2f} ms/word (features and both variants, cold)"
    )
    print(
        f"{'system':<18}{'(a) dev':>14}{'(b) no entry':>14}{'no POS entry':>14}{'(c) rare A1-A2':>16}"
        f"{'mid A1-A2':>11}{'mean rare/mid':>15}"
    )
    print(
        f"{'n':<18}{len(gold):>14}{int(no_entry.sum()):>14}{int(no_pos.sum()):>14}"
        f"{len(off_words['rare']):>16}{len(off_words['mid']):>11}"
    )
    for name, p in pred.items():
        cells = [accuracy(p[m], gold[m]) for m in (np.ones(len(gold), bool), no_entry, no_pos)]
        shown = "".join(f"{e:.3f} / {w:.3f}".rjust(14) for e, w in cells)
        easy = [float(np.mean((off[name][b] >= 1) & (off[name][b] <= 2))) for b in ("rare", "mid")]
        means = " / ".join(f"{off[name][b][off[name][b] > 0].mean():.2f}" for b in ("rare", "mid"))
        print(f"{name:<18}{shown}{easy[0]:>16.3f}{easy[1]:>11.3f}{means:>15}")
    base_exact, base_within = frequency_baseline(train, dev)
    print(f"{'(d) frequency only':<18}{f'{base_exact:.3f} / {base_within:.3f}':>14}")


if __name__ == "__main__":
    main()
