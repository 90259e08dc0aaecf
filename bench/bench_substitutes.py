"""Benchmark simpler words in context (lexical simplification) on BenchLS and SWORDS dev.

Usage:
    python bench/bench_substitutes.py LEXICON [--shared ../shared] [--level B1] [--part tune|report|all]

Both sets are split by item position: even items are the tuning part, odd items the report
part (``--part``). Scores, over every item of the part:

- BenchLS (ranked human simplifications): ACC@1 (the first substitute is a gold one),
  Potential@3 (a gold one among the first three), coverage (items given any substitute) and
  precision (ACC@1 over the items given one: the substitutions actually made).
- SWORDS (human judgements of substitutes in context): precision of the first substitute,
  judged acceptable when at least half of its judgements are TRUE, over the items where it was
  judged at all (unjudged ones are counted apart), and coverage.

Matches compare the substitute's lemma and form with the gold words. The lexical step of the
level versions substitutes the first word only, so precision is the figure for what a learner
reads. The shipped code is called as the adaptation and the CLI call it (simpler_words).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.sense_embedding import embeddings_available
from vocabsphere.core.lexicon.substitute_ranking import rank_substitutes
from vocabsphere.core.lexicon.substitutes import fitting_words, simpler_words
from vocabsphere.core.text import load_pipeline


@dataclass(frozen=True)
class Item:
    text: str
    start: int  # character offset of the target word
    word: str
    gold: frozenset[str]  # acceptable substitutes (lemmas or forms)
    judged: frozenset[str]  # every substitute with a judgement (SWORDS); empty: all are judged


def benchls(path: Path) -> Iterator[Item]:
    for line in path.read_text(encoding="utf-8").splitlines():
        sentence, word, position, *ranked = line.split("\t")
        tokens = sentence.split(" ")
        start = sum(len(t) + 1 for t in tokens[: int(position)])
        gold = frozenset(r.split(":", 1)[1].strip().lower() for r in ranked)
        yield Item(sentence, start, word, gold, frozenset())  # every substitution is judged


def swords(path: Path) -> Iterator[Item]:
    data = json.loads(gzip.decompress(path.read_bytes()))
    judged: dict[str, dict[str, bool]] = {}
    for sid, sub in data["substitutes"].items():
        labels = data["substitute_labels"][sid]
        ok = sum(label.startswith("TRUE") for label in labels) * 2 >= len(labels)
        judged.setdefault(sub["target_id"], {})[sub["substitute"].lower()] = ok
    for tid, target in sorted(data["targets"].items()):
        text = data["contexts"][target["context_id"]]["context"]
        subs = judged.get(tid, {})
        good = frozenset(w for w, ok in subs.items() if ok)
        yield Item(text, int(target["offset"]), target["target"], good, frozenset(subs))


def token_at(doc: Doc, start: int) -> int | None:
    for token in doc:
        if token.idx <= start < token.idx + len(token.text):
            return int(token.i)
    return None


def score(name: str, items: list[Item], lexicon: Lexicon, level: str | None) -> dict[str, float]:
    """simpler_words on every item; fitting_words too where judgements cover any synonym."""
    nlp = load_pipeline()
    acc = pot = made = judged = fit_offered = fit_judged = fit_ok = 0
    r_acc = r_pot = r_judged = r_any = 0
    began = time.perf_counter()
    for item, doc in zip(items, nlp.pipe(i.text for i in items), strict=True):
        index = token_at(doc, item.start)
        if index is None:
            continue
        choice = choose_sense(lexicon, doc, index)
        listed = rank_substitutes(lexicon, doc, index, level, choice=choice)
        ranked = [{r.lemma, r.form.lower()} for r in listed]
        if ranked:
            r_any += 1
            r_judged += bool(ranked[0] & item.judged) if item.judged else 1
            r_acc += bool(ranked[0] & item.gold)
            r_pot += any(n & item.gold for n in ranked[:3])
        for s in fitting_words(lexicon, doc, index, choice=choice):
            fit_offered += 1
            if not item.judged or {s.lemma, s.form.lower()} & item.judged:
                fit_judged += 1
                fit_ok += bool({s.lemma, s.form.lower()} & item.gold)
        names = [{s.lemma, s.form.lower()} for s in simpler_words(lexicon, doc, index, level, choice=choice)]
        if not names:
            continue
        made += 1
        judged += bool(names[0] & item.judged) if item.judged else 1
        acc += bool(names[0] & item.gold)
        pot += any(n & item.gold for n in names[:3])
    n = len(items)
    out = {
        "items": n,
        "ranked ACC@1": r_acc / n,
        "ranked Potential@3": r_pot / n,
        "ranked given": r_any,
        "ranked judged": r_judged,
        "ACC@1": acc / n,
        "Potential@3": pot / n,
        "made": made,
        "judged": judged,
        "precision": acc / judged if judged else 0.0,  # of the judged substitutions made
        "fitting offered": fit_offered,
        "fitting judged": fit_judged,
        "fitting precision": fit_ok / fit_judged if fit_judged else 0.0,
        "ms_per_item": 1000 * (time.perf_counter() - began) / n,
    }
    shown = (f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in out.items())
    print(f"{name}: " + ", ".join(shown))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("lexicon")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--level", default=None, help="cap the substitutes' level (default: none)")
    parser.add_argument("--part", choices=["tune", "report", "all"], default="report")
    args = parser.parse_args()
    lexicon = Lexicon.open(args.lexicon)
    data = Path(args.shared) / "data"
    keep = {"tune": 0, "report": 1, "all": None}[args.part]
    print(f"part {args.part}, level cap {args.level}, sentence embeddings {embeddings_available()}")
    for name, items in (
        ("BenchLS", list(benchls(data / "lexical_simplification" / "BenchLS.txt"))),
        ("SWORDS dev", list(swords(data / "swords" / "swords-v1.1_dev.json.gz"))),
    ):
        part = [it for i, it in enumerate(items) if keep is None or i % 2 == keep]
        score(name, part, lexicon, args.level)


if __name__ == "__main__":
    main()
