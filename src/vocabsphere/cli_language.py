"""`vocabsphere analyze`: the level of a text and what makes it hard."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError

MAX_INPUT_BYTES = 20 * 1024 * 1024


def _read(value: str) -> str:
    from vocabsphere.core.ingest import decode_document

    if value == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "stdin"
    else:
        path = Path(value)
        if not path.is_file():
            raise DomainError(f"No such file: {value}")
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
        name = path.name
    if len(data) > MAX_INPUT_BYTES:
        raise DomainError(f"{name} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB.")
    return decode_document(data, filename=name)


def cmd_analyze(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.core.analysis import analyze_text

    result = analyze_text(_read(args.input))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Level {result.level} (score {result.score:.2f} on 1 = A1 ... 6 = C2)")
    note = " (long text: the first part was analysed)" if result.truncated else ""
    print(f"{result.word_count} words, {result.sentence_count} sentences{note}")
    profile = ", ".join(f"{k} {v:.0%}" for k, v in result.vocabulary_profile.items())
    print(f"Vocabulary: {profile}")
    features = result.features
    print(
        f"Mean sentence length {features['mean_sentence_length']:.1f} words; "
        f"{features['clauses_per_sentence']:.2f} clauses per sentence; FKGL {features['fkgl']:.1f}"
    )
    print("\nGrammar points:")
    for g in result.grammar:
        print(f"  {g.level}  {g.name} ×{g.count}: “{g.example}”")
    print("\nHardest words:")
    for w in result.hardest_words:
        print(f"  {w.level}  {w.lemma} ({w.pos.lower()})")
    return 0


def add_language_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    analyze = sub.add_parser("analyze", help="level, features, grammar points and hardest words of a text")
    analyze.add_argument("input", metavar="FILE|-")
    analyze.add_argument("--json", action="store_true", help="print one JSON object (keys in README)")
    analyze.set_defaults(handler=cmd_analyze)
