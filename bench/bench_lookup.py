"""Benchmark in-context look-up: sense-ranking accuracy and latency.

Usage:
    python bench/bench_lookup.py LEXICON [--eval bench/data/sense_eval.tsv] [--lookups 2000]
                                 [--tune] [--seed 7] [--fresh] [--dump FILE]

Accuracy (first-ranked sense is among the annotated synsets) on the evaluation set, for
(a) WordNet's first sense of the POS in context, (b) Lesk overlap only (no prior, no
extensions) and (c) the shipped ranker. ``--tune`` grid-searches the weights on the 50
development sentences below (our own, disjoint from the evaluation set), ranked by accuracy
then by the mean reciprocal rank of the right sense.
Latency, warm, single process (wall time and this thread's CPU time: on a shared machine the wall
p99 is mostly waiting for a core):
- a tap in the reader, the shipped path (``dictionary.look_up_in_version``): a throw-away SQLite
  data directory gets a ~1,000-word story and its level versions (parsed once, at build time, as
  in the product); the pipeline and lexicon are loaded first, as at start-up; then every sentence
  of every version is tapped once at a random word (the first tap in a new sentence: the version
  is read from the database, the sentence's stored parse rebuilt, the word's senses ranked and
  translated, its simpler words read from the version where its build prepared them), then every
  word of every version. The versions are built in the same process,
  which leaves the sense choice's caches warm for the words they met; ``--fresh`` builds them in
  another process and taps in one that has only started up, as the web server does; ``--dump FILE``
  writes every word's answer (``lookup_as_dict``, keyed "level sentence.token") as JSON, to compare
  two versions of the code (run this file with each one's ``src`` on PYTHONPATH);
- a look-up of a typed word in a typed sentence (the dictionary page), which parses the sentence;
- ``lookup_many`` over a ~200-word paragraph parsed once.
"""

from __future__ import annotations

import argparse
import csv
import gc
import itertools
import json
import multiprocessing
import random
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon import sense_ranking as sr
from vocabsphere.core.lexicon.context import _find_token, lookup_in_context, lookup_many
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.sense_embedding import embeddings_available
from vocabsphere.core.text import load_pipeline

