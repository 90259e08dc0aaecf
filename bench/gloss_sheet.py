"""Gloss and substitution sheet: every word the level versions' lexical step would replace or gloss.

Usage (from the repository root):
    VOCABSPHERE_LEXICON=LEXICON python bench/gloss_sheet.py [--dev 10] [--levels A2,B1] [--data DATA]

Runs the shipped lexical step (``core.adapt.lexical.Substituter.simplify``) on every sentence of the
first N OneStopEnglish dev articles (Advanced texts, alphabetical, as ``review_sheet.py --dev``), so
a reviewer reads each substitution ("word -> substitute") and each gloss ("word (= gloss)") with its
sentence, more of them than one version shows (a version glosses at most two words a paragraph).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_adapt import read_articles  # noqa: E402

from vocabsphere.core.adapt.lexical import Substituter  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=int, default=10)
    parser.add_argument("--levels", default="A2,B1")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("set VOCABSPHERE_LEXICON or pass --lexicon")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    articles = list(read_articles(args.data / "onestopenglish", "dev").items())[: args.dev]
    counts = {"substitutions": 0, "glosses": 0}
    for level in args.levels.split(","):
        print(f"=== {level}")
        step = Substituter(lexicon, level)
        for name, texts in articles:
            for paragraph in texts["adv"].split("\n"):
                for sent in nlp(paragraph).sents:
                    result = step.simplify(sent)
                    for old, new in result.replacements:
                        counts["substitutions"] += 1
                        print(f"S {level} {name}: {old} -> {new}\t| {sent.text}")
                    for gloss in result.glosses:
                        counts["glosses"] += 1
                        print(f"G {level} {name}: {gloss.word} (= {gloss.gloss})\t| {sent.text}")
    print(counts)


if __name__ == "__main__":
    main()
