"""Figures for the placement test (vocabsphere.core.placement) with simulated learners.

Usage (from the repository root):
    python bench/bench_placement.py [DATA_DIR] [--learners N] [--split test|tune]

DATA_DIR defaults to ../shared/data (the folder holding ``cefrj/``).

Words: the word-level model's dev split of CEFR-J / Octanove (training/word_level/cefrj_data.py; the
model never saw these headwords, so their difficulty is the model's prediction, as for any new word),
single-word headwords only, halved by a seeded hash into `tune` (the only half looked at while setting
the test's constants) and `test` (reported). Each word gets the frequency band it would have in the
shipped bank (wordfreq Zipf against the bank's band boundaries); words rarer than band 10 are left out.
The shipped test runs unchanged (core.placement.plan) over a bank made of the split's words in place
of the shipped bank (so every item has a known true level), with the shipped pseudowords.

Simulated learner: true level k (A1..C2, equally many), ability t uniform in [k, k + 1); a word of
CEFR level L has true difficulty L plus a fixed jitter in [-0.5, 0.5]; the learner knows it with
probability sigmoid(1.4 * (t - difficulty)) (a slope other than the test's), says yes to known words
(but slips 3 %), and to unknown words and pseudowords with their own overclaiming rate, uniform in
0..0.3. Meaning checks: right when the word is known (95 %), else a guess among 4. Reading questions:
right with probability 1/3 + 2/3 * sigmoid(1.4 * (t - 3.0)).
Truth: level k; vocabulary size = sum over bands of 1,000 x the mean probability of knowing the
band's words. Prints level accuracy (exact, within one), the 80 % range's coverage, vocabulary-size
error, the same size without the correction for guessing, and the number of items used.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training" / "word_level"))

from cefrj_data import LEVEL_INDEX, POS_TO_UPOS, read_rows, split_rows  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

from vocabsphere.core.levels import word_level_score  # noqa: E402
from vocabsphere.core.placement import plan, reading  # noqa: E402
from vocabsphere.core.placement.items import BAND_SIZE, BANDS, Bank, BankWord, load_bank  # noqa: E402
from vocabsphere.core.placement.meaning import SenseInfo  # noqa: E402
from vocabsphere.core.placement.scoring import LEVELS, band_scores, estimate  # noqa: E402

TRUE_SLOPE = 1.4
OVERCLAIM_MAX = 0.3
SLIP = 0.03


def _half(word: str) -> str:
    return "tune" if hashlib.sha256(f"placement-bench:{word}".encode()).digest()[0] < 128 else "test"


def band_floors() -> list[float]:
    """The lowest Zipf frequency of the shipped bank's words in each band."""
    bank = load_bank()
    return [min(zipf_frequency(w.word, "en") for w in bank.words if w.band == b) for b in range(1, BANDS + 1)]


