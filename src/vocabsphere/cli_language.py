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

    data, name = _read_bytes(value)
    return decode_document(data, filename=name)


def _read_bytes(value: str) -> tuple[bytes, str]:
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
    return data, name


def _adapt_input(value: str, *, raw: bool) -> tuple[str, str | None, int]:
    """The text to adapt, its title and how many junk lines were removed: cleaned as ingestion cleans
    (page furniture, code, link-only lines, repaired artefacts) unless ``raw``."""
    from vocabsphere.core.ingest import decode_document
    from vocabsphere.services.ingest import clean_document

    data, name = _read_bytes(value)
    if raw:
        return decode_document(data, filename=name), None, 0
    article = clean_document(data, filename=None if value == "-" else name)
    return article.text, article.title, len(article.removed)


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


def cmd_lookup(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.cli_lexicon import lexicon_path
    from vocabsphere.services import dictionary

    if args.lexicon:
        settings = settings.model_copy(update={"lexicon_path": lexicon_path(settings, args.lexicon)})
    results = dictionary.look_up_many(settings, args.words, args.context, args.lang)
    if args.json:
        print(json.dumps([dictionary.lookup_as_dict(r) for r in results], ensure_ascii=False, indent=2))
        return 0
    for r in results:
        _print_lookup(r)
    return 0


def _print_lookup(r: object) -> None:
    from vocabsphere.core.lexicon.context import WordLookup

    assert isinstance(r, WordLookup)
    level = f" {r.cefr.level}" if r.cefr else ""
    ipa = f" /{r.ipa.us}/" if r.ipa.us else ""
    print(f"{r.word} → {r.lemma} ({r.pos.lower()}){level}{ipa}")
    if r.translations:
        print("  translations: " + ", ".join(r.translations[:6]))
    elif r.translation_note:
        print(f"  {r.translation_note}")
    for sense in r.senses[:3]:
        synonyms = ", ".join(s.word for s in sense.synonyms[:5])
        print(f"  - {sense.definition}" + (f"  (= {synonyms})" if synonyms else ""))
    if r.expression:
        print(f"  expression: {r.expression.text}")
    if r.note:
        print(f"  {r.note}")


def cmd_adapt(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from vocabsphere.core.adapt import adapt_text
    from vocabsphere.core.text import load_pipeline
    from vocabsphere.services.dictionary import open_lexicon
    from vocabsphere.services.versions import version_highlights

    if args.lexicon:
        settings = settings.model_copy(update={"lexicon_path": Path(args.lexicon)})
    lexicon = open_lexicon(settings)
    nlp = load_pipeline()  # one model load for every file
    results = []
    for name in args.files:
        text, title, removed = _adapt_input(name, raw=args.raw)
        version = adapt_text(text, args.level, lexicon=lexicon, nlp=nlp)
        highlights = version_highlights(version.text, args.level, lexicon, version.headings)
        results.append(
            {
                "file": name,
                "title": title,
                "removed_lines": removed,
                "target": args.level,
                "level": version.measured_level,
                "score": round(version.measured_score, 2),
                "hit_target": version.hit_target,
                "text": version.text,
                "highlights": [{"sentence": h.sentence, "explanation": h.explanation} for h in highlights],
                "glosses": [asdict(g) for g in version.glosses],
                "steps": [list(s) for s in version.steps_applied],
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for r in results:
        flag = "" if r["hit_target"] else " (above the target)"
        print(f"== {r['file']}: {args.level} version, measured {r['level']}{flag}\n")
        if r["title"]:
            print(f"{r['title']}\n")
        print(r["text"] + "\n\nSentences worth learning:")
        for h in r["highlights"]:
            print(f"  * {h['sentence']}\n    {h['explanation']}")
        print()
    return 0


def add_language_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    analyze = sub.add_parser("analyze", help="level, features, grammar points and hardest words of a text")
    analyze.add_argument("input", metavar="FILE|-")
    analyze.add_argument("--json", action="store_true", help="print one JSON object (keys in README)")
    analyze.set_defaults(handler=cmd_analyze)

    adapt = sub.add_parser("adapt", help="a level version of each text, its measured level and highlights")
    adapt.add_argument("files", nargs="+", metavar="FILE")
    adapt.add_argument("--level", required=True, choices=["A1", "A2", "B1", "B2", "C1", "C2"])
    adapt.add_argument("--json", action="store_true", help="one JSON array, an object per file")
    adapt.add_argument("--lexicon", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    adapt.add_argument(
        "--raw",
        action="store_true",
        help="adapt the text as it is (no cleaning of page furniture or artefacts)",
    )
    adapt.set_defaults(handler=cmd_adapt)

    lookup = sub.add_parser("lookup", help="look words up offline (in context with --context)")
    lookup.add_argument("words", nargs="+", metavar="WORD")
    lookup.add_argument("--context", help="the sentence the words appear in")
    lookup.add_argument("--lang", help="ISO 639-1 code of the translation language, e.g. es")
    lookup.add_argument("--json", action="store_true", help="one JSON array, an object per word")
    lookup.add_argument("--lexicon", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    lookup.set_defaults(handler=cmd_lookup)
