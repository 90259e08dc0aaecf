"""A reviewer's sheet: each dev article's quiz with every question's evidence, then the article's texts.

Usage (from the repository root):
    python bench/quiz_review_sheet.py [DATA_DIR] [--articles N] [--skip K] [--lexicon FILE] [--no-text]

Read it as a demanding teacher: is each question correct English, does it ask something the story says, is the
key right at every level listed and is there exactly one defensible answer? Count the acceptable ones and the
faults by kind (docs/quality.md, "Quizzes").
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quiz_data import DEFAULT_DATA_DIR, library, read_articles

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.quizzes.generator import generate_quiz
from vocabsphere.core.text import load_pipeline


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--skip", type=int, default=0, help="start after the first K articles")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--no-text", action="store_true", help="leave the articles' texts out")
    args = parser.parse_args(argv)
    lexicon = Lexicon.open(args.lexicon) if args.lexicon else None
    nlp = load_pipeline()
    number = 0
    articles = read_articles(args.data_dir)
    for article in articles[args.skip : args.skip + args.articles]:
        other = library(articles, article)  # the other dev articles: the main-idea question's library
        quiz = generate_quiz(
            article.versions,
            lexicon=lexicon,
            nlp=nlp,
            title=article.title,
            other_titles=other.titles,
            other_leads=other.leads,
        )
        print(f"\n######## {article.article_id}: {article.title}\n")
        for q in quiz.questions:
            number += 1
            print(f"Q{number} [{q.kind.value}] {q.stem}")
            for option in q.options:
                print(f"    {'*' if option == q.answer else ' '} {option}")
            if q.evidence:
                print(f"    evidence: {q.evidence}")
            print(f"    levels: {', '.join(q.levels)}")
            print("    verdict: ______\n")
        if not args.no_text:
            for level, text in article.versions.items():
                print(f"--- {level} text ---\n{text.strip()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