Item = tuple[str, str, frozenset[str]]
DEV: list[tuple[str, str, str]] = [
    ("bank", "She deposited her first salary at the bank on Friday.", "08420278-n,02787772-n"),
    ("bank", "They fished from the muddy bank of the stream all afternoon.", "09213565-n"),
    ("fired", "The coach was fired after a string of defeats.", "02402843-v"),
    ("fire", "A fire destroyed three homes overnight, leaving families without shelter.", "07302836-n"),
    ("suit", "The actor wore a dark suit and tie to the premiere.", "04350905-n"),
    ("suit", "The family filed a suit against the hospital for negligence.", "01182654-n"),
    ("tanks", "The army sent tanks and armoured vehicles into the city.", "04389033-n"),
    ("tank", "The fuel tank of the car was almost empty.", "04388743-n"),
    ("trial", "The trial of the former minister began in a packed courtroom.", "01195867-n"),
    ("trial", "The new drug is being tested in a clinical trial with volunteers.", "00791078-n,05799212-n"),
    ("note", "He left a note for his wife saying he would be late.", "06626286-n,06504462-n"),
    ("note", "The soprano held the high note for several seconds.", "06865345-n"),
    ("club", "He joined the chess club at his school.", "08227214-n"),
    ("club", "The golfer chose a different club for the long shot to the green.", "03446070-n"),
    ("board", "The board of directors approved the merger.", "08322981-n"),
    ("strike", "Workers went on strike over pay and pensions.", "01243674-n"),
    ("strike", "A military air strike hit the village, destroying homes.", "00977301-n"),
    ("star", "Astronomers observed a distant star in the galaxy.", "09444100-n,09444783-n"),
    ("crane", "A crane lifted the steel beams onto the roof of the tower.", "03126707-n"),
    ("order", "The customer placed an order for ten laptops.", "06529219-n"),
    ("order", "The general gave the order to retreat.", "07168623-n"),
    ("state", "The governor of the state signed the law.", "08654360-n"),
    ("seal", "A seal was resting on the rocks by the shore.", "02076196-n"),
    ("interest", "Savers earn little interest on their deposits these days.", "13318584-n"),
    ("plant", "The nuclear power plant was shut down after the earthquake.", "03956922-n"),
    ("cell", "Her cell rang loudly during the meeting.", "02992529-n"),
    ("match", "He lit a match to see in the dark cellar.", "03728437-n,03728982-n"),
    ("records", "Police keep records of all arrests.", "06647206-n,06636524-n"),
    ("party", "The party will choose a new leader in March.", "08256968-n"),
    ("scale", "The bathroom scale showed he had lost weight.", "04141975-n"),
    ("pitch", "The singer struggled to hit the right pitch in the final song.", "04985198-n"),
    ("spring", "The old mattress had a broken spring that kept poking him.", "04288272-n"),
    ("key", "Trust is the key to a successful partnership, the report says.", "05794057-n"),
    ("ring", "Police broke up a drug smuggling ring operating from the port.", "08244062-n"),
    ("light", "The traffic light turned red as the bus approached.", "03665366-n,06874019-n"),
    ("court", "The tennis players walked onto the clay court to warm up.", "03120491-n"),
    ("record", "Her record as mayor includes new schools and lower crime.", "00047745-n"),
    ("play", "Children need time for play as well as for lessons.", "00431893-n"),
    ("table", "The table shows the population of each country in 2020.", "08266235-n"),
    ("figure", "He is a well-known figure in the music industry.", "10344443-n"),
    ("capital", "Madrid is the capital and largest city of Spain.", "08518505-n"),
    ("bat", "A bat flew out of the barn at dusk, hunting insects.", "02139199-n"),
    ("base", "The theory rests on a solid base of evidence.", "05793554-n,02797692-n"),
    ("charge", "He faces a charge of murder after the shooting.", "06561942-n"),
    ("current", "Engineers measured the electric current flowing through the wire.", "11443532-n"),
    ("mine", "The gold mine employs hundreds of miners in the mountains.", "03768346-n"),
    ("sentence", "Write each sentence in the past tense and check the grammar.", "06285090-n"),
    ("stock", "Investors sold their stock as the company's profits fell.", "13333833-n,13417071-n"),
    ("party", "The search party found the missing climbers on the ridge.", "08264897-n"),
    ("run", "The firm is run by two sisters who founded it in 1990.", "02443849-v"),
]
PARAGRAPH = (
    "The central bank raised interest rates again on Thursday, its fifth increase this year, "
    "as officials tried to cool prices that have climbed faster than wages. Borrowers with "
    "variable mortgages will see their monthly payments rise, while savers may finally earn "
    "a little more on their deposits. Shares fell sharply after the announcement, and the "
    "currency gained against the dollar. Economists were divided. Some argued that the bank "
    "had no choice, because inflation remained well above its target and showed few signs "
    "of easing. Others warned that higher costs would hit small firms hardest, at a time when "
    "many are still repaying loans taken out during the pandemic. In the countryside, farmers "
    "said the decision came on top of a difficult spring, with floods along the river bank "
    "destroying crops and fences. A spokesman for the finance ministry said the government "
    "would publish new figures next month and would consider help for households facing the "
    "sharpest increases. Opposition parties called for an urgent debate in parliament, and "
    "union leaders threatened a strike if public sector pay did not keep pace with the cost "
    "of living. The governor, speaking at a press conference, said the bank would act again "
    "if needed but hoped that the worst was over. Markets will now watch closely for the "
    "next set of data on jobs and spending before the board meets again in six weeks."
)


