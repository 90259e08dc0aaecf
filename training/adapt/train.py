"""Train the sentence-compression model: src/vocabsphere/models/adapt/compression.json.

Usage (from the repository root, with the `train` extra for scikit-learn):
    python training/adapt/train.py [DATA_DIR] [--threshold LEVEL=P ...]

DATA_DIR defaults to ../shared/data (the folder holding ``onestopenglish/``). Only the train split
is read. Each Advanced text is split and parsed as the adaptation pipeline does, and its tokens are
aligned with the Elementary version's (difflib's matching blocks over the whole text). Every
removable subtree (``vocabsphere.core.adapt.compress.candidates``) of a sentence the editors kept
(at least 30 % of its words aligned) is "deleted" when at least half its words are unaligned;
sentences the editors dropped whole are left out (deleting sentences is content selection's job).
A logistic regression (scikit-learn, L2, C chosen by 5-fold cross-validation grouped by article)
is exported as plain weights; the app scores candidates in plain Python.

The compression thresholds per level are not fitted here: they were chosen by document SARI on the
train split (``bench/bench_adapt.py --split train``) and are passed with ``--threshold``.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training" / "text_level"))

from data import read_ose  # noqa: E402  (training/text_level: the OneStopEnglish reader)
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss, roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from vocabsphere.core.adapt.compress import candidates, features  # noqa: E402
from vocabsphere.core.adapt.document import prepare  # noqa: E402
from vocabsphere.core.levels.readability import normalise_text  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402

MODELS = REPO / "src" / "vocabsphere" / "models" / "adapt"
DEFAULT_THRESHOLDS = {"A1": 0.25, "A2": 0.35, "B1": 0.5}
SENTENCE_KEPT = 0.3  # share of a sentence's words aligned for the editors to have kept it
DELETED_SHARE = 0.5  # share of a subtree's words unaligned for it to count as deleted
ATTRIBUTION = "OneStopEnglish train split (Vajjala and Lucic 2018), CC BY-SA 4.0"


@dataclass
class Examples:
    rows: list[dict[str, int]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


def read_articles(data_dir: Path) -> list[tuple[str, str, str]]:
    """(article id, Advanced text, Elementary text) of the train split, by article id."""
    texts: dict[str, dict[str, str]] = {}
    for row in read_ose(data_dir):
        if row.split == "train":
            texts.setdefault(row.article_id, {})[row.level] = row.text
    return [(k, v["adv"], v["ele"]) for k, v in sorted(texts.items()) if {"adv", "ele"} <= v.keys()]


def aligned_tokens(source: list[str], reference: list[str]) -> set[int]:
    matcher = difflib.SequenceMatcher(a=source, b=reference, autojunk=False)
    return {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}


def collect(data_dir: Path) -> Examples:
    nlp = load_pipeline()
    out = Examples()
    for article, advanced, elementary in read_articles(data_dir):
        docs = list(nlp.pipe([u.text for u in prepare(advanced).units], batch_size=64))
        source = [t.lower_ for doc in docs for t in doc]
        aligned = aligned_tokens(source, [t.lower_ for t in nlp.tokenizer(normalise_text(elementary))])
        offset = 0
        for doc in docs:
            words = [t.i for t in doc if not t.is_punct]
            if sum(offset + w in aligned for w in words) >= SENTENCE_KEPT * len(words):
                for cand in candidates(doc[:]):
                    span = [t.i for t in doc[cand.start : cand.end + 1] if not t.is_punct]
                    gone = sum(offset + w not in aligned for w in span) / max(len(span), 1)
                    out.rows.append(dict.fromkeys(features(cand, doc[:]), 1))
                    out.labels.append(int(gone >= DELETED_SHARE))
                    out.groups.append(article)
            offset += len(doc)
    return out


def fit(name: str, examples: Examples) -> tuple[dict[str, float], float]:
    """Weights (the intercept folded into "bias") of a logistic model, C by grouped 5-fold CV."""
    vectoriser = DictVectorizer()
    x: Any = vectoriser.fit_transform(examples.rows)
    y = examples.labels
    scores = {}
    for c in (0.1, 0.3, 1.0, 3.0):
        losses, aucs = [], []
        for train, test in GroupKFold(n_splits=5).split(x, y, examples.groups):
            model = LogisticRegression(C=c, max_iter=3000).fit(x[train], [y[i] for i in train])
            p = model.predict_proba(x[test])[:, 1]
            losses.append(log_loss([y[i] for i in test], p))
            aucs.append(roc_auc_score([y[i] for i in test], p))
        scores[c] = (sum(losses) / len(losses), sum(aucs) / len(aucs))
    c = min(scores, key=lambda k: scores[k][0])
    share = 100 * sum(y) / len(y)
    print(
        f"{name}: {len(y)} examples, {share:.1f}% positive; C={c}: cross-validated log loss "
        f"{scores[c][0]:.4f}, AUC {scores[c][1]:.3f}"
    )
    model = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    weights = {n: float(w) for n, w in zip(vectoriser.feature_names_, model.coef_[0], strict=True)}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return {k: round(v, 5) for k, v in sorted(weights.items()) if round(v, 5)}, c


def write(path: Path, payload: dict[str, Any]) -> None:
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]
    payload = {"version": f"{path.stem}-{digest}", "trained_on": ATTRIBUTION, **payload}
    path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--threshold", action="append", default=[], help="LEVEL=P, e.g. A2=0.35")
    args = parser.parse_args()
    thresholds = dict(DEFAULT_THRESHOLDS)
    for item in args.threshold:
        level, value = item.split("=")
        thresholds[level] = float(value)
    MODELS.mkdir(parents=True, exist_ok=True)
    weights, c = fit("compression", collect(Path(args.data_dir)))
    write(MODELS / "compression.json", {"weights": weights, "c": c, "thresholds": thresholds})


if __name__ == "__main__":
    main()