def split_words(data_dir: Path, half: str) -> list[tuple[str, str, int, int]]:
    """(word, UPOS, level, band) for the split's single-word headwords in the first 10 bands."""
    _, dev = split_rows(read_rows(data_dir))
    floors = band_floors()
    lowest: dict[str, tuple[int, str]] = {}
    for row in dev:
        word = row["headword"].split("/")[0].strip()
        if not word.isalpha() or not word.islower() or _half(word) != half:
            continue
        level, upos = LEVEL_INDEX[row["cefr"]], POS_TO_UPOS[row["pos"].strip()][0]
        if word not in lowest or level < lowest[word][0]:
            lowest[word] = (level, upos)
    words = []
    for word, (level, upos) in sorted(lowest.items()):
        zipf = zipf_frequency(word, "en")
        band = next((b + 1 for b, floor in enumerate(floors) if zipf >= floor), None)
        if band is not None:
            words.append((word, upos, level, band))
    return words


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def simulate(bank: Bank, truth: dict[str, float], level: int, rng: random.Random) -> dict[str, float]:
    ability = level + rng.random()
    overclaim = rng.uniform(0, OVERCLAIM_MAX)
    knows = {w: rng.random() < _sigmoid(TRUE_SLOPE * (ability - d)) for w, d in truth.items()}
    state = plan.start(bank, seed=rng.randrange(1 << 30))
    while state.stage == "words":
        yes = {
            w
            for w in state.batch
            if (rng.random() > SLIP if knows.get(w, False) else rng.random() < overclaim)
        }
        state = plan.record_words(state, bank, yes)
    by_word = bank.by_word()

    def senses(word: str) -> list[SenseInfo]:
        return [SenseInfo(f"the one meaning of the word {word[::-1]}", (), 10, by_word[word].pos)]

    state = plan.prepare_meanings(state, bank, senses)
    if state.stage == "meanings":
        chosen = [
            m["answer"] if knows.get(m["word"]) and rng.random() < 0.95 else rng.randrange(4)
            for m in state.meanings
        ]
        state = plan.record_meanings(state, chosen)
    p_read = 1 / 3 + 2 / 3 * _sigmoid(TRUE_SLOPE * (ability - 3.0))
    state = plan.record_reading(
        state, [q.answer if rng.random() < p_read else (q.answer + 1) % 3 for q in reading.QUESTIONS]
    )
    result = plan.result(state, bank)
    true_size = 0.0
    for band in range(1, BANDS + 1):
        ds = [truth[w.word] for w in bank.words if w.band == band]
        true_size += BAND_SIZE * statistics.fmean(_sigmoid(TRUE_SLOPE * (ability - d)) for d in ds)
    est = result.estimate
    answers = plan.scored_answers(state, bank)
    raw = sum(b.known_share * BAND_SIZE for b in band_scores(answers, 0.0))
    bands_only = estimate(answers)  # the band-by-band yes/no score, corrected for guessing
    return {
        "level": level,
        "estimated": LEVELS.index(result.level) + 1,
        "words_only": LEVELS.index(est.level) + 1,
        "in_range": LEVELS.index(est.low) + 1 <= level <= LEVELS.index(est.high) + 1,
        "size": true_size,
        "size_est": est.vocabulary_size,
        "size_in_range": est.vocabulary_low <= true_size <= est.vocabulary_high,
        "size_raw": raw,
        "size_bands": bands_only.vocabulary_size,
        "items": result.items_answered,
        "yes_no": len(state.answers),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--learners", type=int, default=600)
    parser.add_argument("--split", choices=("test", "tune"), default="test")
    args = parser.parse_args()
    words = split_words(Path(args.data_dir), args.split)
    jitter = random.Random(7)
    truth = {w: level + jitter.uniform(-0.5, 0.5) for w, _, level, _ in words}
    bank = Bank(
        tuple(BankWord(w, upos, band, word_level_score(w, upos)) for w, upos, _, band in words),
        load_bank().pseudowords,
    )
    per_band = [sum(1 for w in bank.words if w.band == b) for b in range(1, BANDS + 1)]
    print(f"split {args.split}: {len(words)} words, per band {per_band}; {args.learners} learners")
    rng = random.Random(2026)
    started = time.perf_counter()
    runs = [simulate(bank, truth, 1 + i % 6, rng) for i in range(args.learners)]
    elapsed = time.perf_counter() - started
    for key, label in (
        ("estimated", "test (words + meanings + text)"),
        ("words_only", "words and meanings only"),
    ):
        exact = statistics.fmean(r[key] == r["level"] for r in runs)
        near = statistics.fmean(abs(r[key] - r["level"]) <= 1 for r in runs)
        mae = statistics.fmean(abs(r[key] - r["level"]) for r in runs)
        print(f"level, {label}: exact {exact:.1%}, within one {near:.1%}, mean abs error {mae:.2f} levels")
    print(f"level: 80% range holds the true level for {statistics.fmean(r['in_range'] for r in runs):.1%}")
    for level in range(1, 7):
        mine = [r for r in runs if r["level"] == level]
        print(
            f"  {LEVELS[level - 1]}: exact {statistics.fmean(r['estimated'] == level for r in mine):.0%}, "
            f"mean estimate {statistics.fmean(r['estimated'] for r in mine):.2f}"
        )
    sizes = (
        ("size_est", "shipped: response model at the ability, corrected for guessing"),
        ("size_bands", "band-by-band yes/no score, corrected for guessing"),
        ("size_raw", "band-by-band yes rate, uncorrected"),
    )
    for key, label in sizes:
        errors = [r[key] - r["size"] for r in runs]
        rel = statistics.fmean(abs(e) / r["size"] for e, r in zip(errors, runs, strict=True))
        print(
            f"vocabulary size, {label}: mean abs error {statistics.fmean(abs(e) for e in errors):.0f} "
            f"(mean error {statistics.fmean(errors):+.0f}), mean relative error {rel:.1%}"
        )
    covered = statistics.fmean(r["size_in_range"] for r in runs)
    print(f"vocabulary size: 80% range holds the truth for {covered:.1%}")
    items = [r["items"] for r in runs]
    print(
        f"items: mean {statistics.fmean(items):.1f} "
        f"(yes/no {statistics.fmean(r['yes_no'] for r in runs):.1f}), "
        f"min {min(items)}, max {max(items)}; {elapsed / len(runs) * 1000:.0f} ms per simulated test"
    )


if __name__ == "__main__":
    main()
