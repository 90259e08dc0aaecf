"""Reviewer's sheet for exercise items: each item with its source sentence, key, options and
explanation, numbered, for a teacher to judge (ungrammatical prompt, two defensible answers, false
explanation, other).

Usage (from the repository root):
    python bench/exercise_review_sheet.py [--shared ../shared] [--words 120] [--level B1]
        [--kinds cloze,word_form] [--per-kind N] [--lexicon PATH]

Items are made by the shipped generator (core.exercises.exercises_for_sentence) for the synthetic
learner's saved words (bench/exercise_data.py: OneStopEnglish dev, Intermediate texts), from each
word's saved sentence and its other sentences. The lexicon defaults to $VOCABSPHERE_LEXICON.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from exercise_data import saved_words  # noqa: E402

from vocabsphere.core.exercises import ExerciseItem, exercises_for_text, parse_kinds  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402
from vocabsphere.services.practice import MAX_SENTENCES  # noqa: E402


def print_item(number: int, item: ExerciseItem) -> None:
    print(f"#{number} [{item.kind.value}] word: {item.word}")
    if item.shortened_from:
        print(f"  story:       {item.shortened_from}")
        print(f"  SHORTENED:   {item.source_sentence}")
    else:
        print(f"  source:      {item.source_sentence}")
    print(f"  question:    {item.question}")
    if item.options:
        print(f"  options:     {' | '.join(item.options)}")
    print(f"  key:         {item.answer}   accepted: {' / '.join(item.accepted)}")
    print(f"  explanation: {item.explanation}")
    if item.grammar_point:
        print(f"  point:       {item.grammar_point.id} ({item.grammar_point.level})")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--words", type=int, default=120, help="saved words to make items for")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--kinds", help="comma-separated kinds (default all)")
    parser.add_argument("--per-kind", type=int, default=40, help="most items shown per kind")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON", ""))
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("pass --lexicon or set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    kinds = parse_kinds(args.kinds.split(",") if args.kinds else None)
    shown: Counter[str] = Counter()
    number = 0
    for sample in saved_words(nlp, args.shared, count=args.words):
        for number, sentence in enumerate(sample.sentences[:MAX_SENTENCES]):
            # As the practice service: the saved sentence holds the word as written, the others its lemma.
            word = sample.word if number == 0 else sample.lemma
            for item in exercises_for_text(lexicon, nlp, sentence, word, args.level, kinds):
                if shown[item.kind.value] >= args.per_kind:
                    continue
                shown[item.kind.value] += 1
                number += 1
                print_item(number, item)
    print("items by kind:", dict(sorted(shown.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
