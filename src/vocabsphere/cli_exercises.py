"""`vocabsphere exercises`: exercise items for lines 'sentence<TAB>word', without a database."""

from __future__ import annotations

import argparse
import json

from vocabsphere.cli_substitutes import input_lines, sentence_word
from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError


def cmd_exercises(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.cli_lexicon import lexicon_path
    from vocabsphere.core.exercises import exercises_for_text, parse_kinds
    from vocabsphere.core.lexicon import Lexicon
    from vocabsphere.core.text import load_pipeline

    kinds = parse_kinds(args.kinds.split(",") if args.kinds else None)
    path = lexicon_path(settings, args.lexicon)
    if not path.is_file():
        raise DomainError(f"No lexicon at {path}: run `vocabsphere lexicon build` or pass --lexicon.")
    lexicon = Lexicon.open(path)
    nlp = load_pipeline()
    items = []
    for number, line in input_lines(args.input):
        if not line.strip():
            continue
        sentence, word = sentence_word(number, line)
        items.extend(exercises_for_text(lexicon, nlp, sentence, word, args.level, kinds))
    if args.json:
        print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=1))
        return 0
    for item in items:
        options = f"  [{' | '.join(item.options)}]" if item.options else ""
        print(f"{item.kind.value}\t{item.question}{options}\t-> {item.answer}\t{item.explanation}")
    return 0


def add_exercises_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "exercises",
        help="exercise items from a learner's words in their sentences (lines 'sentence<TAB>word')",
    )
    parser.add_argument("input", metavar="FILE|-")
    parser.add_argument(
        "--kinds", help="comma-separated kinds (default all): part_of_speech, word_family, ..."
    )
    parser.add_argument(
        "--level", default="B1", choices=["A1", "A2", "B1", "B2", "C1", "C2"], help="the learner's CEFR level"
    )
    parser.add_argument("--json", action="store_true", help="one JSON array of items")
    parser.add_argument("--lexicon", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    parser.set_defaults(handler=cmd_exercises)
