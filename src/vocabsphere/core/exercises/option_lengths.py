"""Which of a choice item's checked wrong options to show, so that the options' lengths tell no
more than chance: a learner who picks the longest option, the shortest, or one of middle length
should be right about as often as one who guesses.

Used where the wrong options come from a short fixed list (collocations: the particles and
prepositions, the hand-listed wrong partners of a noun), where the cloze's way (draw the key's
length place, then find words of the lengths needed) has too few words to draw from and many
ties ("on", "of", "to"). Every subset of the wrong options is scored by how often each of the
three length strategies would pick the key in it (ties broken at random); the item then draws one
subset from the mixture whose scores come closest to chance on average, preferring subsets that
are at chance themselves (options of one length). Every wrong option shown is one the caller has
checked: the choice changes which of them are shown, never whether an item has one answer.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from itertools import combinations

__all__ = ["balanced_wrong", "gives_away", "length_hits", "seeded"]

# Weight of a subset's own distance from chance beside the mixture's: a mixture of a "key
# longest" and a "key shortest" subset is at chance on average but not item by item.
SPREAD = 0.05
_STEPS = 12
_STEP_SIZES = (0.05, 0.1, 0.2, 0.35, 0.5, 1.0)


def seeded(*parts: object) -> random.Random:
    """A draw that depends only on the item (its sentence and gap), so it is made alike twice."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def length_hits(key: str, options: Sequence[str]) -> tuple[float, float, float]:
    """How often picking the longest option, the shortest, or one of neither length finds the key
    (a tie broken at random; with no middle length, the last strategy guesses among all)."""
    lengths = [len(o) for o in options]
    top, low = max(lengths), min(lengths)

    def share(group: list[str]) -> float:
        return group.count(key) / len(group) if group else 0.0

    longest = share([o for o in options if len(o) == top])
    shortest = share([o for o in options if len(o) == low])
    middle = [o for o in options if len(o) not in (top, low)]
    return longest, shortest, share(middle) if middle else 1 / len(options)


def gives_away(key: str, wrong: Sequence[str], count: int, fewest: int) -> bool:
    """Whichever of the wrong options are shown, one length strategy finds the key for certain
    ("up" beside "away" and "back", "about" beside two-letter words, "for" between "of" and
    "from"): the item would check nothing a learner must know."""
    sizes = range(min(fewest, len(wrong)), min(count, len(wrong)) + 1)
    subsets = (s for size in sizes for s in combinations(wrong, size))
    return all(max(length_hits(key, (key, *s))) == 1.0 for s in subsets)


def balanced_wrong(
    key: str,
    wrong: Sequence[str],
    count: int,
    rng: random.Random,
    fewest: int | None = None,
    lean: tuple[float, float, float] = (0.0, 0.0, 0.0),
) -> tuple[str, ...]:
    """``count`` of the ``wrong`` options, or between ``fewest`` and ``count`` of them when
    ``fewest`` is given (a short list: all three of "did", "said", "performed" beside "made" leave
    it alone in the middle), drawn so that the length strategies find the key about as often as
    chance over many items. All of them when there are no more than ``fewest``.

    ``lean``: what each strategy (longest, shortest, middle) should gain over chance on the items
    that have a choice, to make up for keys whose length is a cue whatever is chosen (a kind whose
    keys are mostly the shortest words leans towards items where the key is the longest)."""
    fewest = count if fewest is None else fewest
    if len(wrong) <= fewest:
        return tuple(wrong)
    subsets = [s for size in range(fewest, count + 1) for s in combinations(wrong, size)]
    rng.shuffle(subsets)  # equal subsets: a different one per item, not always the first listed
    # each subset against its own chance: 1 in the number of options it makes
    gaps = [
        tuple(h - 1 / (len(s) + 1) - aim for h, aim in zip(length_hits(key, (key, *s)), lean, strict=True))
        for s in subsets
    ]
    weights = _mixture(gaps)
    return rng.choices(subsets, weights=weights)[0]


def _cost(gap: Sequence[float]) -> float:
    """How far the length strategies are from chance, either way: one that does worse than chance
    is a cue too ("never the middle one")."""
    return sum(g * g for g in gap)


def _mixture(gaps: list[tuple[float, ...]]) -> list[float]:
    """Weights over the subsets whose mean gain over chance is small, each subset's own gain
    counted too (:data:`SPREAD`): Frank-Wolfe steps on that convex cost, each step the best of a
    few lengths."""
    own = [SPREAD * _cost(g) for g in gaps]

    def total(weights: Sequence[float]) -> float:
        mean = [sum(w * g[j] for w, g in zip(weights, gaps, strict=True)) for j in range(len(gaps[0]))]
        return _cost(mean) + sum(w * o for w, o in zip(weights, own, strict=True))

    start = min(range(len(gaps)), key=lambda i: _cost(gaps[i]) + own[i])
    weights = [0.0] * len(gaps)
    weights[start] = 1.0
    for _ in range(_STEPS):
        now = total(weights)
        moves = []
        for best in range(len(gaps)):
            for step in _STEP_SIZES:
                moved = [w * (1 - step) for w in weights]
                moved[best] += step
                moves.append((total(moved), moved))
        cost, moved = min(moves, key=lambda m: m[0])
        if cost >= now - 1e-9:
            break
        weights = moved
    return weights
