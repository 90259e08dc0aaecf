"""Cloze distractors that people accept as substitutes in the sentence (items with two answers),
on SWORDS dev.

Usage (from the repository root):
    python bench/bench_distractors.py [--shared ../shared] [--lexicon PATH] [--level B2] [--limit N]

For each SWORDS dev target (the word in its context's sentence) the shipped cloze generator
(core.exercises.cloze.cloze_item, the function the learner's items come from, without the learner's
sentence filter) makes an item; each distractor is looked up among the target's rated substitutes
(form or lemma). A distractor counts as accepted when at least half of its raters said TRUE.
Printed: items made, distractors, accepted distractors over all distractors (the figure: <= 3 %)
and over the distractors the raters judged at all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from lemminflect import getAllLemmas  # noqa: E402

from vocabsphere.core.exercises.cloze import cloze_item  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.lexicon.sense_choice import resolve_token  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402


def _keys(word: str) -> set[str]:
    low = word.lower()
    return {low} | {lemma.lower() for lemmas in getAllLemmas(low).values() for lemma in lemmas}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON", ""))
    parser.add_argument("--level", default="B2", help="learner level capping the distractors' level")
    parser.add_argument("--limit", type=int, default=0, help="first N targets only (0: all)")
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("pass --lexicon or set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    data = json.loads(
        gzip.decompress((args.shared / "data" / "swords" / "swords-v1.1_dev.json.gz").read_bytes())
    )
    judged: dict[str, dict[str, bool]] = {}
    for sid, sub in data["substitutes"].items():
        labels = data["substitute_labels"][sid]
        ok = sum(label.startswith("TRUE") for label in labels) * 2 >= len(labels)
        for key in _keys(sub["substitute"]):
            judged.setdefault(sub["target_id"], {})[key] = (
                judged.get(sub["target_id"], {}).get(key, False) or ok
            )
    targets = sorted(data["targets"].items())
    if args.limit:
        targets = targets[: args.limit]
    items = distractors = accepted = rated = 0
    for tid, target in targets:
        doc = nlp(data["contexts"][target["context_id"]]["context"])
        start = int(target["offset"])
        token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
        if token is None:
            continue
        sent = nlp(token.sent.text)  # the generator works on a sentence parsed alone, as learners' are
        token = next((t for t in sent if t.idx <= start - token.sent.start_char < t.idx + len(t.text)), None)
        if token is None:
            continue
        item = cloze_item(lexicon, token, resolve_token(lexicon, token).lemma, args.level)
        if item is None:
            continue
        items += 1
        ratings = judged.get(tid, {})
        for option in item.options:
            if option == item.answer:
                continue
            distractors += 1
            verdicts = [ratings[k] for k in _keys(option) if k in ratings]
            rated += bool(verdicts)
            if any(verdicts):
                accepted += 1
                print(f"accepted: {option!r} for {target['target']!r}: {token.sent.text.strip()}")
    print(f"targets: {len(targets)}, cloze items made: {items}, distractors: {distractors}")
    if distractors:
        print(f"distractors accepted by raters: {accepted} = {100 * accepted / distractors:.2f} % of all")
        print(f"distractors the raters judged at all: {rated}; accepted among them: {accepted}/{rated}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
