"""Reviewer's sheet for exercise items: each item with its source sentence, key, options and
explanation, numbered, for a teacher to judge (ungrammatical prompt, two defensible answers, false
explanation, other).

Usage (from the repository root):
    python bench/exercise_review_sheet.py [--shared ../shared] [--words 120] [--level B1]
        [--kinds cloze,word_form] [--per-kind N] [--lexicon PATH] [--every-sentence | --every-word]

Items are made by the shipped generator (core.exercises.exercises_for_sentence) for the synthetic
learner's saved words (bench/exercise_data.py: OneStopEnglish dev, Intermediate texts), from each
word's saved sentence and its other sentences. The lexicon defaults to $VOCABSPHERE_LEXICON.
With --every-sentence, every distinct sentence of the dev articles' three level texts is tried
once instead, with its first noun as the word: the sentence-pattern kinds (voice, relative_clause,
question) need a passive, a relative clause or a plain statement, which the 120 words' sentences
seldom hold, and each item there depends on the sentence, not on which of its words was saved.
With --every-word, each distinct sentence is tried with each of its nouns and verbs as the word
(collocations are asked from either word of the pair, and the learner's words seldom stand in
one); the same item made from both words is shown once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from exercise_data import dev_texts, saved_words  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Token  # noqa: E402

from vocabsphere.core.exercises import ExerciseItem, exercises_for_text, parse_kinds  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402
from vocabsphere.services.practice import MAX_SENTENCES  # noqa: E402


def print_item(number: int, item: ExerciseItem) -> None:
    print(f"#{number} [{item.kind.value}] word: {item.word}")
    if item.shortened_from:
        print(f"  story:       {item.shortened_from}")
        print(f"  SHORTENED:   {item.source_sentence}")
    else:
        print(f"  source:      {item.source_sentence}")
    print(f"  question:    {item.question}")
    if item.options:
        print(f"  options:     {' | '.join(item.options)}")
    print(f"  key:         {item.answer}   accepted: {' / '.join(item.accepted)}")
    print(f"  explanation: {item.explanation}")
    if item.grammar_point:
        print(f"  point:       {item.grammar_point.id} ({item.grammar_point.level})")
    print()


def _pairs(nlp: Language, args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(word, sentence) pairs to make items for."""
    if not (args.every_sentence or args.every_word):
        for sample in saved_words(nlp, args.shared, count=args.words, split=args.split):
            for number, sentence in enumerate(sample.sentences[:MAX_SENTENCES]):
                # As the practice service: the saved sentence holds the word as written, the others its lemma.
                yield (sample.word if number == 0 else sample.lemma), sentence
        return
    yield from every_word_pairs(nlp, args.shared, first_noun_only=not args.every_word, split=args.split)


def every_word_pairs(
    nlp: Language,
    shared: Path,
    first_noun_only: bool = False,
    keep: Callable[[Token], bool] | None = None,
    split: str = "dev",
) -> Iterator[tuple[str, str]]:
    """Each distinct sentence of the dev articles' three level texts with each of its nouns and
    verbs (or only its first noun) as the word; ``keep``: only the words it accepts (a bench of
    one kind skips words that kind never asks about, as each word costs a parse); ``split``: the
    train articles instead, to tune on."""
    seen: set[str] = set()
    paragraphs = [
        p for lv in ("ele", "int", "adv") for _, t in dev_texts(shared, lv, split) for p in t.split("\n")
    ]
    for doc in nlp.pipe(p for p in paragraphs if p.strip()):
        for sent in doc.sents:
            noun = next((t.text for t in sent if t.pos_ == "NOUN"), None)
            if noun and sent.text.strip() not in seen:
                seen.add(sent.text.strip())
                words = (
                    [noun]
                    if first_noun_only
                    else [t.text for t in sent if t.pos_ in ("NOUN", "VERB") and (keep is None or keep(t))]
                )
                for word in dict.fromkeys(words):
                    yield word, sent.text.strip()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--words", type=int, default=120, help="saved words to make items for")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--split", default="dev", choices=("dev", "train"), help="the learner's articles")
    parser.add_argument("--kinds", help="comma-separated kinds (default all)")
    parser.add_argument("--per-kind", type=int, default=40, help="most items shown per kind")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON", ""))
    parser.add_argument(
        "--every-sentence", action="store_true", help="each dev sentence once, word: its first noun"
    )
    parser.add_argument(
        "--every-word", action="store_true", help="each dev sentence once, word: each of its nouns and verbs"
    )
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("pass --lexicon or set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    kinds = parse_kinds(args.kinds.split(",") if args.kinds else None)
    shown: Counter[str] = Counter()
    made: set[tuple[str, str, str]] = set()
    number = 0
    for word, sentence in _pairs(nlp, args):
        for item in exercises_for_text(lexicon, nlp, sentence, word, args.level, kinds):
            if (
                shown[item.kind.value] >= args.per_kind
                or (item.kind.value, item.question, item.answer) in made
            ):
                continue
            made.add((item.kind.value, item.question, item.answer))
            shown[item.kind.value] += 1
            number += 1
            print_item(number, item)
    print("items by kind:", dict(sorted(shown.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
