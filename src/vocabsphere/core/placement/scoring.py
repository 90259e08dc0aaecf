"""Scoring the yes/no answers with a correction for guessing.

Two measures, both corrected by the learner's "yes" rate on pseudowords (false alarms):
- vocabulary size, the classic yes/no score per frequency band: known share = (hits - false alarms)
  / (1 - false alarms), clipped to 0..1, times the band's 1,000 lemmas, summed over the bands;
- ability on the CEFR scale: a one-parameter response model with guessing. A learner of ability t
  knows a word of difficulty d with probability sigmoid(SLOPE * (t - d)); says "yes" to it with
  probability know * (1 - SLIP) + (1 - know) * g, g being the false-alarm rate. A grid posterior
  (a wide normal prior around B1) gives the estimate and its uncertainty; the level is the highest
  whose words the learner knows at least half of (t in [k, k + 1) is level k, A1 = 1 ... C2 = 6).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from vocabsphere.core.placement.items import BAND_SIZE, BANDS

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
SLOPE = 1.7
SLIP = 0.03  # a known word missed by a slip of the finger
PRIOR_MEAN, PRIOR_SD = 3.0, 1.6
GRID = tuple(0.5 + 0.05 * i for i in range(131))  # 0.5 .. 7.0
# The response model's size at a known ability is itself off for a real learner (item difficulties are
# the word-level model's predictions; the learner's curve is not the model's): this relative error is
# added to the ability's uncertainty in the vocabulary range. Set on the bench's `tune` half.
MODEL_SIZE_ERROR = 0.08
Z80 = 1.2816  # an 80% range, as for the level


@dataclass(frozen=True)
class Answer:
    word: str
    band: int  # 0 for a pseudoword
    difficulty: float  # 0.0 for a pseudoword
    said_yes: bool


@dataclass(frozen=True)
class BandScore:
    band: int
    asked: int
    claimed: int
    known_share: float  # corrected for guessing


@dataclass(frozen=True)
class Estimate:
    ability: float  # posterior mean
    ability_sd: float
    level: str
    low: str  # 80% credible range of levels
    high: str
    level_probabilities: tuple[tuple[str, float], ...]
    false_alarm_rate: float  # "yes" to pseudowords
    hit_rate: float  # "yes" to real words
    vocabulary_size: int
    vocabulary_low: int
    vocabulary_high: int
    bands: tuple[BandScore, ...]


def level_of(ability: float) -> str:
    return LEVELS[min(len(LEVELS), max(1, math.floor(ability))) - 1]


def false_alarms(answers: Sequence[Answer]) -> tuple[int, int]:
    pseudo = [a for a in answers if a.band == 0]
    return sum(a.said_yes for a in pseudo), len(pseudo)


def guessing_rate(answers: Sequence[Answer]) -> float:
    """The false-alarm rate, smoothed (half a "yes" and half a "no" added) so that a learner who said
    no to every pseudoword is not taken to never guess."""
    yes, asked = false_alarms(answers)
    return (yes + 0.5) / (asked + 1)


def _p_yes(ability: float, difficulty: float, guess: float) -> float:
    know = 1 / (1 + math.exp(-SLOPE * (ability - difficulty)))
    return know * (1 - SLIP) + (1 - know) * guess


def posterior(answers: Sequence[Answer]) -> list[float]:
    guess = guessing_rate(answers)
    real = [a for a in answers if a.band > 0]
    logs = []
    for t in GRID:
        log = -0.5 * ((t - PRIOR_MEAN) / PRIOR_SD) ** 2
        for a in real:
            p = _p_yes(t, a.difficulty, guess)
            log += math.log(p if a.said_yes else 1 - p)
        logs.append(log)
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = sum(weights)
    return [w / total for w in weights]


def _quantile(weights: Sequence[float], q: float) -> float:
    acc = 0.0
    for t, w in zip(GRID, weights, strict=True):
        acc += w
        if acc >= q:
            return t
    return GRID[-1]


def band_scores(answers: Sequence[Answer], guess: float) -> tuple[BandScore, ...]:
    scores = []
    for band in range(1, BANDS + 1):
        asked = [a for a in answers if a.band == band]
        claimed = sum(a.said_yes for a in asked)
        hits = claimed / len(asked) if asked else 0.0
        share = max(0.0, min(1.0, (hits - guess) / (1 - guess))) if asked else 0.0
        scores.append(BandScore(band, len(asked), claimed, share))
    return tuple(scores)


def _size(bands: Sequence[BandScore], ability: float) -> int:
    """Band by band; a band with no item asked gets the response model's share at this ability."""
    total = 0.0
    for b in bands:
        if b.asked:
            total += b.known_share * BAND_SIZE
        else:
            mean_d = 1.0 + 5.0 * (b.band - 1) / (BANDS - 1)  # bands left unasked are rare
            total += BAND_SIZE / (1 + math.exp(-SLOPE * (ability - mean_d)))
    return round(total / 10) * 10


