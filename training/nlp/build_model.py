"""Post-training steps for the VocabSphere English pipeline.

    python training/nlp/build_model.py compare  MODEL_DIR DEV_SPACY  [--out FILE.json]
    python training/nlp/build_model.py package  MODEL_DIR DEST [--lemmatizer trainable|rule|auto]
                                                [--comparison FILE.json] [--version X.Y.Z]

``compare`` scores the trained edit-tree lemmatizer against spaCy's rule lemmatizer
(spacy-lookups-data tables, driven by the pipeline's *predicted* UPOS + FEATS) on the
dev set with gold tokenization. ``package`` writes the pipeline with the chosen
lemmatizer into the Python package. The rule tables are stored inside the pipeline,
so spacy-lookups-data is only needed at build time.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

MODEL_NAME = "en_vocabsphere"


def gold_token_examples(nlp: Language, dev_path: Path) -> list[Example]:
    """Dev examples whose input keeps the treebank's words (gold tokenization)."""
    refs = list(DocBin().from_disk(dev_path).get_docs(nlp.vocab))
    return [
        Example(Doc(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r]), r)
        for r in refs
    ]


def use_rule_lemmatizer(nlp: Language) -> Language:
    """Swap the edit-tree lemmatizer for spaCy's English rule lemmatizer."""
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("trainable_lemmatizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": True})
    assert isinstance(lemmatizer, Lemmatizer)
    # Loads lemma_rules/index/exc from spacy-lookups-data; they are then serialized with the pipeline.
    lemmatizer.initialize()
    return nlp


def lemma_scores(nlp: Language, dev_path: Path) -> dict[str, float]:
    scores = nlp.evaluate(gold_token_examples(nlp, dev_path))
    return {k: round(100 * float(scores[k] or 0.0), 2) for k in ("lemma_acc", "pos_acc", "morph_acc")}


def compare(model_dir: Path, dev_path: Path) -> dict[str, Any]:
    trainable = lemma_scores(spacy.load(model_dir), dev_path)
    rule = lemma_scores(use_rule_lemmatizer(spacy.load(model_dir)), dev_path)
    best = "trainable" if trainable["lemma_acc"] >= rule["lemma_acc"] else "rule"
    return {
        "model": str(model_dir),
        "data": "UD English-EWT dev, gold tokenization",
        "trainable_lemmatizer": trainable,
        "rule_lemmatizer": rule,
        "best": best,
    }


def package(
    model_dir: Path, dest: Path, lemmatizer: str, version: str, performance: dict[str, Any] | None
) -> None:
    nlp = spacy.load(model_dir)
    if lemmatizer == "rule":
        use_rule_lemmatizer(nlp)
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": version,
            "description": (
                "VocabSphere English pipeline: tokenizer, tagger (XPOS), morphologizer (UPOS+FEATS), "
                f"dependency parser, {lemmatizer} lemmatizer. Trained on UD English-EWT."
            ),
            "author": "VocabSphere",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "Universal Dependencies English Web Treebank (UD English-EWT) r2.16",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": (
                        "Silveira et al. (2014), A Gold Standard Dependency Corpus for English, LREC 2014"
                    ),
                }
            ],
        }
    )
    if performance is not None:
        nlp.meta["vocabsphere_lemmatizer_comparison"] = performance
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_cmp = sub.add_parser("compare")
    p_cmp.add_argument("model_dir", type=Path)
    p_cmp.add_argument("dev", type=Path, help="dev corpus in .spacy format")
    p_cmp.add_argument("--out", type=Path)
    p_pkg = sub.add_parser("package")
    p_pkg.add_argument("model_dir", type=Path)
    p_pkg.add_argument("dest", type=Path)
    p_pkg.add_argument("--lemmatizer", choices=("trainable", "rule", "auto"), default="auto")
    p_pkg.add_argument("--comparison", type=Path, help="JSON written by 'compare' (needed for auto)")
    p_pkg.add_argument("--version", default="0.1.2")
    args = parser.parse_args(argv)

    if args.command == "compare":
        result = compare(args.model_dir, args.dev)
        text = json.dumps(result, indent=2)
        print(text)
        if args.out:
            args.out.write_text(text + "\n", encoding="utf-8")
        return 0

    comparison: dict[str, Any] | None = None
    if args.comparison is not None:
        comparison = json.loads(args.comparison.read_text(encoding="utf-8"))
    choice: str = args.lemmatizer
    if choice == "auto":
        if comparison is None:
            parser.error("--lemmatizer auto needs --comparison")
        choice = str(comparison["best"])
    if comparison is not None:
        comparison = {k: v for k, v in comparison.items() if k != "model"}
    package(args.model_dir, args.dest, choice, args.version, comparison)
    print(f"packaged {args.model_dir} -> {args.dest} ({choice} lemmatizer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
