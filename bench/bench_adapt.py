"""Figures for the CEFR adaptation pipeline (vocabsphere.core.adapt) on OneStopEnglish.

Usage (from the repository root):
    python bench/bench_adapt.py [DATA_DIR] [--split dev|train] [--lexicon PATH] [--limit N] [--detail]

DATA_DIR defaults to ../shared/data (the folder holding ``onestopenglish/``). The lexicon defaults
to $VOCABSPHERE_LEXICON; without one, lexical substitution is off and the figures say so.
Prints:
(a) document SARI: each Advanced text adapted to A2 (reference: Elementary) and to B1 (reference:
    Intermediate), with two baselines through the same scorer: copy the source, and cut the source
    to the reference's length;
(b) sentence SARI: each Advanced sentence of pairs_adv-ele.csv adapted on its own to A2;
(c) FKGL and mean sentence length of versions and human versions, share of the human version's
    names and numbers kept, share of versions whose measured level hits the target;
    with --detail, each version's measured level, verification rounds and length;
(d) speed: all versions (A2, B1, B2 + A1/C1) of a 1,000-word story, warm.
SARI is bench/sari.py (the reference / `evaluate` formulation, n = 1..4, 13a tokenisation).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from sari import corpus_sari  # noqa: E402

from vocabsphere.core.adapt import AdaptedVersion, adapt_story, adapt_text  # noqa: E402
from vocabsphere.core.adapt.text_ops import split_sentences  # noqa: E402
from vocabsphere.core.ingest import normalise_numbers  # noqa: E402
from vocabsphere.core.levels.readability import flesch_kincaid_grade  # noqa: E402
from vocabsphere.core.levels.text_features import LEVELS  # noqa: E402
from vocabsphere.core.levels.text_level import text_levels  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402

_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+(?: [A-Z][a-z]+)*)")


def read_articles(root: Path, split: str) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    with (root / "index.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["split"] == split:
                texts.setdefault(row["article_id"], {})[row["level"]] = (root / row["path"]).read_text(
                    "utf-8"
                )
    return {k: v for k, v in sorted(texts.items()) if {"adv", "int", "ele"} <= v.keys()}


def read_pairs(root: Path, split: str) -> list[tuple[str, str]]:
    with (root / split / "pairs_adv-ele.csv").open(encoding="utf-8") as f:
        return [(r["sentence_a"], r["sentence_b"]) for r in csv.DictReader(f)]


def truncate(source: str, n_words: int) -> str:
    return " ".join(source.split()[:n_words])


def mean_sentence_length(text: str) -> float:
    sentences = [s for p in text.split("\n") for s in split_sentences(p)]
    return sum(len(s.split()) for s in sentences) / max(len(sentences), 1)


def names(text: str) -> set[str]:
    return set(_NAME.findall(text))


# "9m users": the reader takes an "m" on the digits for millions only after a currency sign (alone it is
# as often metres), but the human versions write "9 million users" where the source (and so a version
# keeping the sentence) says "9m": read alike on both sides, it is the same number (round facts3).
_MILLIONS = re.compile(r"(?<![\w.,£$€¥])(\d[\d,]*(?:\.\d+)?)m\b")


def numbers(text: str) -> list[float]:
    text = _MILLIONS.sub(r"\1 million", text)
    return [m.value for m in normalise_numbers(text) if m.kind != "ordinal"]


def kept_share(reference: str, version: str) -> tuple[int, int]:
    """(kept, total) of the reference's names and numbers found in the version (rounding allowed)."""
    ref_names, ver_names = names(reference), version
    kept = sum(1 for n in ref_names if n in ver_names)
    ver_numbers = numbers(version)
    ref_numbers = numbers(reference)
    kept += sum(1 for v in ref_numbers if any(abs(v - w) <= 0.05 * max(abs(v), 1) for w in ver_numbers))
    return kept, len(ref_names) + len(ref_numbers)


def document_figures(
    articles: dict[str, dict[str, str]], lexicon: Lexicon | None, ref_length: bool = False
) -> dict[str, list[tuple[str, AdaptedVersion, str]]]:
    """(source, version, reference) per level; ``ref_length`` caps each version at the reference's length."""
    nlp = load_pipeline()
    out: dict[str, list[tuple[str, AdaptedVersion, str]]] = {"A2": [], "B1": [], "B2": []}
    for texts in articles.values():
        for level, ref in (("A2", "ele"), ("B1", "int"), ("B2", "int")):
            if ref_length and level == "B2":
                continue
            cap = len(texts[ref].split()) if ref_length else None
            version = adapt_text(texts["adv"], level, lexicon=lexicon, nlp=nlp, max_words=cap)
            out[level].append((texts["adv"], version, texts[ref]))
    return out


def _mean(values: list[float]) -> float:
    return statistics.mean(values) if values else float("nan")


