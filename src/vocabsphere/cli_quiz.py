"""`vocabsphere quiz`: a comprehension quiz for each text, checked against its level versions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
DEFAULT_LEVELS = "A2,B1,B2"


def _levels(value: str) -> list[str]:
    levels = [v.strip().upper() for v in value.split(",") if v.strip()]
    bad = [v for v in levels if v not in LEVELS and v != "ORIG"]
    if not levels or bad:
        raise argparse.ArgumentTypeError(f"levels are a comma-separated list of {', '.join(LEVELS)} or orig")
    return ["orig" if v == "ORIG" else v for v in dict.fromkeys(levels)]


def _versions(text: str, levels: list[str], lexicon: Any, nlp: Any) -> dict[str, str]:
    """Level versions made as `vocabsphere adapt` makes them; "orig" is the text itself."""
    from vocabsphere.core.adapt import adapt_story

    adapted = [lvl for lvl in levels if lvl != "orig"]
    found = adapt_story(text, levels=adapted, lexicon=lexicon, nlp=nlp, extra_levels=False) if adapted else []
    versions = {v.level_target: v.text for v in found}
    if "orig" in levels:
        versions["orig"] = text
    return versions


def _question(q: Any) -> dict[str, Any]:
    return {
        "kind": q.kind.value,
        "stem": q.stem,
        "options": list(q.options),
        "answer": q.answer,
        "evidence": q.evidence,
        "levels": list(q.levels),
    }


def cmd_quiz(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.cli_language import _adapt_input
    from vocabsphere.core.quizzes.generator import generate_quiz
    from vocabsphere.core.quizzes.main_idea import lead_sentence
    from vocabsphere.core.quizzes.passages import order_levels
    from vocabsphere.core.text import load_pipeline
    from vocabsphere.services.dictionary import open_lexicon

    if args.lexicon:
        settings = settings.model_copy(update={"lexicon_path": Path(args.lexicon)})
    lexicon = open_lexicon(settings)
    nlp = load_pipeline()
    inputs = []
    for name in args.files:
        text, title, _ = _adapt_input(name, raw=args.raw)
        if not text.strip():
            raise DomainError(f"{name} has no text.")
        inputs.append((name, text, title))
    built = [_versions(text, args.levels, lexicon, nlp) for _, text, _ in inputs]
    # Each file's plainest version opens with its lead: the main-idea question's library for the others.
    leads = [lead_sentence(v[order_levels(list(v))[0]]) if v else "" for v in built]
    results = []
    for k, ((name, _, title), versions) in enumerate(zip(inputs, built, strict=True)):
        quiz = generate_quiz(
            versions,
            lexicon=lexicon,
            nlp=nlp,
            title=title,
            other_titles=[t for j, (_, _, t) in enumerate(inputs) if j != k and t],
            other_leads=[lead for j, lead in enumerate(leads) if j != k and lead],
        )
        results.append(
            {
                "file": name,
                "title": title,
                "levels": list(versions),
                "model_versions": dict(quiz.model_versions),
                "questions": [_question(q) for q in quiz.questions],
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for r in results:
        print(f"== {r['file']}: quiz for {', '.join(r['levels'])}\n")
        for k, q in enumerate(r["questions"], 1):
            print(f"{k}. [{q['kind']}] {q['stem']}")
            for option in q["options"]:
                print(f"     {'*' if option == q['answer'] else '-'} {option}")
            if q["evidence"]:
                print(f"   evidence: {q['evidence']}")
            print(f"   levels: {', '.join(q['levels'])}\n")
    return 0


def add_quiz_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    quiz = sub.add_parser("quiz", help="a reading-comprehension quiz for each text, checked at every level")
    quiz.add_argument("files", nargs="+", metavar="FILE")
    quiz.add_argument(
        "--levels",
        type=_levels,
        default=_levels(DEFAULT_LEVELS),
        help=f"levels to build and check the quiz at (default {DEFAULT_LEVELS}; orig: the text itself)",
    )
    quiz.add_argument("--json", action="store_true", help="one JSON array, an object per file")
    quiz.add_argument("--lexicon", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    quiz.add_argument(
        "--raw", action="store_true", help="use the text as it is (no cleaning of page furniture)"
    )
    quiz.set_defaults(handler=cmd_quiz)
