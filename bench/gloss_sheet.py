"""Gloss and substitution sheet: every word the level versions' lexical step would replace or gloss.

Usage (from the repository root):
    VOCABSPHERE_LEXICON=LEXICON python bench/gloss_sheet.py [--dev 10] [--skip 0] [--split dev]
        [--levels A2,B1] [--data DATA] [--every] [--text adv|int|ele]

Runs the shipped lexical step (``core.adapt.lexical.Substituter.simplify``) on every sentence of the
first N OneStopEnglish dev articles after the first ``--skip`` (Advanced texts, alphabetical, as
``review_sheet.py --dev``; ``--split train`` reads the train articles instead), so
a reviewer reads each substitution ("word -> substitute") and each gloss ("word (= gloss)") with its
sentence, more of them than one version shows (a version glosses at most two words a paragraph).
``--every`` adds the gloss :func:`simple_gloss` gives (for the popover and "Words to learn") of every
other noun, verb, adjective and adverb above the level ("E" lines), so that many glosses can be read.
``--text int`` (or ``ele``) reads the stories' Intermediate (Elementary) texts instead: other wording
of the same stories, for a reading of texts not reviewed before.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Span

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_adapt import read_articles  # noqa: E402

from vocabsphere.core.adapt.lexical import Substituter  # noqa: E402
from vocabsphere.core.levels import assess_word  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.lexicon.sense_choice import choose_sense, is_weak  # noqa: E402
from vocabsphere.core.lexicon.substitutes import LEVELS, simple_gloss  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402


def every_gloss(lexicon: Lexicon, sent: Span, level: str, done: set[str]) -> Iterator[tuple[str, str]]:
    """(word, gloss) for each content word of the sentence above ``level`` that has a gloss."""
    for tok in sent:
        if tok.pos_ not in {"NOUN", "VERB", "ADJ", "ADV"} or tok.text in done or not tok.is_alpha:
            continue
        try:
            above = LEVELS.index(assess_word(tok.lemma_.lower(), tok.pos_).level) > LEVELS.index(level)
        except ValueError:
            continue
        meaning = simple_gloss(lexicon, tok.doc, tok.i, level) if above else None
        if meaning:
            yield tok.text, meaning


def why(lexicon: Lexicon, sent: Span, word: str) -> str:
    """The sense choice behind a gloss: chance, senses in that POS, weak, lemma/POS (``--why``)."""
    tok = next(t for t in sent if t.text == word)
    choice = choose_sense(lexicon, tok.doc, tok.i)
    weak = " weak" if choice.senses and is_weak(choice.senses[0]) else ""
    return f"\t[p={choice.probability:.2f} n={len(choice.senses)}{weak} {choice.lemma}/{choice.upos}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=int, default=10, help="how many articles")
    parser.add_argument("--skip", type=int, default=0, help="articles to pass over first")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--levels", default="A2,B1")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--every", action="store_true", help="also the gloss of every word above the level")
    parser.add_argument("--why", action="store_true", help="show each gloss's sense choice")
    parser.add_argument("--text", default="adv", choices=("adv", "int", "ele"), help="which version to read")
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("set VOCABSPHERE_LEXICON or pass --lexicon")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    articles = list(read_articles(args.data / "onestopenglish", args.split).items())
    articles = articles[args.skip : args.skip + args.dev]
    counts = {"substitutions": 0, "glosses": 0, "every": 0}
    for level in args.levels.split(","):
        print(f"=== {level}")
        step = Substituter(lexicon, level)
        for name, texts in articles:
            for paragraph in texts[args.text].split("\n"):
                for sent in nlp(paragraph).sents:
                    result = step.simplify(sent)
                    for old, new in result.replacements:
                        counts["substitutions"] += 1
                        print(f"S {level} {name}: {old} -> {new}\t| {sent.text}")
                    done = {g.word for g in result.glosses} | {old for old, _ in result.replacements}
                    for gloss in result.glosses:
                        counts["glosses"] += 1
                        note = why(lexicon, sent, gloss.word) if args.why else ""
                        print(f"G {level} {name}: {gloss.word} (= {gloss.gloss})\t| {sent.text}{note}")
                    for tok, meaning in every_gloss(lexicon, sent, level, done) if args.every else ():
                        counts["every"] += 1
                        note = why(lexicon, sent, tok) if args.why else ""
                        print(f"E {level} {name}: {tok} (= {meaning})\t| {sent.text}{note}")
    print(counts)


if __name__ == "__main__":
    main()
