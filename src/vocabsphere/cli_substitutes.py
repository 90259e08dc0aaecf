"""`vocabsphere substitutes`: simpler words that keep a word's meaning in its sentence."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError

MAX_LINE_CHARS = 5000


def input_lines(name: str) -> Iterator[tuple[int, str]]:
    if name == "-":
        yield from enumerate(sys.stdin, start=1)
        return
    path = Path(name)
    if not path.is_file():
        raise DomainError(f"No such file: {name}")
    with path.open(encoding="utf-8") as handle:
        yield from enumerate(handle, start=1)


def sentence_word(number: int, line: str) -> tuple[str, str]:
    sentence, tab, word = line.rstrip("\r\n").rpartition("\t")
    if not tab or not sentence.strip() or not word.strip():
        raise DomainError(f"line {number}: expected 'sentence<TAB>word'")
    if len(sentence) > MAX_LINE_CHARS:
        raise DomainError(f"line {number}: a sentence can have at most {MAX_LINE_CHARS} characters")
    return sentence.strip(), word.strip()


def cmd_substitutes(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.cli_lexicon import lexicon_path
    from vocabsphere.core.lexicon import Lexicon
    from vocabsphere.core.lexicon.substitute_ranking import rank_substitutes
    from vocabsphere.core.lexicon.substitutes import simpler_words, word_index
    from vocabsphere.core.text import load_pipeline

    path = lexicon_path(settings, args.lexicon)
    if not path.is_file():
        raise DomainError(f"No lexicon at {path}: run `vocabsphere lexicon build` or pass --lexicon.")
    lexicon = Lexicon.open(path)
    nlp = load_pipeline()
    for number, line in input_lines(args.input):
        if not line.strip():
            continue
        sentence, word = sentence_word(number, line)
        doc = nlp(sentence)
        index = word_index(doc, word)
        found = simpler_words(lexicon, doc, index, args.level) if index is not None else ()
        result: dict[str, Any] = {"sentence": sentence, "word": word, "substitutes": [s.form for s in found]}
        if args.ranked:  # every candidate with the ranker's chance that it fits, safe or not
            ranked = rank_substitutes(lexicon, doc, index, args.level) if index is not None else ()
            result["ranked"] = [[r.form, round(r.fit, 3)] for r in ranked[: args.ranked]]
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            listed = "".join(f"\t{form} {fit:.2f}" for form, fit in result.get("ranked", ()))
            print(f"{word}\t{', '.join(result['substitutes']) or '-'}\t{sentence}{listed}", flush=True)
    return 0


def add_substitutes_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "substitutes",
        help="simpler words that keep a word's meaning in its sentence (lines 'sentence<TAB>word')",
    )
    parser.add_argument("input", metavar="FILE|-")
    parser.add_argument(
        "--level", choices=["A1", "A2", "B1", "B2", "C1", "C2"], help="highest CEFR level of a substitute"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per input line (JSON Lines)")
    parser.add_argument(
        "--ranked",
        type=int,
        default=0,
        metavar="N",
        help="also list the N best candidates with their chance of fitting (key 'ranked'), safe or not",
    )
    parser.add_argument("--lexicon", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    parser.set_defaults(handler=cmd_substitutes)
