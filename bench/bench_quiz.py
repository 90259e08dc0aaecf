"""Quiz answerability, cue resistance and speed on OneStopEnglish dev articles (three human levels each).

Usage (from the repository root):
    python bench/bench_quiz.py [DATA_DIR] [--articles N] [--split dev|train] [--lexicon FILE] [--speed-runs K]

Calls the shipped path: ``core.quizzes.generate_quiz`` over the three versions, and ``render_worksheet``
for the speed figure. Prints:
- answerability: the share of (question with a key) x (level) pairs whose key the level supports and none of
  whose distractors it supports (the generator's own check, see core/quizzes/support.py), and the share of
  questions answerable at all three levels;
- cue-only solvers on the multiple-choice questions (3+ options): longest option, most words shared with the
  stem, a/an agreement with the stem's last word, the first option (position); ties count as a guess among
  the tied options; each against chance (mean of 1 / options); for
  true/false the share of "False" keys (a solver that always says False);
- speed: quiz for the three versions + the worksheet PDF of the longest article: the first call after what the
  server loads at start-up (cold caches), then the median of K runs after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quiz_data import DEFAULT_DATA_DIR, Article, library, product_versions, read_articles  # noqa: E402
from spacy.language import Language  # noqa: E402

from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.lexicon.sense_embedding import load_sense_embedder  # noqa: E402
from vocabsphere.core.lexicon.sense_vectors import load_static_vectors  # noqa: E402
from vocabsphere.core.quizzes.generator import generate_quiz  # noqa: E402
from vocabsphere.core.quizzes.model import Question, QuestionKind, Quiz  # noqa: E402
from vocabsphere.core.quizzes.warm import warm_up  # noqa: E402
from vocabsphere.core.quizzes.worksheet import Worksheet, render_worksheet  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402

_WORD = re.compile(r"[a-z0-9']+")
# A solver names the options it would pick from; a tie is a guess among them (scored 1 / ties).
Solver = Callable[[Question], list[str]]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _best(options: Sequence[str], score: Callable[[str], float]) -> list[str]:
    top = max(score(o) for o in options)
    return [o for o in options if score(o) == top]


def longest(q: Question) -> list[str]:
    return _best(q.options, len)


def overlap(q: Question) -> list[str]:
    stem = _words(q.stem)
    return _best(q.options, lambda o: len(_words(o) & stem))


def article_cue(q: Question) -> list[str]:
    """Options that agree with a stem ending in "a" / "an"; every option when nothing tells."""
    last = q.stem.rstrip("?.: ").split()[-1].lower() if q.stem.strip() else ""
    if last in ("a", "an"):
        fits = [o for o in q.options if (o[:1].lower() in "aeiou") == (last == "an")]
        return fits or list(q.options)
    return list(q.options)


def first_option(q: Question) -> list[str]:
    return [q.options[0]]


def cue_rates(questions: Sequence[Question]) -> dict[str, float]:
    choice = [q for q in questions if q.answer is not None and len(q.options) >= 3]
    if not choice:
        return {}
    chance = statistics.mean(1 / len(q.options) for q in choice)
    out = {"chance": chance, "n": float(len(choice))}
    solvers: dict[str, Solver] = {
        "longest": longest,
        "overlap": overlap,
        "a/an": article_cue,
        "first": first_option,
    }
    for name, solver in solvers.items():
        picks = [solver(q) for q in choice]
        out[name] = statistics.mean((q.answer in p) / len(p) for q, p in zip(choice, picks, strict=True))
    return out


def run(articles: Sequence[Article], lexicon: Lexicon | None) -> list[Quiz]:
    nlp = load_pipeline()
    quizzes = []
    for article in articles:
        start = time.perf_counter()
        quiz = _quiz(article, articles, lexicon, nlp)
        kinds = Counter(q.kind.value for q in quiz.questions)
        print(f"{article.article_id:24} {time.perf_counter() - start:5.1f} s  {dict(kinds)}", flush=True)
        quizzes.append(quiz)
    return quizzes


def _quiz(article: Article, articles: Sequence[Article], lexicon: Lexicon | None, nlp: Language) -> Quiz:
    """The quiz as the product makes it: with the title, and the other articles as the library."""
    other = library(list(articles), article)
    return generate_quiz(
        article.versions,
        lexicon=lexicon,
        nlp=nlp,
        title=article.title,
        other_titles=other.titles,
        other_leads=other.leads,
    )


def first_call(article: Article, articles: Sequence[Article], lexicon: Lexicon | None) -> float:
    """The first quiz + worksheet after what the server loads at start-up (web/app.py: the pipeline, the
    lexicon, the sense choice's static vectors, the sense model when installed, core.quizzes.warm); the
    story's own sense choices are not cached yet."""
    nlp = load_pipeline()
    load_static_vectors()
    load_sense_embedder()
    warm_up(lexicon, nlp)
    start = time.perf_counter()
    quiz = _quiz(article, articles, lexicon, nlp)
    render_worksheet(Worksheet(article.title, "B1", tuple(article.versions["B1"].split("\n")), (), quiz))
    return time.perf_counter() - start


def speed(article: Article, articles: Sequence[Article], lexicon: Lexicon | None, runs: int) -> float:
    nlp = load_pipeline()
    _quiz(article, articles, lexicon, nlp)  # warm-up: models, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        quiz = _quiz(article, articles, lexicon, nlp)
        sheet = Worksheet(article.title, "B1", tuple(article.versions["B1"].split("\n")), (), quiz)
        render_worksheet(sheet)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(quizzes: Sequence[Quiz], levels: int) -> None:
    keyed = [q for quiz in quizzes for q in quiz.questions if q.kind.has_key]
    pairs = len(keyed) * levels
    supported = sum(len(q.levels) for q in keyed)
    everywhere = sum(len(q.levels) == levels for q in keyed)
    print(f"\nquestions with a key: {len(keyed)} ({len(keyed) / max(1, len(quizzes)):.1f} per article)")
    kinds = Counter(q.kind.value for quiz in quizzes for q in quiz.questions)
    print("by kind: " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    print(f"key supported at the level: {supported}/{pairs} pairs = {supported / max(1, pairs):.1%}")
    print(
        f"answerable at all {levels} levels: {everywhere}/{len(keyed)} = "
        f"{everywhere / max(1, len(keyed)):.1%}"
    )
    rates = cue_rates(keyed)
    if rates:
        print(f"multiple choice ({int(rates['n'])} questions), chance {rates['chance']:.1%}:")
        for name in ("longest", "overlap", "a/an", "first"):
            print(
                f"  {name:8} solver {rates[name]:.1%} "
                f"({rates[name] - rates['chance']:+.1%} points over chance)"
            )
    sequence = [[q for q in quiz.questions if q.kind is QuestionKind.SEQUENCE] for quiz in quizzes]
    made = [q for found in sequence for q in found]
    print(
        f"sequence questions: {len(made)} on {sum(map(bool, sequence))}/{len(quizzes)} articles; "
        f"key supported {sum(len(q.levels) for q in made)}/{len(made) * levels} question x level pairs"
    )
    tf = [q for q in keyed if q.kind is QuestionKind.TRUE_FALSE]
    if tf:
        false = sum(q.answer == "False" for q in tf) / len(tf)
        print(f"true/false ({len(tf)}): key False {false:.1%} (chance 50%)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--articles", type=int, default=None, help="first N dev articles (default all)")
    parser.add_argument("--split", default="dev", help="dev (default) or train (what rules were tuned on)")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--speed-runs", type=int, default=3)
    parser.add_argument(
        "--flow",
        choices=("human", "product"),
        default="human",
        help="human: the three human versions as the levels (default); product: the advanced text as the "
        "source, A2 and B1 made from it by the shipped adaptation, and the source as 'orig'",
    )
    parser.add_argument("--versions-cache", type=Path, help="product flow: keep the adaptations in this JSON")
    args = parser.parse_args(argv)
    lexicon = Lexicon.open(args.lexicon) if args.lexicon else None
    articles = read_articles(args.data_dir, args.articles, split=args.split)
    if args.flow == "product":
        articles = product_versions(articles, lexicon, load_pipeline(), args.versions_cache)
    if args.speed_runs:  # before anything else has warmed the caches
        longest_article = max(articles, key=lambda a: a.words)
        print(
            f"first call after start-up loading: quiz for 3 levels + worksheet PDF of "
            f"{longest_article.article_id} ({longest_article.words} words): "
            f"{first_call(longest_article, articles, lexicon):.2f} s",
            flush=True,
        )
    quizzes = run(articles, lexicon)
    report(quizzes, levels=3)
    if args.speed_runs:
        longest_article = max(articles, key=lambda a: a.words)
        seconds = speed(longest_article, articles, lexicon, args.speed_runs)
        print(
            f"speed: quiz for 3 levels + worksheet PDF of {longest_article.article_id} "
            f"({longest_article.words} words): {seconds:.2f} s (median of {args.speed_runs})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