def _size_sd(bands: Sequence[BandScore], guess: float) -> float:
    """Sampling error of the band-by-band size: each band's share is a proportion over few items
    (smoothed so that an all-yes or all-no band still carries doubt), scaled up by the correction."""
    variance = 0.0
    for b in bands:
        if b.asked:
            p = (b.claimed + 0.5) / (b.asked + 1)
            variance += (BAND_SIZE / (1 - guess)) ** 2 * p * (1 - p) / b.asked
    return math.sqrt(variance)


def _model_size(ability: float, bank: Sequence[Sequence[float]]) -> float:
    """Lemmas known among the first BANDS x BAND_SIZE: each band's bank words stand for the band."""
    return sum(
        BAND_SIZE * sum(1 / (1 + math.exp(-SLOPE * (ability - d))) for d in ds) / len(ds) for ds in bank if ds
    )


def estimate(answers: Sequence[Answer], bank: Sequence[Sequence[float]] = ()) -> Estimate:
    """The level and vocabulary size. With `bank` (the difficulties of the bank's words, band by band)
    the size comes from the response model at the estimated ability, averaged over its uncertainty,
    which allows for the adaptive choice of words (later batches ask words near the learner's level,
    so a band's yes rate over the words asked is not its rate over the band); without it, from the
    band-by-band yes/no scores."""
    weights = posterior(answers)
    mean = sum(t * w for t, w in zip(GRID, weights, strict=True))
    sd = math.sqrt(sum((t - mean) ** 2 * w for t, w in zip(GRID, weights, strict=True)))
    probabilities = {level: 0.0 for level in LEVELS}
    for t, w in zip(GRID, weights, strict=True):
        probabilities[level_of(t)] += w
    low, high = _quantile(weights, 0.1), _quantile(weights, 0.9)
    guess = guessing_rate(answers)
    fa_yes, fa_asked = false_alarms(answers)
    real = [a for a in answers if a.band > 0]
    bands = band_scores(answers, fa_yes / fa_asked if fa_asked else 0.0)
    if bank:
        sizes = [_model_size(t, bank) for t in GRID]
        mean_size = sum(v * w for v, w in zip(sizes, weights, strict=True))
        ability_var = sum((v - mean_size) ** 2 * w for v, w in zip(sizes, weights, strict=True))
        spread = Z80 * math.sqrt(ability_var + (MODEL_SIZE_ERROR * mean_size) ** 2)
        size = round(mean_size / 10) * 10
        size_low = max(0, round((mean_size - spread) / 10) * 10)
        size_high = min(BANDS * BAND_SIZE, round((mean_size + spread) / 10) * 10)
    else:
        size = _size(bands, mean)
        spread = Z80 * _size_sd(bands, guess)
        size_low = max(0, round((size - spread) / 10) * 10)
        size_high = min(BANDS * BAND_SIZE, round((size + spread) / 10) * 10)
    return Estimate(
        ability=round(mean, 2),
        ability_sd=round(sd, 2),
        level=level_of(mean),
        low=level_of(low),
        high=level_of(high),
        level_probabilities=tuple((level, round(p, 3)) for level, p in probabilities.items()),
        false_alarm_rate=fa_yes / fa_asked if fa_asked else 0.0,
        hit_rate=sum(a.said_yes for a in real) / len(real) if real else 0.0,
        vocabulary_size=size,
        vocabulary_low=size_low,
        vocabulary_high=size_high,
        bands=bands,
    )
