"""Content selection: keep the lead and the most central (and most widely reported) sentences.

Works on plain data (``Unit``), so it can be tested without a parser. Lower levels get a word
budget; sentences are ranked by centrality (bag-of-stems cosine to the rest of the story), by how
many other sources report the same fact, and by position, and secondary material (quotes,
background) and sentences full of words above the level are ranked down. Sentences are taken one
by one, each time the best that still fits, with a bonus for the names and numbers it adds to the
version. The chosen sentences keep their original order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from vocabsphere.core.adapt.text_ops import QUOTE_MARKS, split_sentences
from vocabsphere.core.ingest import normalise_numbers

__all__ = [
    "Unit",
    "bag",
    "centrality",
    "facts",
    "grow_budget",
    "is_background",
    "is_quote",
    "retry_budget",
    "select",
    "source_support",
    "target_words",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STOP_WORDS = (
    "a an the and or but if of to in on at by for with from as is are was were be been being have has "
    "had do does did it its this that these those he she they we you i his her their our your my me "
    "him them us not no so than then there here which who whom whose what when where why how also "
    "said says say will would could should can may might must just more most very about into over "
    "after before up out"
)
_STOP = frozenset(_STOP_WORDS.split())
_BACKGROUND = re.compile(
    r"\b(previously|earlier this year|last year|in the past|has long|had long|since \d{4}|"
    r"in \d{4}|background|originally|at the time|first came|was founded|founded in)\b",
    re.IGNORECASE,
)

# Word budgets per level as (share of the source, floor, ceiling); None = keep everything. The
# share counts words after sentence compression. OneStopEnglish's editors keep about 2/3 of an
# article for Elementary and 5/6 for Intermediate; with compression keeping sentences short, more of
# the story fits at the same measured level (docs/quality-adapt.md, tuned on train).
_BUDGETS: dict[str, tuple[float, int, int] | None] = {
    "A1": (0.15, 80, 150),
    "A2": (0.6, 150, 600),
    "B1": (0.9, 300, 1000),
    "B2": (0.9, 400, 100_000),
    "C1": None,
    "C2": None,
}
# A version may grow, by sentences that keep its level, to the share of the story the human editors
# keep at that level (OneStopEnglish Elementary: about 2/3) when the level's budget is smaller. First
# for misses (cutting one to the budget of a level it does not reach only loses the story's names and
# numbers; round facts2), then for hits too (a first-round A2 hit stopped at 60 % of the story while
# the editors tell two thirds of it; round facts4). docs/quality-adapt.md; train.
EDITOR_SHARES = {"A2": 0.67}
# Each verification retry keeps this share of the previous round's budget. 0.85 over ten rounds (round
# adapt-1.9, level slice) kept more of the story at A2 but the sentences it kept back in were often
# faulty (a teacher's reading: 6 of 28 added sentences leaned on cut ones or lost a claim), so the
# 30 % steps stay until coherence can carry longer versions.
RETRY_SHARE = 0.7
MIN_BUDGET = 40

# Preferred longest sentence per level (before syntactic splitting).
MAX_SENTENCE = {"A1": 14, "A2": 18, "B1": 24, "B2": 40}


@dataclass(frozen=True)
class Unit:
    """One sentence of the story: where it is, its text and its words."""

    paragraph: int
    text: str
    words: int

    @property
    def stems(self) -> Counter[str]:
        return bag(self.text)


def bag(text: str) -> Counter[str]:
    """Content-word stems (crude 6-letter prefixes: cheap, language-model free and good enough)."""
    return Counter(w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2)


def _cosine(
    a: Counter[str], b: Counter[str], idf: dict[str, float], norms: tuple[float, float] | None = None
) -> float:
    """``norms``: those of ``a`` and ``b`` (``_norm``) when the caller has them already."""
    # Sorted: summing in set order would make scores (and near-ties) depend on PYTHONHASHSEED.
    dot = sum(a[w] * b[w] * idf.get(w, 1.0) ** 2 for w in sorted(a.keys() & b.keys()))
    if not dot:
        return 0.0
    na, nb = norms if norms is not None else (_norm(a, idf), _norm(b, idf))
    return dot / (na * nb)


def _norm(a: Counter[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum((c * idf.get(w, 1.0)) ** 2 for w, c in a.items()))


def _idf(bags: Sequence[Counter[str]]) -> dict[str, float]:
    df: Counter[str] = Counter(w for b in bags for w in b)
    n = len(bags) or 1
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def centrality(units: Sequence[Unit]) -> list[float]:
    """Mean TF-IDF cosine of each sentence to all others (degree centrality), scaled to [0, 1]."""
    bags = [u.stems for u in units]
    idf = _idf(bags)
    # The cosine is symmetric (the same products, summed in the same sorted order): each pair once,
    # each bag's norm once (a story of 60 sentences has 1,770 pairs, and the rounds ask again).
    norms = [_norm(b, idf) for b in bags]
    pairs: dict[tuple[int, int], float] = {}
    for i, b in enumerate(bags):
        for j in range(i + 1, len(bags)):
            pairs[i, j] = _cosine(b, bags[j], idf, (norms[i], norms[j]))
    raw = [
        sum(pairs[min(i, j), max(i, j)] for j in range(len(bags)) if j != i) / max(len(bags) - 1, 1)
        for i in range(len(bags))
    ]
    top = max(raw, default=0.0)
    return [r / top if top else 0.0 for r in raw]


def source_support(units: Sequence[Unit], sources: Sequence[str], threshold: float = 0.3) -> list[float]:
    """Share of other sources with a sentence similar to each unit (how widely a fact is reported)."""
    if not sources:
        return [0.0] * len(units)
    source_bags = [[bag(s) for s in split_sentences(src)] for src in sources]
    idf = _idf([u.stems for u in units] + [b for bags in source_bags for b in bags])
    support = []
    for unit in units:
        mine = unit.stems
        hits = sum(1 for bags in source_bags if any(_cosine(mine, b, idf) >= threshold for b in bags))
        support.append(hits / len(sources))
    return support


def is_quote(text: str) -> bool:
    return any(mark in text for mark in QUOTE_MARKS)


def is_background(text: str) -> bool:
    return bool(_BACKGROUND.search(text))


def target_words(level: str, source_words: int) -> int | None:
    """Word budget for a level, or None when the whole source is kept."""
    budget = _BUDGETS.get(level)
    if budget is None:
        return None
    share, floor, ceiling = budget
    return min(source_words, max(floor, min(ceiling, round(share * source_words))))


def grow_budget(level: str, source_words: int) -> int | None:
    """Words a version of ``level`` may grow to by sentences that keep its level: the level's budget,
    or the human editors' share of the story when that is larger, within the level's ceiling (None:
    the whole source)."""
    budget = target_words(level, source_words)
    levels = _BUDGETS.get(level)
    if budget is None or levels is None or level not in EDITOR_SHARES:
        return budget
    return min(source_words, levels[2], max(budget, round(EDITOR_SHARES[level] * source_words)))


def retry_budget(budget: int, strength: float) -> int:
    """The word budget of verification round ``strength`` (0 = the first attempt; a fraction is a
    budget between two rounds')."""
    return max(MIN_BUDGET, round(budget * math.pow(RETRY_SHARE, strength)))


# Per unit of "share of the sentence's content words above the level": of two equally central
# sentences, the one with fewer hard words stays (more content kept at the same measured level).
DIFFICULTY_WEIGHT = 2.0
# Per name or number a sentence adds to the version (up to FACT_CAP of them); tuned on train.
FACT_WEIGHT = 0.15
FACT_CAP = 4


def _scores(
    units: Sequence[Unit],
    support: Sequence[float],
    max_len: int | None,
    difficulty: Sequence[float] | None = None,
    central_of: Callable[[Sequence[Unit]], list[float]] = centrality,
) -> list[float]:
    central = central_of(units)
    scores = []
    for i, unit in enumerate(units):
        score = central[i] + 0.8 * support[i] + 0.6 / (1 + i)  # the lead matters most in news
        if difficulty is not None:
            score -= DIFFICULTY_WEIGHT * difficulty[i]
        if is_quote(unit.text):
            score -= 0.35
        if is_background(unit.text):
            score -= 0.2
        if unit.words < 4:
            score -= 0.3
        if max_len is not None and unit.words > max_len:
            score -= 0.05 * (unit.words - max_len)  # long sentences are hard to read at low levels
        scores.append(score)
    return scores


def select(
    units: Sequence[Unit],
    budget: int | None,
    sources: Sequence[str] = (),
    max_len: int | None = None,
    hard_limit: int | None = None,
    difficulty: Sequence[float] | None = None,
    keep_lead: bool = True,
    needs: Sequence[Collection[int]] | None = None,
    start: Collection[int] = (),
    central_of: Callable[[Sequence[Unit]], list[float]] = centrality,
) -> tuple[int, ...]:
    """Indices of the units to keep, in original order, within ``budget`` words (None = all).

    The first sentence (the lead) is kept first; sentences longer than ``max_len`` words rank lower
    and those longer than ``hard_limit`` are left out, except the lead when ``keep_lead`` (the story
    starts there, and the syntax step may split it).
    ``difficulty`` (per unit, 0-1: the share of its words above the level) ranks hard ones lower.
    ``needs`` (per unit, the units it only makes sense after): a unit is taken together with them,
    all counted in the budget, or not at all.
    ``start``: units taken before any other (a version to add to), counted in the budget.
    ``central_of``: ``centrality`` (a caller that selects from the same units again passes its memo).
    """
    if budget is None or sum(u.words for u in units) <= budget:
        return tuple(range(len(units)))
    scores = _scores(units, source_support(units, sources), max_len, difficulty, central_of)
    order = sorted(range(len(units)), key=lambda i: (i != 0, -scores[i], i))
    if hard_limit is not None:
        short = [i for i in order if (i == 0 and keep_lead) or 4 <= units[i].words <= hard_limit]
        order = short if sum(units[i].words for i in short) >= budget // 2 else order
    closures = {i: _closure(i, needs) for i in order}
    found = [facts(u.text) for u in units]
    chosen: set[int] = set(start)
    covered: set[str] = set().union(*(found[i] for i in chosen))
    used = sum(units[i].words for i in chosen)
    while True:
        # Greedy: the best sentence that still fits, counting the names and numbers it adds (the
        # human versions keep a story's names and numbers; a sentence repeating them adds none).
        best, best_gain = -1, -math.inf
        for i in order:
            group = closures[i] - chosen
            if not group or (chosen and used + sum(units[j].words for j in group) > budget):
                continue
            new = set().union(*(found[j] for j in group)) - covered
            gain = scores[i] + FACT_WEIGHT * min(len(new), FACT_CAP)
            if not chosen:  # the lead (first in ``order``) opens the version
                best = i
                break
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            return tuple(sorted(chosen))
        group = closures[best] - chosen
        chosen |= group
        covered |= set().union(*(found[j] for j in group))
        used += sum(units[j].words for j in group)


_NAME = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def facts(text: str) -> set[str]:
    """The names (capitalised words inside a sentence) and numbers a sentence states.

    Numbers count by value, written in words too ("three days", "two million", "2,000"): the human
    versions keep "three" as they keep "3". Ordinals and the word "one" ("one of them") are no facts.
    """
    numbers = {
        f"#{m.value:g}" for m in normalise_numbers(text) if m.kind != "ordinal" and m.text.lower() != "one"
    }
    return set(_NAME.findall(text)) | numbers


def _closure(i: int, needs: Sequence[Collection[int]] | None) -> set[int]:
    """``i`` and, transitively, every unit it needs."""
    group = {i}
    stack = [i]
    while needs is not None and stack:
        for j in needs[stack.pop()]:
            if j not in group:
                group.add(j)
                stack.append(j)
    return group