def read_items(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as fh:
        return [
            (r["word"], r["sentence"], frozenset(r["synsets"].split(",")))
            for r in csv.DictReader(fh, delimiter="\t")
        ]


def predictor(lex: Lexicon, weights: sr.Weights | None) -> Callable[[str, str], list[str]]:
    """Synsets best first for (word, sentence), through the shipped ``choose_sense`` on the
    pipeline's parse; weights None = WordNet order for the lemma and POS it settles on."""
    nlp = load_pipeline()

    def predict(word: str, sentence: str) -> list[str]:
        doc = nlp(sentence)
        index = _find_token(doc, word)
        if index is None:
            return []
        choice = choose_sense(lex, doc, index, weights=weights or sr.SHIPPED)
        if weights is None:
            return [s.synset_id for s in sorted((r.sense for r in choice.senses), key=lambda s: s.rank)]
        return [r.sense.synset_id for r in choice.senses]

    return predict


def scores(items: list[Item], predict: Callable[[str, str], list[str]]) -> tuple[float, float]:
    """(first-sense accuracy, mean reciprocal rank of the first acceptable sense)."""
    hits = rr = 0.0
    for word, sentence, gold in items:
        ranked = predict(word, sentence)
        hits += bool(ranked) and ranked[0] in gold
        rr += next((1 / (i + 1) for i, sid in enumerate(ranked) if sid in gold), 0.0)
    return hits / len(items), rr / len(items)


def accuracy(items: list[Item], predict: Callable[[str, str], list[str]]) -> float:
    return scores(items, predict)[0]


def tune(lex: Lexicon) -> None:
    dev = [(w, s, frozenset(g.split(","))) for w, s, g in DEV]
    results = []
    semantic = (0.0, 4.0, 8.0, 16.0) if embeddings_available() else (0.0,)
    grid = itertools.product(
        (0.5, 1.0, 1.5, 2.0, 3.0), (0.0, 0.5, 1.0), (0.0, 0.15, 0.3, 0.6), (0.0, 1.0, 2.0), semantic
    )
    for prior, hyper, ctx, comp, sem in grid:
        weights = sr.Weights(
            overlap=1.0, prior=prior, hypernym_gloss=hyper, context_gloss=ctx, compound=comp, semantic=sem
        )
        results.append((*scores(dev, predictor(lex, weights)), weights))
    # Ties in accuracy (50 sentences) are broken by the rank given to the right sense.
    for acc, mrr, weights in sorted(results, key=lambda r: (-r[0], -r[1]))[:8]:
        print(f"dev acc {acc:.3f} mrr {mrr:.3f}  {weights}")


def percentiles(samples: list[float]) -> str:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {qs[49] * 1000:.2f} ms  p99 {qs[98] * 1000:.2f} ms"


def build_story(data_dir: Path, lexicon_path: Path) -> int:
    """A throw-away data directory with the ~1,000-word story and its level versions."""
    from datetime import UTC, datetime

    from bench_reader import long_story

    from vocabsphere.config import Settings
    from vocabsphere.services import versions
    from vocabsphere.services.fetching import FetchPolicy
    from vocabsphere.services.ingest import IngestSource, ingest
    from vocabsphere.store.database import Database
    from vocabsphere.store.migrate import upgrade_database

    settings = Settings(data_dir=data_dir, env="development", lexicon_path=lexicon_path)
    db = Database.connect(settings.sqlalchemy_url)
    upgrade_database(db.engine)
    now = datetime.now(UTC)
    story = ingest(db, IngestSource(kind="text", text=long_story()), now=now, policy=FetchPolicy())
    versions.build_versions(db, settings, story.story_id, now=now)
    db.dispose()
    return int(story.story_id)


def tap_latency(lexicon_path: Path, seed: int, fresh: bool = False, dump: Path | None = None) -> None:
    """The reader's tap, through the service the API calls, on versions built as in the product.
    ``fresh``: taps in a process that has done nothing but start up (the web server's case)."""
    import tempfile

    from vocabsphere.config import Settings
    from vocabsphere.core.reading.tokens import ReaderText
    from vocabsphere.services import dictionary, reading, versions
    from vocabsphere.store.database import Database

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench-lookup-") as tmp:
        settings = Settings(data_dir=Path(tmp), env="development", lexicon_path=lexicon_path)
        if fresh:  # the versions are built by another process (a job worker): nothing is cached here
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                story_id = pool.submit(build_story, Path(tmp), lexicon_path).result()
        else:
            story_id = build_story(Path(tmp), lexicon_path)
        db = Database.connect(settings.sqlalchemy_url)
        dictionary.warm_up(settings)  # as the server's start-up does
        levels = [v.level for v in versions.list_versions(db, story_id)]
        texts: dict[str, ReaderText] = {lv: reading.reader_text(db, story_id, lv) for lv in levels}
        gc.collect()
        gc.freeze()
        first: list[float] = []
        cpu_first: list[float] = []
        every: list[float] = []
        answers: dict[str, object] = {}
        for level, text in texts.items():
            sentences = [s for p in text.paragraphs for s in p]
            taps = [(i, j) for i, s in enumerate(sentences) for j, t in enumerate(s.tokens) if t.is_word]
            firsts: dict[int, list[int]] = {}
            for i, j in taps:
                firsts.setdefault(i, []).append(j)
            for i, options in firsts.items():  # the first tap in each sentence, at a random word
                t0, c0 = time.perf_counter(), time.thread_time()
                dictionary.look_up_in_version(
                    settings,
                    db,
                    story_id=story_id,
                    level=level,
                    sentence=i,
                    token=rng.choice(options),
                    lang="es",
                )
                first.append(time.perf_counter() - t0)
                cpu_first.append(time.thread_time() - c0)
            for i, j in taps:
                t0 = time.perf_counter()
                found = dictionary.look_up_in_version(
                    settings, db, story_id=story_id, level=level, sentence=i, token=j, lang="es"
                )
                every.append(time.perf_counter() - t0)
                if dump is not None:
                    answers[f"{level} {i}.{j}"] = dictionary.lookup_as_dict(found)
        gc.unfreeze()
        db.dispose()
    where = "fresh process" if fresh else "after building the versions in this process"
    print(
        f"tap in the reader ({where}), first in a new sentence "
        f"({len(first)} sentences of {len(texts)} versions): "
        f"wall {percentiles(first)} | CPU {percentiles(cpu_first)}"
    )
    print(f"tap in the reader, every word ({len(every)}): wall {percentiles(every)}")
    if dump is not None:
        dump.write_text(json.dumps(answers, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")


def latency(lex: Lexicon, items: list[Item], n: int, seed: int) -> None:
    nlp = load_pipeline()
    rng = random.Random(seed)
    sample = [rng.choice(items) for _ in range(n)]
    for word, sentence, _ in items:  # warm caches, the pipeline and the sentence vectors
        lookup_in_context(lex, word, sentence, "es")
    gc.collect()
    gc.freeze()
    with_parse: list[float] = []
    cpu_with: list[float] = []
    for word, sentence, _ in sample:
        t0, c0 = time.perf_counter(), time.thread_time()
        lookup_in_context(lex, word, sentence, "es")
        with_parse.append(time.perf_counter() - t0)
        cpu_with.append(time.thread_time() - c0)
    print(
        f"typed word in a typed sentence, parse included ({n}): "
        f"wall {percentiles(with_parse)} | CPU {percentiles(cpu_with)}"
    )
    words = [t.text for t in nlp(PARAGRAPH) if t.is_alpha]
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        lookup_many(lex, words, PARAGRAPH, "de")
        runs.append(time.perf_counter() - t0)
    best = min(runs)
    print(
        f"lookup_many: {len(words)} words in {best * 1000:.0f} ms "
        f"({best / len(words) * 1000:.2f} ms/word, parse included, best of 5)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("--eval", type=Path, default=Path(__file__).parent / "data" / "sense_eval.tsv")
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tune", action="store_true")
    parser.add_argument(
        "--fresh", action="store_true", help="only the taps, in a process that built nothing (the web server)"
    )
    parser.add_argument("--dump", type=Path, help="write every word's answer as JSON (with --fresh)")
    args = parser.parse_args()
    if args.fresh:
        tap_latency(args.lexicon, args.seed, fresh=True, dump=args.dump)
        return
    lex = Lexicon.open(args.lexicon)
    if args.tune:
        tune(lex)
        return
    items = read_items(args.eval)
    rankers: list[tuple[str, sr.Weights | None]] = [
        ("(a) WordNet first sense", None),
        ("(b) Lesk only", sr.LESK_ONLY),
        ("(c) shipped, no embeddings", sr.WITHOUT_EMBEDDINGS),
    ]
    if embeddings_available():
        rankers.append(("(d) shipped + embeddings", sr.SHIPPED))
    else:
        print("(d) sentence embeddings: the 'senses' extra is not installed, not measured")
    for label, weights in rankers:
        acc, mrr = scores(items, predictor(lex, weights))
        print(f"{label:<28} {acc:.1%}  MRR {mrr:.3f}  (n={len(items)})")
    print(f"latency with sentence embeddings: {'on' if embeddings_available() else 'off'}")
    tap_latency(args.lexicon, args.seed)
    latency(lex, items, args.lookups, args.seed)


if __name__ == "__main__":
    main()
