"""Exercise items: a synthetic learner's coverage, and cue-only solvers on the choice items.

Usage (from the repository root):
    python bench/bench_exercises.py [--shared ../shared] [--lexicon PATH] [--saved 300] [--due 50]
        [--level B1] [--sentences N] [--split dev|train] [--seed N]

The learner (bench/exercise_data.py) saves ``--saved`` words with their sentences from the
OneStopEnglish dev articles (Intermediate texts; ``--split train``: the train articles, to tune
rules on); ``--due`` of them (seeded) are due; ``--seed`` draws another learner (other saved
words and due words; the default 0 is the learner every figure in docs/quality.md is of). For each
due word the shipped generator (core.exercises.exercises_for_sentence) runs on its saved sentence
and up to ``--sentences`` - 1 other sentences holding it (default: as many as the practice service
tries, services.practice.MAX_SENTENCES). Printed:

- coverage: due words with at least one item, and distinct kinds per due word (mean); a word's
  items are counted once each by their key, as the practice service stores them (two level
  versions of a sentence can give the same item);
- cue-only solvers on the choice items with their own options (cloze, word family, collocation):
  longest option, "a"/"an" agreement with the word before the gap, and same form as the slot
  (lemminflect: the option is an inflection of its lemma with the slot's tag), each against chance;
  the solvers break ties (the alphabetically first) and guess (a seeded draw) as before, so the
  line "expected" gives their expected shares with every tie and guess at random, free of the
  draw's luck on a few dozen items;
- the share of cloze items whose key is the only option in the slot's form;
- with ``--why``: for each due word with fewer than three kinds, each sentence tried with the kinds
  made and what the shipped code refused on (bench/exercise_why.py).

With ``--every-word KINDS`` (comma-separated), the cue-only solvers are run instead on the items
of those kinds made from every distinct sentence of the dev articles' three level texts, with each
of its nouns and verbs as the word (as ``exercise_review_sheet.py --every-word``; for collocation
alone, only verbs and the nouns of its table, the only words it asks about): a kind the
learner's due words seldom give (collocations) is measured on all the items dev gives; ``--show``
prints each item as the review sheet does, so one walk gives both. ``--split train`` walks the
train articles instead (to tune on); with ``--by-kind`` the collocation items are also scored in
their two halves (verb or adjective + noun; particle or preposition), whose options differ.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from exercise_data import saved_words  # noqa: E402
from exercise_review_sheet import every_word_pairs, print_item  # noqa: E402
from exercise_why import explain  # noqa: E402
from lemminflect import getAllLemmas, getInflection  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Token  # noqa: E402

from vocabsphere.core.exercises import GAP, ExerciseItem, ExerciseKind, exercises_for_text, parse_kinds  # noqa: E402
from vocabsphere.core.exercises.collocate_table import ADJECTIVE_NOUN, VERB_OBJECT  # noqa: E402
from vocabsphere.core.exercises.distractors import article_of  # noqa: E402
from vocabsphere.core.exercises.option_lengths import length_hits  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402
from vocabsphere.services.practice import MAX_SENTENCES  # noqa: E402

OWN_OPTIONS = (ExerciseKind.CLOZE, ExerciseKind.WORD_FAMILY, ExerciseKind.COLLOCATION)


def _tags(word: str) -> set[str]:
    """Penn tags the word can carry as an inflection of one of its lemmas."""
    found = set()
    for upos, lemmas in getAllLemmas(word.lower()).items():
        for lemma in lemmas:
            for tag in ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB"):
                if tag[:2] == {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB"}.get(upos) and (
                    word.lower() in {f.lower() for f in getInflection(lemma, tag=tag)}
                    or (tag in ("NN", "VB", "JJ", "RB") and lemma == word.lower())
                ):
                    found.add(tag)
    return found


def _cue_scores(items: list[tuple[ExerciseItem, str]], rng: random.Random) -> None:
    longest = shortest = not_extreme = hits_an = n_an = same = only_key = n_cloze = 0
    chance = chance_an = expected_an = 0.0
    expected = [0.0, 0.0, 0.0, 0.0]  # the same solvers' expected hits, every tie and guess at random
    for item, slot_tag in items:
        options = list(item.options)
        chance += 1 / len(options)
        for i, hit in enumerate(length_hits(item.answer, options)):
            expected[i] += hit
        longest += max(options, key=len) == item.answer
        shortest += min(options, key=len) == item.answer
        # A solver that knows the key is rarely the longest or the shortest: a middle length.
        lengths = sorted({len(o) for o in options})
        middle = [o for o in options if len(o) not in (lengths[0], lengths[-1])] or options
        not_extreme += rng.choice(middle) == item.answer
        before = item.gapped.split(GAP)[0].split()[-1:] if GAP in item.gapped else []
        if before and before[0].lower() in ("a", "an"):
            fits = [o for o in options if article_of(o) == before[0].lower()] or options
            n_an += 1
            hits_an += rng.choice(fits) == item.answer
            expected_an += fits.count(item.answer) / len(fits)
            chance_an += 1 / len(options)
        matching = [o for o in options if slot_tag in _tags(o)] or options
        same += rng.choice(matching) == item.answer
        expected[3] += matching.count(item.answer) / len(matching)
        if item.kind is ExerciseKind.CLOZE:
            n_cloze += 1
            only_key += matching == [item.answer]
    n = len(items)
    print(f"choice items with own options: {n} (chance {100 * chance / n:.1f} %)")
    print(f"  longest option:   {100 * longest / n:.1f} %")
    print(f"  shortest option:  {100 * shortest / n:.1f} %")
    print(f"  middle length:    {100 * not_extreme / n:.1f} %")
    print(f"  same form:        {100 * same / n:.1f} %")
    shares = " / ".join(f"{100 * e / n:.1f}" for e in expected)
    print(f"  expected, ties and guesses at random: longest / shortest / middle / same form {shares} %")
    if n_an:
        print(
            f"  a/an agreement:   {100 * hits_an / n_an:.1f} % of {n_an} items after a/an "
            f"(expected, guesses at random: {100 * expected_an / n_an:.1f} %; "
            f"chance {100 * chance_an / n_an:.1f} %)"
        )
    if n_cloze:
        print(
            "  cloze items whose key is the only option of the slot's form: "
            f"{100 * only_key / n_cloze:.1f} % of {n_cloze}"
        )


def _slot_tag(nlp: Language, item: ExerciseItem) -> str:
    made_from = nlp(item.source_sentence)  # the story's sentence or one shortened from it
    return next((t.tag_ for t in made_from if t.text == item.answer), "")  # the gap's tag


def _collocation_word(token: Token) -> bool:
    """A word a collocation item can be made for: a verb (its particle, preposition or object), or
    a noun of the collocation table (the verb or adjective that goes with it)."""
    return token.pos_ == "VERB" or token.lemma_.lower() in {*VERB_OBJECT, *ADJECTIVE_NOUN}


def _every_word(lexicon: Lexicon, nlp: Language, args: argparse.Namespace) -> int:
    kinds = parse_kinds(args.every_word.split(","))
    choice: list[tuple[ExerciseItem, str]] = []
    made: set[tuple[str, str]] = set()
    keep = _collocation_word if set(kinds) == {ExerciseKind.COLLOCATION} else None
    for word, sentence in every_word_pairs(nlp, args.shared, keep=keep, split=args.split):
        for item in exercises_for_text(lexicon, nlp, sentence, word, args.level, kinds):
            if item.options and (item.question, item.answer) not in made:
                made.add((item.question, item.answer))
                choice.append((item, _slot_tag(nlp, item)))
                if args.show:
                    print_item(len(choice), item)
    print(f"every {args.split} sentence, each noun and verb as the word, kinds {args.every_word}")
    print(f"level {args.level}")
    print(f"items by kind: {dict(sorted(Counter(i.kind.value for i, _ in choice).items()))}")
    if choice:
        _cue_scores(choice, random.Random(11))
    pairs = [c for c in choice if c[0].prompt.startswith(("Which verb ", "Which adjective "))]
    if pairs and args.by_kind:  # the two halves of the collocation kind: their options differ
        print("-- collocation, verb or adjective + noun only")
        _cue_scores(pairs, random.Random(11))
        print("-- collocation, particle or preposition only")
        _cue_scores([c for c in choice if c not in pairs], random.Random(11))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON", ""))
    parser.add_argument("--saved", type=int, default=300)
    parser.add_argument("--due", type=int, default=50)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--sentences", type=int, default=MAX_SENTENCES)
    parser.add_argument(
        "--seed", type=int, default=0, help="another learner: other saved and due words (0: the usual one)"
    )
    parser.add_argument(
        "--split",
        default="dev",
        choices=("dev", "train"),
        help="the learner's articles, or with --every-word the articles walked (tune on train)",
    )
    parser.add_argument("--by-kind", action="store_true", help="cue solvers for each kind as well")
    parser.add_argument(
        "--why", action="store_true", help="for each due word with fewer than 3 kinds, why (per sentence)"
    )
    parser.add_argument(
        "--every-word", metavar="KINDS", help="cue solvers on these kinds over all dev sentences"
    )
    parser.add_argument(
        "--show", action="store_true", help="with --every-word: print each item as the review sheet"
    )
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("pass --lexicon or set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(args.lexicon)
    nlp = load_pipeline()
    if args.every_word:
        return _every_word(lexicon, nlp, args)
    saved = saved_words(nlp, args.shared, count=args.saved, seed=17 + args.seed, split=args.split)
    due = random.Random(5 + args.seed).sample(saved, min(args.due, len(saved)))
    kinds_per_word: list[int] = []
    by_kind: Counter[str] = Counter()
    typed_family = 0
    choice: list[tuple[ExerciseItem, str]] = []
    seconds: list[float] = []
    for sample in due:
        kinds: set[str] = set()
        made: set[str] = set()  # the practice service stores a word's items by key: a repeat is one item
        for sentence in sample.sentences[: args.sentences]:
            start = time.perf_counter()
            items = exercises_for_text(
                lexicon,
                nlp,
                sentence,
                sample.lemma if sentence != sample.sentence else sample.word,
                args.level,
            )
            seconds.append(time.perf_counter() - start)
            for item in items:
                if item.key in made:
                    continue  # two level versions shortened to one sentence give the same item
                made.add(item.key)
                kinds.add(item.kind.value)
                by_kind[item.kind.value] += 1
                typed_family += item.kind is ExerciseKind.WORD_FAMILY and not item.options
                if item.kind in OWN_OPTIONS and item.options:  # a typed word family has none
                    choice.append((item, _slot_tag(nlp, item)))
        kinds_per_word.append(len(kinds))
        if args.why and len(kinds) < 3:
            print(f"{sample.lemma} ({sample.pos}, saved as {sample.word!r}): {sorted(kinds) or 'no item'}")
            for number, sentence in enumerate(sample.sentences[: args.sentences]):
                word = sample.word if number == 0 else sample.lemma
                print("\n".join(explain(lexicon, nlp, sentence, word, args.level)))
    covered = sum(1 for k in kinds_per_word if k)
    print(f"learner: {len(saved)} saved words ({args.split}), {len(due)} due, level {args.level}")
    print(f"due words with at least one item: {covered}/{len(due)} = {100 * covered / len(due):.1f} %")
    print(f"distinct kinds per due word: mean {statistics.mean(kinds_per_word):.2f}")
    print(f"items by kind: {dict(sorted(by_kind.items()))} (word family typed: {typed_family})")
    print(f"generation per sentence (parse included): median {1000 * statistics.median(seconds):.0f} ms")
    _cue_scores(choice, random.Random(11))
    if args.by_kind:
        for kind in OWN_OPTIONS:
            some = [c for c in choice if c[0].kind is kind]
            if some:
                print(f"-- {kind.value} only")
                _cue_scores(some, random.Random(11))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