def report_level(
    level: str, items: list[tuple[str, AdaptedVersion, str]], label: str, names_of: list[str] | None = None
) -> list[bool]:
    src = [s for s, _, _ in items]
    refs = [[r] for _, _, r in items]
    pred = [v.text for _, v, _ in items]
    cut = [truncate(s, len(r[0].split())) for s, r in zip(src, refs, strict=True)]
    system, copy, trunc = (corpus_sari(src, p, refs) for p in (pred, src, cut))
    print(
        f"(a) {label} document SARI adv->{level} (n={len(items)}): system {system:.2f}"
        f" | copy {copy:.2f} | truncate to reference length {trunc:.2f}"
    )
    human = [r[0] for r in refs]
    fk = [_mean([flesch_kincaid_grade(t) for t in ts]) for ts in (pred, human, src)]
    msl = [_mean([mean_sentence_length(t) for t in ts]) for ts in (pred, human, src)]
    words = [_mean([len(t.split()) for t in ts]) for ts in (pred, human, src)]
    print(
        f"(c) {label} {level}: system / human / source: FKGL {fk[0]:.2f} / {fk[1]:.2f} / {fk[2]:.2f};"
        f" mean sentence length {msl[0]:.1f} / {msl[1]:.1f} / {msl[2]:.1f};"
        f" words {words[0]:.0f} / {words[1]:.0f} / {words[2]:.0f}"
    )
    kept = [kept_share(r[0], p) for p, r in zip(pred, refs, strict=True)]
    k, n = sum(a for a, _ in kept), sum(b for _, b in kept)
    print(f"(c) {label} {level}: human version's names+numbers kept {100 * k / max(n, 1):.1f}% ({k}/{n})")
    hits = [v.hit_target for _, v, _ in items]
    exact = sum(v.measured_level == level for _, v, _ in items)
    human_hits = sum(LEVELS.index(m.level) <= LEVELS.index(level) for m in text_levels(human))
    print(
        f"(c) {label} {level}: measured level at/below target {100 * sum(hits) / len(items):.1f}%"
        f" (exactly on target {100 * exact / len(items):.1f}%; the human version, measured the same"
        f" way: {100 * human_hits / len(items):.1f}%)"
    )
    for name, (_, v, r) in zip(names_of or [], items, strict=False):  # --detail: which texts miss, and how
        print(
            f"    {name}: measured {v.measured_level} ({v.measured_score:.2f}) after {v.rounds} rounds,"
            f" {len(v.text.split())} words (human {len(r.split())})"
        )
    return hits


def report_sentences(pairs: list[tuple[str, str]], lexicon: Lexicon | None) -> None:
    nlp = load_pipeline()
    src = [a for a, _ in pairs]
    refs = [[b] for _, b in pairs]
    plain = [
        adapt_text(a, "A2", lexicon=lexicon, nlp=nlp, inline_glosses=False).text.replace("\n\n", " ")
        for a in src
    ]
    pred = [adapt_text(a, "A2", lexicon=lexicon, nlp=nlp).text.replace("\n\n", " ") for a in src]
    changed = sum(p.strip() != s.strip() for p, s in zip(pred, src, strict=True))
    print(
        f"(b) sentence SARI adv->A2 (n={len(pairs)}): system {corpus_sari(src, pred, refs):.2f}"
        f" (glosses only as spans, not in the text: {corpus_sari(src, plain, refs):.2f})"
        f" | copy {corpus_sari(src, src, refs):.2f}; sentences changed {changed}"
    )
    for name, wanted in (("human Elementary sentence", [r[0] for r in refs]), ("source sentence", src)):
        kept = [kept_share(w, p) for w, p in zip(wanted, pred, strict=True)]
        k, n = sum(a for a, _ in kept), sum(b for _, b in kept)
        print(f"(c) sentences: names+numbers of the {name} kept {100 * k / max(n, 1):.1f}% ({k}/{n})")


def report_speed(articles: dict[str, dict[str, str]], lexicon: Lexicon | None) -> None:
    nlp = load_pipeline()
    words: list[str] = []
    for texts in articles.values():
        for para in texts["adv"].split("\n"):
            if len(words) < 1000:
                words += [*para.split(), "\n"]
    story = " ".join(words).replace(" \n ", "\n").strip()
    n_words = len(story.split())
    adapt_story(story, lexicon=lexicon, nlp=nlp)  # warm: caches, lexicon connection
    runs = {
        "default (A2, B1, B2 + A1/C1 where the source allows)": {},
        "worst case (A1, A2, B1, B2, C1 all forced)": {
            "levels": ("A1", "A2", "B1", "B2", "C1"),
            "extra_levels": False,
        },
    }
    for label, options in runs.items():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            versions = adapt_story(story, lexicon=lexicon, nlp=nlp, **options)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        levels = ",".join(v.level_target for v in versions)
        print(
            f"(d) speed, {label}: {n_words}-word story, versions {levels}:"
            f" median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f};"
            " warm, model load excluded)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles / pairs")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: a,b,d")
    parser.add_argument("--detail", action="store_true", help="(a) per article: level, rounds, words")
    args = parser.parse_args()
    root = Path(args.data_dir) / "onestopenglish"
    lexicon = Lexicon.open(args.lexicon) if args.lexicon else None
    lexicon_name = lexicon.lexicon_version() if lexicon else "none (no lexical substitution)"
    print(f"lexicon: {lexicon_name}; split {args.split}")
    articles = read_articles(root, args.split)
    pairs = read_pairs(root, args.split)
    if args.limit:
        articles = dict(list(articles.items())[: args.limit])
        pairs = pairs[: args.limit * 5]
    skip = set(args.skip.split(","))
    if "a" not in skip:
        hits: list[bool] = []
        for level, items in document_figures(articles, lexicon).items():
            hits += report_level(level, items, "default budget", list(articles) if args.detail else None)
        print(f"(c) all versions (A2, B1, B2) measured at/below target: {100 * sum(hits) / len(hits):.1f}%")
        for level, items in document_figures(articles, lexicon, ref_length=True).items():
            if items:
                report_level(level, items, "budget = reference length")
    if "b" not in skip:
        report_sentences(pairs, lexicon)
    if "d" not in skip:
        report_speed(articles, lexicon)


if __name__ == "__main__":
    main()
